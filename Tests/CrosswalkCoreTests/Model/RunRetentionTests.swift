import CrosswalkCore
import Testing

/// Which dated run folders retention removes, and the shape of their names.
@Suite struct RunRetentionTests {
    /// Runs on 2026-11-01 plus each number of days.
    private func runs(_ days: [Int]) -> [RunFolderName] {
        days.map {
            RunFolderName(time: Timestamp(secondsSinceEpoch: 1793491200).adding(seconds: Int64($0) * 86_400))
        }
    }

    /// 2026-11-10T00:00:00Z.
    private let now = Timestamp(secondsSinceEpoch: 1794268800)

    @Test func keepsEverythingWithoutARule() {
        #expect(RunRetention().folders(toRemoveFrom: runs([0, 1, 2]), now: now).isEmpty)
    }

    @Test func keepsTheLastRunsByCount() {
        let all = runs([0, 1, 2, 3, 4])
        #expect(RunRetention(runs: 2).folders(toRemoveFrom: all.shuffled(), now: now) == Array(all[0..<3]))
    }

    @Test func keepsRunsYoungerThanTheDays() {
        let all = runs([0, 5, 6, 8, 9])
        // Younger than 4 days before 11-10: 11-07 (6), 11-09 (8), 11-10 (9); 11-06 is exactly 4 days old.
        #expect(RunRetention(days: 4).folders(toRemoveFrom: all, now: now) == Array(all[0..<2]))
    }

    @Test func keepsARunWhenEitherRuleKeepsIt() {
        let all = runs([0, 1, 2, 8, 9])
        #expect(RunRetention(runs: 3, days: 1).folders(toRemoveFrom: all, now: now) == Array(all[0..<2]))
        #expect(RunRetention(runs: 1, days: 9).folders(toRemoveFrom: all, now: now) == Array(all[0..<1]))
    }

    @Test func neverRemovesTheNewestNorWhatLatestPointsAt() {
        let all = runs([0, 1, 2])
        // Every run is older than a day, yet the newest stays, and so does latest's target.
        #expect(
            RunRetention(days: 1).folders(toRemoveFrom: all, now: now.adding(seconds: 30 * 86_400), protected: [all[0]])
                == [all[1]]
        )
    }

    @Test func namesFoldersByTheirUTCTimeAndReadsOnlyThatShape() throws {
        let name = RunFolderName(time: try #require(Timestamp(iso8601: "2026-11-01T23:05:09+02:00")))
        #expect(name.description == "20261101T210509Z")
        #expect(RunFolderName("20261101T210509Z") == name)
        for other in [
            "20261101T210509", "20261101t210509Z", "2026-11-01T21:05:09Z", "20261301T000000Z", "20261101T250000Z",
            "x20261101T21050Z", "20261101T２10509Z", "latest", ".crosswalk-run-20261101T210509Z",
        ] {
            #expect(RunFolderName(other) == nil, "\(other)")
        }
        let earlier = try #require(RunFolderName("20261101T000000Z"))
        #expect(try earlier < #require(RunFolderName("20261102T000000Z")))
    }
}
