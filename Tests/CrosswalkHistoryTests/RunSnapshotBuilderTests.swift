import CrosswalkCore
import CrosswalkTestSupport
import Testing

@testable import CrosswalkHistory

/// The snapshot the history records agrees with the report it comes from.
struct RunSnapshotBuilderTests {
    static func exampleReport() throws -> GapReport {
        try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [try Fixtures.file("examples/acme/inventory.yaml")],
                policyFile: try Fixtures.file("examples/acme/policy.yaml"),
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
    }

    @Test func theExampleSnapshotHasTheReferenceReportsFindingsWithOwners() throws {
        let report = try Self.exampleReport()
        let snapshot = RunSnapshotBuilder.snapshot(of: report, configHash: "cfg")
        var findings: [SnapshotFinding] = []
        try snapshot.forEachFinding { findings.append($0) }

        let path = "reports/example/crosswalk-report.json"
        let fromReport = try ReportFindingReader.findings(in: try Fixtures.file(path).bytes, file: path)
        #expect(!findings.isEmpty)
        #expect(findings.sorted { $0.key < $1.key } == fromReport.sorted { $0.key < $1.key })
        #expect(findings.count == report.evaluation.outcomes.reduce(0) { $0 + $1.findingCount })
        #expect(findings.contains { $0.owner != nil })
    }

    @Test func theExampleSnapshotCarriesScoresCountsAndProvenance() throws {
        let report = try Self.exampleReport()
        let snapshot = RunSnapshotBuilder.snapshot(of: report, configHash: "cfg")
        #expect(snapshot.generatedAt == report.metadata.generatedAt)
        #expect(snapshot.configHash == "cfg")
        #expect(snapshot.inputs.map(\.sha256) == report.metadata.inputs.map(\.sha256))
        #expect(snapshot.frameworks.map(\.catalogID) == report.frameworks.map(\.catalog.id))
        #expect(snapshot.frameworks.map(\.score) == report.frameworks.map { $0.score?.fraction })
        #expect(snapshot.controls.map(\.controlID) == report.evaluation.outcomes.map(\.definition.id))
    }

    @Test func recordingTheSameReportTwiceChangesNothing() throws {
        let report = try Self.exampleReport()
        let snapshot = RunSnapshotBuilder.snapshot(of: report)
        let store = try HistoryStore(path: try HistoryFixture.databasePath())
        let first = try store.record(snapshot, runID: "run-1")
        let changes = try #require(try store.changes(for: snapshot, runID: "run-2"))
        #expect(changes.newFailureCount == 0)
        #expect(changes.resolvedCount == 0)
        #expect(changes.unchangedCount == first.findingCount)
        #expect(changes.scoreChanges.allSatisfy { $0.previous == $0.current })
    }
}
