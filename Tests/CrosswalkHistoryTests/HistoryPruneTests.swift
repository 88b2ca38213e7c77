import CrosswalkCore
import Testing

@testable import CrosswalkHistory

/// Retention: old runs go, the newest stays, open episodes keep their first-seen times.
struct HistoryPruneTests {
    typealias F = HistoryFixture

    /// Runs on days 0, 1, 2 and 10: s1 open throughout until day 10; s2 resolved on day 1.
    static func store() throws -> HistoryStore {
        let store = try HistoryStore(path: try F.databasePath())
        let s1 = F.finding("CW-A", "s1")
        let s2 = F.finding("CW-A", "s2", .medium)
        try store.record(F.snapshot(day: 0, score: 0.1, [s1, s2]), runID: "run-0")
        try store.record(F.snapshot(day: 1, score: 0.2, [s1]), runID: "run-1")
        try store.record(F.snapshot(day: 2, score: 0.3, [s1]), runID: "run-2")
        try store.record(F.snapshot(day: 10, score: 0.4, [s1]), runID: "run-10")
        return store
    }

    @Test func keepingTwoRunsRemovesTheOlderOnesAndTheirResolvedEpisodes() throws {
        let store = try Self.store()
        #expect(try store.prune(keepingRuns: 2, days: nil, now: F.day(10)) == 2)
        #expect(try store.runs().map(\.run.id) == ["run-2", "run-10"])
        // The open episode began in a removed run and keeps its first-seen time.
        let changes = try #require(try store.changes(for: F.snapshot(day: 11, score: 0.5, [])))
        #expect(changes.resolvedFailures.map(\.firstSeen) == [F.day(0)])
        // s2's resolution (on the removed run-1) left the totals with it.
        #expect(changes.meanTimeToResolve == [ResolutionTime(severity: .high, resolvedCount: 1, meanDays: 11)])
        #expect(changes.trend.map(\.run.id) == ["run-2", "run-10", HistoryStore.runID(for: F.day(11))])
        // s2 comes back as new: the episode that would make it a regression is gone.
        let back = try #require(try store.changes(for: F.snapshot(day: 11, score: 0.5, [F.finding("CW-A", "s2")])))
        #expect(back.newFailureCount == 1)
        #expect(back.regressionCount == 0)
    }

    @Test func keepingByAgeRemovesRunsOlderThanTheWindow() throws {
        let store = try Self.store()
        #expect(try store.prune(keepingRuns: nil, days: 5, now: F.day(10)) == 3)
        #expect(try store.runs().map(\.run.id) == ["run-10"])
    }

    @Test func theNewestRunIsNeverRemoved() throws {
        let store = try Self.store()
        #expect(try store.prune(keepingRuns: 0, days: 0, now: F.day(400)) == 3)
        #expect(try store.runs().map(\.run.id) == ["run-10"])
        #expect(try store.findings(ofRun: "run-10").map(\.key.subjectID) == ["s1"])
    }

    @Test func generousLimitsRemoveNothing() throws {
        let store = try Self.store()
        #expect(try store.prune(keepingRuns: 90, days: 365, now: F.day(10)) == 0)
        #expect(try store.runs().count == 4)
    }

    @Test func pruningAnEmptyHistoryDoesNothing() throws {
        let store = try HistoryStore(path: try F.databasePath())
        #expect(try store.prune(keepingRuns: 1, days: 1, now: F.day(0)) == 0)
    }
}
