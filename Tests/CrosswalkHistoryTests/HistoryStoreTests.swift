import CrosswalkCore
import Testing

@testable import CrosswalkHistory

/// Three runs on fixed clocks: what changed between them, resolution times, trend and scores.
struct HistoryStoreTests {
    typealias F = HistoryFixture

    // Day 0: a (critical), b (high), c (medium).
    // Day 1: a, c, d (low)      → d new, b resolved after 1 day.
    // Day 3: a, b, d            → b back (regression), c resolved after 3 days.
    static let day0: [SnapshotFinding] = [
        F.finding("CW-A", "s1", .critical), F.finding("CW-A", "s2"), F.finding("CW-B", "s1", .medium),
    ]
    static let day1: [SnapshotFinding] = [
        F.finding("CW-A", "s1", .critical), F.finding("CW-B", "s1", .medium), F.finding("CW-B", "s3", .low, owner: nil),
    ]
    static let day3: [SnapshotFinding] = [
        F.finding("CW-A", "s1", .critical), F.finding("CW-A", "s2", status: .error),
        F.finding("CW-B", "s3", .low, owner: nil),
    ]

    @Test func theFirstRunHasNothingToCompareWith() throws {
        let store = try HistoryStore(path: try F.databasePath())
        #expect(try store.previousRun() == nil)
        #expect(try store.changes(for: F.snapshot(day: 0, score: 0.5, Self.day0)) == nil)
        let recorded = try store.record(F.snapshot(day: 0, score: 0.5, Self.day0), runID: "20261101T000000Z")
        #expect(recorded.findingCount == 3)
        #expect(recorded.newCount == 3)
        #expect(try store.previousRun() == RunReference(id: "20261101T000000Z", generatedAt: F.day(0)))
    }

    @Test func threeRunsGiveNewResolvedRegressedAndUnchangedFindings() throws {
        let store = try HistoryStore(path: try F.databasePath())
        try store.record(F.snapshot(day: 0, score: 0.5, Self.day0), runID: "run-0")

        let second = F.snapshot(day: 1, score: 0.6, Self.day1)
        let changes1 = try #require(try store.changes(for: second, runID: "run-1"))
        #expect(changes1.previous.id == "run-0")
        #expect(changes1.newFailures.map(\.key) == [FindingKey(controlID: "CW-B", subjectID: "s3")])
        #expect(changes1.newFailures.first?.owner == nil)
        #expect(changes1.newFailureCount == 1)
        #expect(changes1.resolvedFailures.map(\.key) == [FindingKey(controlID: "CW-A", subjectID: "s2")])
        #expect(changes1.resolvedFailures.first?.firstSeen == F.day(0))
        #expect(changes1.resolvedFailures.first?.owner == "team-a")
        #expect(changes1.regressionCount == 0)
        #expect(changes1.unchangedCount == 2)
        #expect(changes1.meanTimeToResolve == [ResolutionTime(severity: .high, resolvedCount: 1, meanDays: 1)])
        #expect(changes1.scoreChanges.first?.pointChange.map { ($0 * 10).rounded() / 10 } == 10)
        let recorded1 = try store.record(second, runID: "run-1")
        #expect(
            [recorded1.newCount, recorded1.resolvedCount, recorded1.regressionCount, recorded1.unchangedCount]
                == [1, 1, 0, 2]
        )

        let third = F.snapshot(day: 3, score: nil, Self.day3)
        let changes3 = try #require(try store.changes(for: third, runID: "run-3"))
        #expect(changes3.previous == RunReference(id: "run-1", generatedAt: F.day(1)))
        #expect(changes3.newFailureCount == 0)
        #expect(changes3.regressions.map(\.key) == [FindingKey(controlID: "CW-A", subjectID: "s2")])
        #expect(changes3.regressions.first?.status == .error)
        #expect(changes3.regressions.first?.firstSeen == F.day(3))
        #expect(changes3.regressionCount == 1)
        #expect(changes3.resolvedFailures.map(\.key) == [FindingKey(controlID: "CW-B", subjectID: "s1")])
        #expect(changes3.resolvedFailures.first?.firstSeen == F.day(0))
        #expect(changes3.unchangedCount == 2)
        #expect(
            changes3.meanTimeToResolve == [
                ResolutionTime(severity: .high, resolvedCount: 1, meanDays: 1),
                ResolutionTime(severity: .medium, resolvedCount: 1, meanDays: 3),
            ]
        )
        #expect(
            changes3.scoreChanges == [
                FrameworkScoreChange(catalogID: "owasp-nhi-top10-2025", previous: 0.6, current: nil)
            ]
        )
        #expect(changes3.trend.map(\.run.id) == ["run-0", "run-1", "run-3"])
        #expect(changes3.trend.map { $0.scores["owasp-nhi-top10-2025"] } == [0.5, 0.6, nil])

        let recorded3 = try store.record(third, runID: "run-3")
        #expect(
            [recorded3.newCount, recorded3.resolvedCount, recorded3.regressionCount, recorded3.unchangedCount]
                == [0, 1, 1, 2]
        )
        let runs = try store.runs()
        #expect(runs.map(\.run.id) == ["run-0", "run-1", "run-3"])
        #expect(runs.map(\.findingCount) == [3, 3, 3])
        #expect(runs.map(\.regressionCount) == [0, 0, 1])
        #expect(runs.last?.scores.first?.score == nil)
        #expect(runs.first?.configHash == "config-0")
    }

    /// What the new-failure gate reads: failing now and not failing in the previous run — a new
    /// finding, a regression, or a finding that was accepted (waived) or not assessed before.
    @Test func newlyFailingCountsFindingsThatStartedToFailBySeverity() throws {
        let store = try HistoryStore(path: try F.databasePath())
        try store.record(
            F.snapshot(
                day: 0,
                score: 0.5,
                [
                    F.finding("CW-A", "waived", .critical, status: .accepted),
                    F.finding("CW-A", "unknown", .high, status: .notAssessed),
                    F.finding("CW-A", "failing", .high), F.finding("CW-B", "gone", .medium),
                ]
            ),
            runID: "run-0"
        )
        try store.record(F.snapshot(day: 1, score: 0.5, [F.finding("CW-A", "failing", .high)]), runID: "run-1")
        let changes = try #require(
            try store.changes(
                for: F.snapshot(
                    day: 2,
                    score: 0.5,
                    [
                        F.finding("CW-A", "failing", .high), F.finding("CW-B", "gone", .medium),
                        F.finding("CW-C", "new", .low), F.finding("CW-C", "new-unknown", .low, status: .notAssessed),
                    ]
                ),
                runID: "run-2"
            )
        )
        #expect(changes.newlyFailing == [.medium: 1, .low: 1])

        let store2 = try HistoryStore(path: try F.databasePath())
        try store2.record(
            F.snapshot(
                day: 0,
                score: 0.5,
                [
                    F.finding("CW-A", "waived", .critical, status: .accepted),
                    F.finding("CW-A", "unknown", .high, status: .notAssessed),
                ]
            ),
            runID: "run-0"
        )
        let expired = try #require(
            try store2.changes(
                for: F.snapshot(
                    day: 1,
                    score: 0.5,
                    [F.finding("CW-A", "waived", .critical), F.finding("CW-A", "unknown", .high)]
                ),
                runID: "run-1"
            )
        )
        #expect(expired.newFailureCount == 0 && expired.unchangedCount == 2)
        #expect(expired.newlyFailing == [.critical: 1, .high: 1])
    }

    @Test func aRecordedRunsFindingsCanBeReadBack() throws {
        let store = try HistoryStore(path: try F.databasePath())
        try store.record(F.snapshot(day: 0, score: 0.5, Self.day0), runID: "run-0")
        try store.record(F.snapshot(day: 1, score: 0.6, Self.day1), runID: "run-1")
        try store.record(F.snapshot(day: 3, score: 0.6, Self.day3), runID: "run-3")
        for (id, expected) in [("run-0", Self.day0), ("run-1", Self.day1)] {
            let keys = try store.findings(ofRun: id).map(\.key)
            #expect(keys == expected.map(\.key).sorted(), "\(id)")
        }
        #expect(try store.findings(ofRun: "run-3").map(\.status) == [.fail, .error, .fail])
        #expect(throws: HistoryError.unknownRun(path: store.path, runID: "run-9")) {
            try store.findings(ofRun: "run-9")
        }
    }

    @Test func aRunIsRecordedOnce() throws {
        let store = try HistoryStore(path: try F.databasePath())
        try store.record(F.snapshot(day: 0, score: 0.5, Self.day0), runID: "run-0")
        #expect(throws: HistoryError.runAlreadyRecorded(path: store.path, runID: "run-0")) {
            try store.record(F.snapshot(day: 1, score: 0.5, Self.day1), runID: "run-0")
        }
        #expect(try store.runs().count == 1)
    }

    @Test func aFindingListedTwiceInOneRunCountsOnce() throws {
        let store = try HistoryStore(path: try F.databasePath())
        let twice = [F.finding("CW-A", "s1"), F.finding("CW-A", "s1")]
        #expect(try store.record(F.snapshot(day: 0, score: 0.5, twice), runID: "run-0").findingCount == 1)
        let changes = try #require(try store.changes(for: F.snapshot(day: 1, score: 0.5, twice)))
        #expect(changes.unchangedCount == 1)
        #expect(changes.newFailureCount == 0)
    }

    @Test func theRunIDIsTheCompactUTCTimestamp() {
        #expect(HistoryStore.runID(for: F.day(0)) == "20261101T000000Z")
    }

    @Test func changedFindingListsAreWorstFirstAndCut() throws {
        let store = try HistoryStore(path: try F.databasePath())
        try store.record(F.snapshot(day: 0, score: 0.5, []), runID: "run-0")
        let many =
            (0..<(RunChanges.listLimit + 50)).map { F.finding("CW-L", "s\($0)", .low) } + [
                F.finding("CW-Z", "z", .critical)
            ]
        let changes = try #require(try store.changes(for: F.snapshot(day: 1, score: 0.5, many)))
        #expect(changes.newFailureCount == RunChanges.listLimit + 51)
        #expect(changes.newFailures.count == RunChanges.listLimit)
        #expect(changes.newFailures.first?.key.controlID == "CW-Z")
    }
}
