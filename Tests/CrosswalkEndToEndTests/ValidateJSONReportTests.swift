import CrosswalkTestSupport
import Foundation
import Testing

/// Runs the built `crosswalk` binary on JSON reports: `crosswalk validate` recognises a report by
/// its `schema` member and checks it against schemas/crosswalk-report-2.schema.json, accepting
/// what `crosswalk report` writes and naming each violation by file, line, column and key path.
@Suite struct ValidateJSONReportTests {
    static let references = ["reports/example/crosswalk-report.json", "reports/multicloud/crosswalk-report.json"]
    static let schema = "schemas/crosswalk-report-2.schema.json"

    /// Validates argv[2…] against the schema argv[1] with Python's `jsonschema`; prints the number
    /// of violations per file.
    static let script = #"""
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        print(json.dumps({name: len(list(validator.iter_errors(json.load(open(name, encoding="utf-8")))))
                          for name in sys.argv[2:]}))
        """#

    @Test func validateAcceptsTheReferenceJSONReports() throws {
        let result = try CommandRunner.run(["validate"] + Self.references)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == Self.references.map { "\($0): valid JSON report\n" }.joined())
        #expect(result.stderr == "")
    }

    @Test func reportsWrittenWithPassingSubjectsAndPrettyValidateWithCrosswalkAndJSONSchema() throws {
        var paths: [String] = []
        for extra in [["--include-passing"], ["--pretty"], ["--include-passing", "--pretty"]] {
            let output = try CommandRunner.temporaryDirectory()
            let written = try CommandRunner.run(
                ["report", "examples/acme", "--format", "json", "--output", output.path, "--now", Fixtures.exampleNow]
                    + extra
            )
            #expect(written.exitCode == 0, "stderr: \(written.stderr)")
            let path = output.appendingPathComponent("crosswalk-report.json").path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("\"passing_subjects\"") == extra.contains("--include-passing"))
            #expect(text.hasPrefix("{\n  \"schema\"") == extra.contains("--pretty"))
            paths.append(path)
        }
        let validated = try CommandRunner.run(["validate"] + paths)
        #expect(validated.exitCode == 0, "stderr: \(validated.stderr)")
        #expect(validated.stdout == paths.map { "\($0): valid JSON report\n" }.joined())

        guard PythonClient.available("jsonschema") else {
            #expect(!PythonClient.required)
            return
        }
        let python = try PythonClient.run(
            script: Self.script,
            arguments: [Fixtures.url(Self.schema).path] + paths + Self.references.map { Fixtures.url($0).path }
        )
        #expect(python.exitCode == 0, "stderr: \(python.stderr)")
        let counts = try JSONDecoder().decode([String: Int].self, from: Data(python.stdout.utf8))
        #expect(counts.count == paths.count + Self.references.count)
        #expect(counts.values.allSatisfy { $0 == 0 }, "\(counts)")
    }

    @Test func validateNamesEachViolationWithItsLocationAndKeyPathAndExitsTwo() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let broken = folder.appendingPathComponent("broken.json")
        try """
        {"schema": "urn:crosswalk:report:2",
         "run": {"tool": "crosswalk", "tool_version": "0.1.0", "generated_at": "2026-11-01T00:00:00Z",
                 "includes_passing": "no"},
         "inventory": {"identities": -1}}
        """.write(to: broken, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", broken.path])
        #expect(result.exitCode == 2)
        #expect(result.stdout == "")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(broken.path):3:30: error: run.includes_passing: expected a boolean, found a string"))
        #expect(lines.contains("\(broken.path):4:15: error: inventory: missing required key \"agents\""))
        #expect(
            lines.contains(
                "\(broken.path):4:30: error: inventory.identities: expected a number of at least 0, found -1"
            )
        )
        #expect(lines.contains("\(broken.path):1:1: error: missing required key \"controls\""))
    }

    @Test func aReportOfAnotherSchemaVersionIsRefusedAtTheSchemaKey() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let old = folder.appendingPathComponent("old-report.json")
        try #"{"schema": "urn:crosswalk:report:1"}"#.write(to: old, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", old.path])
        #expect(result.exitCode == 2)
        #expect(
            result.stderr.hasPrefix(
                "\(old.path):1:1: error: schema: unsupported report schema \"urn:crosswalk:report:1\""
            )
        )
    }
}
