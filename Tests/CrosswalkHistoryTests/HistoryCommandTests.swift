import CrosswalkCore
import CrosswalkHistory
import CrosswalkTestSupport
import Foundation
import Testing

/// `crosswalk history` and `crosswalk diff`, run as the built binary.
struct HistoryCommandTests {
    typealias F = HistoryFixture

    static let before = "Tests/Fixtures/history/report-before.json"
    static let after = "Tests/Fixtures/history/report-after.json"

    /// A history of three runs (the store tests' days 0, 1 and 3).
    static func database() throws -> String {
        let path = try F.databasePath()
        let store = try HistoryStore(path: path)
        try store.record(F.snapshot(day: 0, score: 0.5, HistoryStoreTests.day0), runID: "20261101T000000Z")
        try store.record(F.snapshot(day: 1, score: 0.625, HistoryStoreTests.day1), runID: "20261102T000000Z")
        try store.record(F.snapshot(day: 3, score: nil, HistoryStoreTests.day3), runID: "20261104T000000Z")
        return path
    }

    @Test func diffOfTwoReportsPrintsNewResolvedAndUnchangedInMarkdown() throws {
        let result = try CommandRunner.run(["diff", Self.before, Self.after])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 new, 1 resolved, 1 unchanged."))
        #expect(result.stdout.contains("## Resolved (1)"))
        #expect(!result.stdout.contains("<script>"))
    }

    @Test func diffOfTwoReportsPrintsJSON() throws {
        let result = try CommandRunner.run(["diff", Self.before, Self.after, "--format", "json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let resolved = json?["resolved"] as? [[String: Any]]
        #expect(resolved?.first?["control"] as? String == "CW-AUTH-01")
        #expect(resolved?.first?["subject"] as? String == "agent-a")
    }

    @Test func diffOfAMissingReportExitsWith2NamingTheFile() throws {
        let result = try CommandRunner.run(["diff", Self.before, "no/such/report.json"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("no/such/report.json"))
        #expect(result.stdout.isEmpty)
    }

    @Test func diffOfTwoRunsFromTheHistory() throws {
        let database = try Self.database()
        let result = try CommandRunner.run(
            ["diff", "20261101T000000Z", "20261104T000000Z", "--database", database, "--format", "json"]
        )
        #expect(result.exitCode == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((json?["counts"] as? [String: Int]) == ["new": 1, "resolved": 1, "unchanged": 2])
    }

    @Test func diffOfAnUnknownRunExitsWith2() throws {
        let database = try Self.database()
        let result = try CommandRunner.run(["diff", "20261101T000000Z", "20991231T000000Z", "--database", database])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("has no run '20991231T000000Z'"))
        #expect(result.stderr.contains(database))
    }

    @Test func historyListsTheRunsOldestFirst() throws {
        let database = try Self.database()
        let result = try CommandRunner.run(["history", "--database", database])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "20261101T000000Z  2026-11-01T00:00:00Z  3 non-pass findings (3 new, 0 resolved, 0 regressions)",
                "    owasp-nhi-top10-2025 50%",
                "20261102T000000Z  2026-11-02T00:00:00Z  3 non-pass findings (1 new, 1 resolved, 0 regressions)",
                "    owasp-nhi-top10-2025 63%",
                "20261104T000000Z  2026-11-04T00:00:00Z  3 non-pass findings (0 new, 1 resolved, 1 regression)",
                "    owasp-nhi-top10-2025 n/a",
            ]
        )
    }

    @Test func historyPrintsJSON() throws {
        let database = try Self.database()
        let result = try CommandRunner.run(["history", "--database", database, "--json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let runs = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(runs?.map { $0["id"] as? String } == ["20261101T000000Z", "20261102T000000Z", "20261104T000000Z"])
        #expect(runs?.last?["regressions"] as? Int == 1)
        let scores = runs?.first?["scores"] as? [[String: Any]]
        #expect(scores?.first?["score"] as? Double == 0.5)
    }

    @Test func historyOfAMissingDatabaseExitsWith2AndCreatesNothing() throws {
        let path = try F.databasePath()
        let result = try CommandRunner.run(["history", "--database", path])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains(path))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func historyOfADamagedDatabaseExitsWith2() throws {
        let path = try F.databasePath()
        try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: path))
        let result = try CommandRunner.run(["history", "--database", path])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("is not an SQLite database or is damaged"))
    }
}
