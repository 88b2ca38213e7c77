import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// crosswalk-report.sarif checked by an independent client: Python's `jsonschema` validates it
/// against the OASIS SARIF 2.1.0 JSON schema (Tests/Fixtures/schemas/sarif-schema-2.1.0.json, with
/// the validator for the draft the schema declares), and the same script checks what GitHub code
/// scanning needs and the schema cannot say, and that every rule relationship names a taxon that
/// exists.
@Suite struct SARIFSchemaTests {
    static let schema = "Tests/Fixtures/schemas/sarif-schema-2.1.0.json"

    /// Validates argv[2] against argv[1]; prints a JSON verdict; exits 1 on any problem.
    static let script = #"""
        import json, sys
        from jsonschema import validators
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        cls = validators.validator_for(schema)
        cls.check_schema(schema)
        log = json.load(open(sys.argv[2], encoding="utf-8"))
        errors = ["/".join(map(str, e.absolute_path)) + ": " + e.message[:200]
                  for e in cls(schema).iter_errors(log)]
        problems = []
        runs = log.get("runs", [])
        if len(runs) != 1:
            problems.append("expected one run")
        run = runs[0]
        rules = run["tool"]["driver"]["rules"]
        ids = [r["id"] for r in rules]
        if len(set(ids)) != len(ids):
            problems.append("rule ids are not unique")
        for rule in rules:
            severity = rule.get("properties", {}).get("security-severity")
            try:
                ok = isinstance(severity, str) and 0.0 < float(severity) <= 10.0
            except ValueError:
                ok = False
            if not ok:
                problems.append(rule["id"] + ": security-severity " + repr(severity))
            if not rule.get("help", {}).get("text") or not rule.get("shortDescription", {}).get("text"):
                problems.append(rule["id"] + ": no help or short description")
            if len(rule.get("properties", {}).get("tags", [])) > 20:
                problems.append(rule["id"] + ": more than 20 tags")
            for relationship in rule.get("relationships", []):
                target = relationship["target"]
                taxonomy = run["taxonomies"][target["toolComponent"]["index"]]
                if taxonomy["name"] != target["toolComponent"]["name"] \
                        or taxonomy["taxa"][target["index"]]["id"] != target["id"]:
                    problems.append(rule["id"] + ": relationship to a taxon that is not there")
        artifacts = run.get("artifacts", [])
        fingerprints = set()
        for number, result in enumerate(run["results"]):
            where = "result %d" % number
            if rules[result["ruleIndex"]]["id"] != result["ruleId"]:
                problems.append(where + ": ruleIndex does not name ruleId")
            if len(result.get("locations", [])) != 1:
                problems.append(where + ": not exactly one location")
                continue
            physical = result["locations"][0]["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            if ":" in uri.split("/")[0] and not uri.startswith("file:///"):
                problems.append(where + ": uri has a scheme: " + uri)
            if not uri.startswith("file:///") and physical["artifactLocation"].get("uriBaseId") != "%SRCROOT%":
                problems.append(where + ": relative uri without %SRCROOT%")
            if physical["region"]["startLine"] < 1:
                problems.append(where + ": startLine below 1")
            index = physical["artifactLocation"].get("index")
            if index is not None and artifacts[index]["location"]["uri"] != uri:
                problems.append(where + ": artifact index names another file")
            fingerprint = result.get("partialFingerprints", {}).get("crosswalkFindingId/v1")
            if not fingerprint or fingerprint != result["fingerprints"]["crosswalkFindingId/v1"]:
                problems.append(where + ": no finding id fingerprint")
            fingerprints.add(fingerprint)
            if result.get("kind", "fail") != "fail" and result.get("level", "none") != "none":
                problems.append(where + ": a result of kind " + result["kind"] + " must have level none")
        if len(fingerprints) != len(run["results"]):
            problems.append("fingerprints are not unique")
        print(json.dumps({"validator": cls.__name__, "errors": errors[:10], "error_count": len(errors),
                          "problems": problems[:10], "results": len(run["results"])}))
        sys.exit(1 if errors or problems else 0)
        """#

    struct Verdict: Decodable {
        var validator: String
        var errors: [String]
        var problems: [String]
        var results: Int
    }

    /// Runs the client on `bytes`; nil when the client is not installed (and not required).
    static func check(_ bytes: [UInt8], name: String) throws -> (exitCode: Int32, verdict: Verdict)? {
        if !PythonClient.available("jsonschema") {
            #expect(
                !PythonClient.required,
                "the jsonschema client must be installed on CI (tools/requirements-tests.txt)"
            )
            return nil
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "crosswalk-sarif-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        let result = try PythonClient.run(script: script, arguments: [Fixtures.url(schema).path, file.path])
        let verdict = try JSONDecoder().decode(Verdict.self, from: Data(result.stdout.utf8))
        return (result.exitCode, verdict)
    }

    static func expectValid(_ report: GapReport, name: String) throws {
        let bytes = try SARIFReportRenderer().render(report)
        guard let (exitCode, verdict) = try check(bytes, name: name) else { return }
        #expect(verdict.validator == "Draft4Validator", "the OASIS schema declares draft-04")
        #expect(verdict.errors.isEmpty, "\(name): \(verdict.errors)")
        #expect(verdict.problems.isEmpty, "\(name): \(verdict.problems)")
        #expect(exitCode == 0)
        #expect(verdict.results == report.evaluation.outcomes.reduce(0) { $0 + $1.findingCount })
    }

    @Test func theExampleIsValidSARIF() throws {
        try Self.expectValid(try ReferenceReportTests.exampleReport(), name: "example.sarif")
    }

    @Test func theCommittedReferenceIsValidSARIF() throws {
        let bytes = Array(try Data(contentsOf: Fixtures.url("reports/example/crosswalk-report.sarif")))
        guard let (exitCode, verdict) = try Self.check(bytes, name: "reference.sarif") else { return }
        #expect(verdict.errors.isEmpty && verdict.problems.isEmpty, "\(verdict.errors) \(verdict.problems)")
        #expect(exitCode == 0)
    }

    @Test func theMulticloudExampleIsValidSARIF() throws {
        try Self.expectValid(try CrosswalkPipeline().run(try MulticloudExample.request()), name: "multicloud.sarif")
    }

    @Test func aHostileInventoryIsValidSARIF() throws {
        try Self.expectValid(try SARIFExportTests.hostileReport(), name: "hostile.sarif")
    }

    /// The client is a real check: a log that breaks the schema is rejected.
    @Test func theClientRejectsAnInvalidLog() throws {
        var text = String(
            decoding: try SARIFReportRenderer().render(try SARIFExportTests.hostileReport()),
            as: UTF8.self
        )
        text = text.replacingOccurrences(of: "\"version\": \"2.1.0\"", with: "\"version\": \"2.0.0\"")
        guard let (exitCode, verdict) = try Self.check(Array(text.utf8), name: "broken.sarif") else { return }
        #expect(exitCode != 0)
        #expect(verdict.errors.contains { $0.hasPrefix("version:") })
    }
}
