import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

@testable import CrosswalkHistory

/// `crosswalk diff`'s core: reading findings from JSON reports, comparing them, rendering.
struct FindingSetDiffTests {
    static func findings(_ path: String) throws -> [SnapshotFinding] {
        try ReportFindingReader.findings(in: try Fixtures.file(path).bytes, file: path)
    }

    @Test func readsTheNonPassResultsOfAReportWithOwnersAndSeverities() throws {
        let findings = try Self.findings("Tests/Fixtures/history/report-before.json")
        #expect(
            findings == [
                SnapshotFinding(
                    key: FindingKey(controlID: "CW-AUTH-01", subjectID: "agent-a"),
                    severity: .high,
                    status: .fail,
                    owner: "team-a"
                ),
                SnapshotFinding(
                    key: FindingKey(controlID: "CW-CRED-01", subjectID: "svc-b/key-1"),
                    severity: .critical,
                    status: .fail,
                    owner: "team <b> | ops"
                ),
            ]
        )
    }

    @Test func readsCamelCaseKeysAndSubjectObjectsToo() throws {
        let findings = try Self.findings("Tests/Fixtures/history/report-after.json")
        #expect(findings.map(\.key.subjectID) == ["svc-b/key-1", "svc-b|<script>"])
        #expect(findings.map(\.status) == [.accepted, .notAssessed])
    }

    @Test func comparesTwoReportsByControlAndSubject() throws {
        let diff = FindingSetDiff(
            old: "before.json",
            new: "after.json",
            oldFindings: try Self.findings("Tests/Fixtures/history/report-before.json"),
            newFindings: try Self.findings("Tests/Fixtures/history/report-after.json")
        )
        #expect(diff.newFindings.map(\.key.subjectID) == ["svc-b|<script>"])
        #expect(diff.resolvedFindings.map(\.key.subjectID) == ["agent-a"])
        #expect(diff.unchangedFindings.map(\.key.subjectID) == ["svc-b/key-1"])
        #expect(diff.unchangedFindings.first?.status == .accepted)

        let markdown = diff.markdown
        #expect(markdown.contains("1 new, 1 resolved, 1 unchanged."))
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("svc-b|<"))
        #expect(markdown.contains("team &lt;b&gt; \\| ops"))
        // Every table row keeps its five cells: no value opened another one.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| CW") {
            let unescapedPipes = line.indices.filter { index in
                line[index] == "|" && (index == line.startIndex || line[line.index(before: index)] != "\\")
            }
            #expect(unescapedPipes.count == 6, "\(line)")
        }

        let json = try JSONSerialization.jsonObject(with: Data(try diff.json().utf8)) as? [String: Any]
        #expect((json?["counts"] as? [String: Int]) == ["new": 1, "resolved": 1, "unchanged": 1])
        let new = json?["new"] as? [[String: Any]]
        #expect(new?.first?["subject"] as? String == "svc-b|<script>")
        #expect(new?.first?["owner"] as? String == "team <b> | ops")
    }

    @Test func subjectsGivenByTheirIdentityRowReadAndCompareExactlyAsWrittenOut() throws {
        let relative = try Self.findings("Tests/Fixtures/history/report-before-relative.json")
        #expect(relative == (try Self.findings("Tests/Fixtures/history/report-before.json")))
        let after = try Self.findings("Tests/Fixtures/history/report-after.json")
        let written = FindingSetDiff(
            old: "before.json",
            new: "after.json",
            oldFindings: try Self.findings("Tests/Fixtures/history/report-before.json"),
            newFindings: after
        )
        let rebuilt = FindingSetDiff(old: "before.json", new: "after.json", oldFindings: relative, newFindings: after)
        #expect(rebuilt.markdown == written.markdown)
        #expect(try rebuilt.json() == (try written.json()))
    }

    /// The JSON report leaves out the subject of results its identity row gives: the reader finds
    /// every finding of the run with its subject id, severity, status and owner all the same.
    @Test func readsEveryFindingOfTheExampleReportWithItsFullSubject() throws {
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [try Fixtures.file("examples/acme/inventory.yaml")],
                policyFile: try Fixtures.file("examples/acme/policy.yaml"),
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        var expected: [SnapshotFinding] = []
        let identities = report.identities.identities
        for outcome in report.evaluation.outcomes {
            try outcome.forEachFinding { finding in
                let identity = finding.subject.identityID.flatMap { id in identities.first { $0.id == id } }
                expected.append(
                    SnapshotFinding(
                        key: FindingKey(controlID: outcome.definition.id, subjectID: finding.subject.id),
                        severity: outcome.definition.severity,
                        status: finding.status,
                        owner: OwnerName.of(identity)
                    )
                )
            }
        }
        let bytes = try JSONReportRenderer().render(report)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""credential":"#), "some subjects are relative")
        let read = try ReportFindingReader.findings(in: bytes, file: "crosswalk-report.json")
        #expect(read == expected)
        #expect(read.count > 50)
    }

    @Test func aReportThatIsNotJSONNamesTheLineAndColumn() throws {
        let error = #expect(throws: Diagnostic.self) {
            try ReportFindingReader.findings(in: Array("{\n  \"controls\": [,]\n}".utf8), file: "bad.json")
        }
        #expect(error?.file == "bad.json")
        #expect(error?.location?.line == 2)
    }

    @Test func aResultWithAnUnknownStatusNamesItsKeyPath() throws {
        let text = #"{"controls": [{"id": "CW-A", "results": [{"status": "maybe", "subject": "x"}]}]}"#
        let error = #expect(throws: Diagnostic.self) {
            try ReportFindingReader.findings(in: Array(text.utf8), file: "odd.json")
        }
        #expect(error?.keyPath == "controls[0].results[0]")
        #expect(error?.message.contains("status") == true)
    }

    @Test func aJSONFileThatIsNotAReportSaysSo() throws {
        let error = #expect(throws: Diagnostic.self) {
            try ReportFindingReader.findings(in: Array(#"{"identities": []}"#.utf8), file: "inventory.json")
        }
        #expect(error?.message.contains("no `controls` list") == true)
    }
}
