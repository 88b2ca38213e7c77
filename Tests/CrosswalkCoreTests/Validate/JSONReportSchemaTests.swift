import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// `schemas/crosswalk-report-2.schema.json` against the JSON reports Crosswalk writes: every
/// committed reference report and fresh reports (passing subjects listed, compact and pretty,
/// hostile names) validate with Crosswalk's own validator and with Python's `jsonschema`; broken
/// reports are rejected by both at the same key path.
@Suite struct JSONReportSchemaTests {
    static let references = ["reports/example/crosswalk-report.json", "reports/multicloud/crosswalk-report.json"]

    /// Validates argv[2…] against the draft 2020-12 schema argv[1]; prints, per file, the sorted
    /// key paths of its violations (`a.b[0].c`, the path of the object for a missing key).
    static let script = #"""
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        def key_path(parts):
            text = ""
            for part in parts:
                text += "[%d]" % part if isinstance(part, int) else ("." if text else "") + part
            return text
        verdicts = {}
        for name in sys.argv[2:]:
            document = json.load(open(name, encoding="utf-8"))
            verdicts[name] = sorted(key_path(e.absolute_path) for e in validator.iter_errors(document))
        print(json.dumps(verdicts))
        """#

    /// The key paths Python's `jsonschema` reports per file, or nil when it is not installed.
    static func pythonVerdicts(_ paths: [String]) throws -> [String: [String]]? {
        guard PythonClient.available("jsonschema") else { return nil }
        let result = try PythonClient.run(
            script: script,
            arguments: [Fixtures.url(JSONReportSchema.path).path] + paths
        )
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        return try JSONDecoder().decode([String: [String]].self, from: Data(result.stdout.utf8))
    }

    private static func schemaValidator() throws -> JSONSchemaValidator {
        JSONSchemaValidator(try JSONReportSchema.schema.get())
    }

    /// A fresh JSON report of an inventory with a hostile name, an owner and a missing owner.
    private static func report(includePassing: Bool, pretty: Bool) throws -> [UInt8] {
        let inventory = """
            version: 1
            organization: "Org \\"quoted\\" <b>"
            identities:
              - {id: hostile, name: "a\\"b\\\\c\\n<script>", kind: service-account}
              - id: owned
                kind: agent
                owner: platform-team
                credentials:
                  - {id: key-1, type: api-key, created: "2024-01-01T00:00:00Z", status: active}
            """
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.yaml", text: inventory)],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow)),
                includePassing: includePassing
            )
        )
        let sink = MemorySink()
        try ReportExporter(report).export(to: JSONExportWriter(sink: sink, pretty: pretty))
        return sink.bytes
    }

    @Test func theSchemaLoadsFromTheBundledResourcesAndEqualsTheRepositoryFile() throws {
        _ = try JSONReportSchema.schema.get()
        #expect(BundledResources.text(at: JSONReportSchema.path) == (try Fixtures.text(JSONReportSchema.path)))
    }

    @Test(arguments: references)
    func everyReferenceReportIsValid(path: String) throws {
        let file = try Fixtures.file(path)
        #expect(try FileValidator.classify(file) == .report)
        #expect(JSONReportSchema.validate(file).map(\.description) == [])
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func freshReportsAreValidPassingOrNotCompactOrPretty(includePassing: Bool, pretty: Bool) throws {
        let bytes = try Self.report(includePassing: includePassing, pretty: pretty)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("passing_subjects") == includePassing)
        let file = InputFile(path: "crosswalk-report.json", bytes: bytes)
        #expect(JSONReportSchema.validate(file).map(\.description) == [])

        let directory = try CommandRunner.temporaryDirectory()
        let path = directory.appendingPathComponent("crosswalk-report.json").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        guard let verdicts = try Self.pythonVerdicts([path]) else {
            #expect(!PythonClient.required)
            return
        }
        #expect(verdicts[path] == [])
    }

    @Test func pythonJSONSchemaAcceptsEveryReferenceReport() throws {
        let paths = Self.references.map { Fixtures.url($0).path }
        guard let verdicts = try Self.pythonVerdicts(paths) else {
            #expect(!PythonClient.required)
            return
        }
        for path in paths { #expect(verdicts[path] == [], "\(path)") }
    }

    /// The example report with one change made to its parsed JSON.
    private static func broken(_ change: (inout [String: Any]) -> Void) throws -> [UInt8] {
        let data = try Data(contentsOf: Fixtures.url(references[0]))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&object)
        return Array(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]))
    }

    /// Applies `change` to the first result of the first control that has one.
    private static func changingFirstResult(
        _ object: inout [String: Any],
        _ change: (inout [String: Any]) -> Void
    ) -> Int {
        var controls = object["controls"] as? [[String: Any]] ?? []
        let index = controls.firstIndex { !($0["results"] as? [Any] ?? []).isEmpty } ?? 0
        var results = controls[index]["results"] as? [[String: Any]] ?? []
        change(&results[0])
        controls[index]["results"] = results
        object["controls"] = controls
        return index
    }

    @Test func brokenReportsAreRejectedByBothValidatorsAtTheSameKeyPath() throws {
        var missingControl = 0
        let missing = try Self.broken { object in
            missingControl = Self.changingFirstResult(&object) { $0.removeValue(forKey: "status") }
        }
        var unknownControl = 0
        let unknown = try Self.broken { object in
            unknownControl = Self.changingFirstResult(&object) { $0["status"] = "failed" }
        }
        let wrongType = try Self.broken { object in
            var inventory = object["inventory"] as? [String: Any] ?? [:]
            inventory["identities"] = "14"
            object["inventory"] = inventory
        }
        let cases: [(name: String, bytes: [UInt8], path: String, message: String)] = [
            ("missing.json", missing, "controls[\(missingControl)].results[0]", #"missing required key "status""#),
            (
                "unknown.json", unknown, "controls[\(unknownControl)].results[0].status",
                #"expected one of "pass", "fail", "not-applicable", "not-assessed", "accepted", "error"; found "failed""#
            ),
            ("wrong-type.json", wrongType, "inventory.identities", "expected an integer, found a string"),
        ]
        let directory = try CommandRunner.temporaryDirectory()
        var paths: [String] = []
        for broken in cases {
            let problems = JSONReportSchema.validate(InputFile(path: broken.name, bytes: broken.bytes))
            #expect(problems.count == 1, "\(problems)")
            let problem = try #require(problems.first)
            #expect(problem.keyPath == broken.path)
            #expect(problem.message == broken.message)
            #expect(problem.file == broken.name)
            let location = try #require(problem.location)
            // The location points at the offending value (or the object missing a key).
            let lines = String(decoding: broken.bytes, as: UTF8.self).split(
                separator: "\n",
                omittingEmptySubsequences: false
            )
            let line = lines[location.line - 1]
            let pointed = line.utf8.dropFirst(location.column - 1)
            let first = try #require(pointed.first)
            #expect(first == (broken.name == "missing.json" ? UInt8(ascii: "{") : UInt8(ascii: "\"")))
            let path = directory.appendingPathComponent(broken.name).path
            try Data(broken.bytes).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        guard let verdicts = try Self.pythonVerdicts(paths) else {
            #expect(!PythonClient.required)
            return
        }
        for (broken, path) in zip(cases, paths) { #expect(verdicts[path] == [broken.path], "\(broken.name)") }
    }

    @Test func unknownKeysAreNamedAtTheirKeyAndManyViolationsAreCapped() throws {
        let bytes = Array(#"{"schema": "urn:crosswalk:report:2", "extra": 1}"#.utf8)
        let problems = try Self.schemaValidator().validate(
            try JSONSourceParser.parse(bytes),
            file: "r.json"
        )
        #expect(problems.contains { $0.keyPath == "extra" && $0.location == SourceLocation(line: 1, column: 38) })
        #expect(problems.filter { $0.message.hasPrefix("missing required key") }.count == 13)

        var limited = try Self.schemaValidator()
        limited.limit = 2
        let capped = limited.validate(try JSONSourceParser.parse(bytes), file: "r.json")
        #expect(capped.count == 3)
        #expect(capped.last?.message == "12 more schema violations not shown")
    }

    @Test func anotherReportVersionIsRecognisedButNotChecked() throws {
        let file = InputFile(path: "old.json", text: #"{"schema": "urn:crosswalk:report:1", "run": {}}"#)
        #expect(try FileValidator.classify(file) == .report)
        let problems = JSONReportSchema.validate(file)
        #expect(problems.map(\.keyPath) == ["schema"])
        #expect(problems.first?.message.contains("unsupported report schema") == true)
    }

    @Test func theValidatorRefusesKeywordsItDoesNotImplementAndDanglingReferences() throws {
        #expect(throws: Diagnostic.self) {
            try JSONSchema.parse(Array(#"{"type": "string", "pattern": "^a"}"#.utf8), file: "s.json")
        }
        #expect(throws: Diagnostic.self) {
            try JSONSchema.parse(Array(##"{"items": {"$ref": "#/$defs/missing"}}"##.utf8), file: "s.json")
        }
    }

    @Test func keywordsBehaveAsDraft202012Says() throws {
        let schema = try JSONSchema.parse(
            Array(
                ##"""
                {"type": "object", "required": ["n"], "additionalProperties": {"type": "boolean"},
                 "properties": {"n": {"$ref": "#/$defs/count"}, "c": {"const": [1, {"a": null}]},
                                "list": {"type": "array", "items": {"enum": ["x", 2]}}},
                 "$defs": {"count": {"type": "integer", "minimum": 0}}}
                """##.utf8
            ),
            file: "s.json"
        )
        let validator = JSONSchemaValidator(schema)
        func paths(_ json: String) throws -> [String?] {
            validator.validate(try JSONSourceParser.parse(Array(json.utf8)), file: "d.json").map(\.keyPath)
        }
        #expect(try paths(#"{"n": 2.0, "c": [1.0, {"a": null}], "list": ["x", 2], "flag": true}"#) == [])
        #expect(try paths(#"{"n": -1}"#) == ["n"])
        #expect(try paths(#"{"n": 1.5}"#) == ["n"])
        #expect(try paths(#"{"n": 1, "c": [1, {"a": 0}]}"#) == ["c"])
        #expect(try paths(#"{"n": 1, "list": ["x", "y", 3]}"#) == ["list[1]", "list[2]"])
        #expect(try paths(#"{"n": 1, "flag": "yes"}"#) == ["flag"])
        #expect(try paths(#"[]"#) == [nil])
    }
}
