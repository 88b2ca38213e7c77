import CrosswalkCore
import CrosswalkTestSupport
import CrosswalkXML
import Foundation
import Testing

/// The JUnit report read by an independent client, junitparser (PyPI), as a CI dashboard reads
/// it: one test case per control, counts that agree with the controls' statuses, failures that
/// list the first findings, and hostile names kept as text. Also the golden file of the example:
/// re-record with `CROSSWALK_RECORD=1 swift test --filter JUnitReportTests`.
@Suite struct JUnitReportTests {
    static let path = "reports/example/crosswalk-junit.xml"

    /// What junitparser saw: the suite counts, and each test case's name, class name, outcome
    /// (`passed`, `failure`, `error`, `skipped`), message and text.
    struct Parsed: Decodable {
        struct Case: Decodable {
            var name: String
            var classname: String
            var outcome: String
            var message: String?
            var text: String?
            var systemOut: String?
        }
        var tests: Int
        var failures: Int
        var errors: Int
        var skipped: Int
        var suites: Int
        var properties: [String: String]
        var cases: [Case]
    }

    static let parseScript = #"""
        import json, sys
        from junitparser import JUnitXml, Failure, Error, Skipped
        xml = JUnitXml.fromfile(sys.argv[1])
        suites = list(xml)
        cases = []
        for suite in suites:
            for case in suite:
                outcome, message, text = "passed", None, None
                for result in case.result:
                    outcome = {Failure: "failure", Error: "error", Skipped: "skipped"}[type(result)]
                    message, text = result.message, result.text
                cases.append({"name": case.name, "classname": case.classname, "outcome": outcome,
                              "message": message, "text": text, "systemOut": case.system_out})
        properties = {p.name: p.value for p in suites[0].properties()}
        print(json.dumps({"tests": xml.tests, "failures": xml.failures, "errors": xml.errors,
                          "skipped": xml.skipped, "suites": len(suites), "properties": properties,
                          "cases": cases}))
        """#

    /// Runs junitparser on `bytes`; nil when it is not installed (skipped locally, a failure on CI).
    static func parse(_ bytes: [UInt8]) throws -> Parsed? {
        if !PythonClient.available("junitparser") {
            #expect(!PythonClient.required, "junitparser (tools/requirements-tests.txt) is needed on CI")
            return nil
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-\(UUID().uuidString).xml")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try PythonClient.run(script: parseScript, arguments: [file.path])
        #expect(result.exitCode == 0, "junitparser refused the report: \(result.stderr)")
        return try JSONDecoder().decode(Parsed.self, from: Data(result.stdout.utf8))
    }

    /// The outcome each control's test case must have, from the rule book's control status.
    static func expectedOutcome(_ status: ControlStatus) -> String {
        switch status {
        case .pass: return "passed"
        case .fail: return "failure"
        case .notAssessed: return "error"
        case .notApplicable: return "skipped"
        }
    }

    /// Checks what every JUnit report must be; returns what junitparser saw.
    static func expectConsistent(_ report: GapReport) throws -> Parsed? {
        guard let parsed = try parse(try JUnitReportRenderer().render(report)) else { return nil }
        let outcomes = report.evaluation.outcomes
        #expect(parsed.suites == 1)
        #expect(parsed.tests == outcomes.count)
        #expect(parsed.failures == outcomes.filter { $0.status == .fail }.count)
        #expect(parsed.errors == outcomes.filter { $0.status == .notAssessed }.count)
        #expect(parsed.skipped == outcomes.filter { $0.status == .notApplicable }.count)
        #expect(parsed.cases.count == outcomes.count)
        for (testCase, outcome) in zip(parsed.cases, outcomes) {
            let definition = outcome.definition
            #expect(testCase.name == "\(definition.id): \(definition.title)")
            #expect(
                testCase.classname == "crosswalk."
                    + definition.id.split(separator: "-").dropLast().joined(separator: "-")
            )
            #expect(testCase.outcome == expectedOutcome(outcome.status), "\(definition.id)")
            #expect(testCase.systemOut?.hasPrefix("\(definition.id): ") == true)
            guard outcome.status == .fail || outcome.status == .notAssessed else { continue }
            let text = testCase.text ?? ""
            let listed = min(outcome.findingCount, JUnitReportRenderer.listedFindings)
            #expect(text.split(separator: "\n").filter { $0.contains(" CW-") && !$0.hasPrefix(" ") }.count == listed)
            let first = try #require(outcome.findings.first)
            #expect(text.contains(FindingID.of(first, control: definition.id)))
            if outcome.findingCount > listed {
                #expect(text.contains("and \(outcome.findingCount - listed) more"), "\(definition.id)")
            } else {
                #expect(!text.contains(" more finding"))
            }
            #expect(testCase.message?.contains("of \(outcome.applicableCount) applicable") == true)
        }
        for framework in report.frameworks {
            #expect(parsed.properties["framework.\(framework.catalog.id).score"] == (framework.score?.text ?? "n/a"))
        }
        return parsed
    }

    @Test func exampleReportMatchesTheCommittedReference() throws {
        let rendered = try JUnitReportRenderer().render(try XMLReferenceReportTests.exampleReport())
        if ProcessInfo.processInfo.environment["CROSSWALK_RECORD"] == "1" {
            try Data(rendered).write(to: Fixtures.url(Self.path))
        }
        #expect(
            String(decoding: rendered, as: UTF8.self) == (try Fixtures.text(Self.path)),
            "\(Self.path) is out of date"
        )
        #expect(rendered == (try JUnitReportRenderer().render(try XMLReferenceReportTests.exampleReport())))
    }

    @Test func exampleReportIsReadByJunitparser() throws {
        let report = try XMLReferenceReportTests.exampleReport()
        guard let parsed = try Self.expectConsistent(report) else { return }
        #expect(parsed.failures > 0)
        #expect(parsed.properties["crosswalk.organization"] == "Acme Financial")
        #expect(parsed.properties["crosswalk.generated_at"] == Fixtures.exampleNow)
    }

    @Test func multicloudReportIsReadByJunitparser() throws {
        let report = try CrosswalkPipeline().run(try MulticloudExample.request())
        guard let parsed = try Self.expectConsistent(report) else { return }
        #expect(parsed.cases.contains { ($0.text ?? "").contains("examples/multicloud/") }, "source evidence")
    }

    /// One agent with nothing recorded: some controls fail, some lack evidence (errors), and those
    /// about credentials, roles or delegation have nothing to judge (skipped).
    @Test func missingEvidenceIsAnErrorAndNothingToJudgeIsSkipped() throws {
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [
                    InputFile(
                        path: "inventory.yaml",
                        text: "version: 1\nidentities:\n  - {id: lone-agent, kind: agent}\n"
                    )
                ],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        let statuses = Set(report.evaluation.outcomes.map(\.status))
        #expect(statuses.contains(.notAssessed))
        #expect(statuses.contains(.notApplicable))
        guard let parsed = try Self.expectConsistent(report) else { return }
        #expect(parsed.errors > 0)
        #expect(parsed.skipped > 0)
    }

    /// A generated inventory of a few thousand identities: each failure lists the first findings
    /// and says how many more there are; the counts are still one per control.
    @Test func failuresOfAGeneratedInventoryListTheFirstFindingsAndCountTheRest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("inventory.jsonl")
        try LargeInventory.write(identities: 2500, to: file)
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: file.path, bytes: Array(try Data(contentsOf: file)))],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        let capped = report.evaluation.outcomes.filter { $0.findingCount > JUnitReportRenderer.listedFindings }
        #expect(capped.count > 0)
        guard let parsed = try Self.expectConsistent(report) else { return }
        for outcome in capped {
            let testCase = try #require(parsed.cases.first { $0.name.hasPrefix(outcome.definition.id + ":") })
            #expect(testCase.text?.contains("and \(outcome.findingCount - 20) more findings") == true)
        }
    }

    static let hostile = [
        "<script>alert(1)</script>", "]]><x>&amp;", "\"quoted\" 'single'", "line\nbreak", "\u{202E}gpj.exe",
        "bell\u{07}here", "=cmd|' /C calc'!A0",
    ]

    @Test func hostileNamesStayTextInFailures() throws {
        let identities = Self.hostile.enumerated().map { index, text -> [String: Any] in
            ["id": "hostile-\(index)", "name": text, "kind": "agent", "owner": text, "authentication": "api-key"]
        }
        let inventory: [String: Any] = ["version": 1, "organization": Self.hostile[0], "identities": identities]
        let data = try JSONSerialization.data(withJSONObject: inventory, options: [.sortedKeys])
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.json", text: String(decoding: data, as: UTF8.self))],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        guard let parsed = try Self.expectConsistent(report) else { return }
        let workload = try #require(parsed.cases.first { $0.name.hasPrefix("CW-AUTH-01:") })
        let text = try #require(workload.text)
        for name in Self.hostile {
            // XML cannot carry U+0007: it becomes U+FFFD; everything else arrives as written.
            let expected = name.replacingOccurrences(of: "\u{07}", with: "\u{FFFD}")
            #expect(text.contains("owner \(expected)"), "\(name.debugDescription)")
        }
        #expect(parsed.properties["crosswalk.organization"] == Self.hostile[0])
    }
}
