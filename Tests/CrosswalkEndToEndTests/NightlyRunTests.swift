import CrosswalkTestSupport
import Foundation
import Testing

/// Three nights of `crosswalk run` over a changing inventory (Tests/Fixtures/nightly/README.md),
/// with fixed clocks: dated folders, the history, what changed since the previous run in every
/// report, a waiver that expires on its day, the new-failure gate and the exit codes.
@Suite(.serialized) struct NightlyRunTests {
    /// A temporary copy of the nightly fixtures; `night(n)` puts inventory n in place and runs.
    private struct Nights {
        let folder: URL
        var root: URL { folder.appendingPathComponent("runs") }
        var database: String { root.appendingPathComponent("history.sqlite").path }

        init() throws {
            folder = try CommandRunner.temporaryDirectory()
            for name in ["crosswalk.yaml", "waivers.yaml"] {
                try FileManager.default.copyItem(
                    at: Fixtures.url("Tests/Fixtures/nightly/\(name)"),
                    to: folder.appendingPathComponent(name)
                )
            }
        }

        /// Runs with inventory `number` on night `clock` (the same night by default).
        func night(_ number: Int, on clock: Int? = nil, _ extra: [String] = []) throws -> CommandRunner.Result {
            let inventory = folder.appendingPathComponent("inventory.yaml")
            try? FileManager.default.removeItem(at: inventory)
            try FileManager.default.copyItem(
                at: Fixtures.url("Tests/Fixtures/nightly/inventory-\(number).yaml"),
                to: inventory
            )
            return try CommandRunner.run(
                [
                    "run", "--config", folder.appendingPathComponent("crosswalk.yaml").path, "--now",
                    Self.clock(clock ?? number),
                ]
                    + extra
            )
        }

        static func clock(_ night: Int) -> String { "2026-11-0\(night)T00:00:00Z" }
        static func runID(_ night: Int) -> String { "2026110\(night)T000000Z" }

        func text(_ night: Int, _ file: String) throws -> String {
            try String(
                contentsOf: root.appendingPathComponent(Self.runID(night)).appendingPathComponent(file),
                encoding: .utf8
            )
        }

        func json(_ night: Int) throws -> [String: Any] {
            let data = Data(try text(night, "crosswalk-report.json").utf8)
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
    }

    /// `(control, subject)` of each finding in a `changes` list of the JSON report.
    private static func keys(_ changes: [String: Any], _ list: String) -> [String] {
        (changes[list] as? [[String: Any]] ?? []).map { "\($0["control"] ?? "") \($0["subject"] ?? "")" }
    }

    private static func waiverState(_ report: [String: Any]) -> String? {
        (report["waiver_audit"] as? [[String: Any]])?.first { $0["id"] as? String == "W-1" }?["state"] as? String
    }

    private static func lifeCycleStatus(_ report: [String: Any], _ subject: String) -> String? {
        let controls = report["controls"] as? [[String: Any]] ?? []
        let results = controls.first { $0["id"] as? String == "CW-LIFE-01" }?["results"] as? [[String: Any]] ?? []
        let identities = report["identities"] as? [[String: Any]] ?? []
        return results.first {
            let rebuilt = ExportedSubject.rebuild(
                subject: $0["subject"] as? String,
                identityID: ($0["identity"] as? Int).flatMap { identities[$0]["id"] as? String },
                credential: $0["credential"] as? String
            )
            return rebuilt == subject
        }?["status"] as? String
    }

    @Test func threeNightsOfChangesHistoryWaiversAndGates() throws {
        let nights = try Nights()

        // Night 1: nothing to compare with. The new-failure gate is not judged, so exit 0.
        let one = try nights.night(1)
        #expect(one.exitCode == 0, "stderr: \(one.stderr)")
        let report1 = try nights.json(1)
        #expect(report1["changes"] == nil)
        #expect(!(try nights.text(1, "crosswalk-report.md")).contains("Since the previous run"))
        #expect(Self.waiverState(report1) == "expiring-soon")
        #expect(Self.lifeCycleStatus(report1, "svc-c") == "accepted")

        // Night 2: svc-b resolved, svc-d new (medium): below the gate, exit 0.
        let two = try nights.night(2)
        #expect(two.exitCode == 0, "stderr: \(two.stderr)")
        let changes2 = try #require(try nights.json(2)["changes"] as? [String: Any])
        #expect(changes2["previous_run"] as? String == Nights.runID(1))
        #expect(Self.keys(changes2, "new_failures").contains("CW-LIFE-01 svc-d"))
        #expect(Self.keys(changes2, "resolved_failures") == ["CW-LIFE-01 svc-b"])
        #expect(changes2["regressions_count"] as? Int == 0)
        #expect(Self.lifeCycleStatus(try nights.json(2), "svc-c") == "accepted")

        // Night 3: svc-b back, agent-x resolved, agent-y new and high: the gate breaks, exit 1,
        // and the reports are written all the same. W-1 expired today: svc-c fails again.
        let three = try nights.night(3)
        #expect(three.exitCode == 1, "stderr: \(three.stderr)")
        #expect(
            three.stderr.contains(
                "gate breached: 1 new failure of severity high or worse since the previous run: CW-AUTH-01 agent-y\n"
            ),
            "stderr: \(three.stderr)"
        )
        #expect(three.stderr.contains("W-1 (CW-LIFE-01) is expired: expired on 2026-11-03"))
        let report3 = try nights.json(3)
        let changes3 = try #require(report3["changes"] as? [String: Any])
        #expect(changes3["previous_run"] as? String == Nights.runID(2))
        #expect(Self.keys(changes3, "regressions") == ["CW-LIFE-01 svc-b"])
        #expect(Self.keys(changes3, "new_failures").contains("CW-AUTH-01 agent-y"))
        #expect(Self.keys(changes3, "resolved_failures").contains("CW-AUTH-01 agent-x"))
        #expect((changes3["trend"] as? [[String: Any]])?.map { $0["run"] as? String } == [1, 2, 3].map(Nights.runID))
        #expect(Self.waiverState(report3) == "expired")
        #expect(Self.lifeCycleStatus(report3, "svc-c") == "fail")

        // Every human report says what changed; attacker-controlled names stay escaped.
        let markdown = try nights.text(3, "crosswalk-report.md")
        #expect(markdown.contains("## Since the previous run"))
        #expect(markdown.contains("Compared with the run of 2 November 2026, 00:00 UTC (20261102T000000Z)"))
        #expect(markdown.contains("| 1 November 2026 |") && markdown.contains("| 3 November 2026 |"))
        #expect(markdown.contains("**Failing again after being resolved (1)**"))
        let html = try nights.text(3, "crosswalk-report.html")
        #expect(html.contains("id=\"trend-chart\"") && html.contains("<polyline"))
        #expect(!html.contains("<b>new</b>"))
        #expect(try nights.text(3, "executive-summary.md").contains("**Since 2 November 2026, 00:00 UTC:**"))
        #expect(
            try nights.text(3, "executive-summary.html").contains("<strong>Since 2 November 2026, 00:00 UTC:</strong>")
        )
        #expect(try nights.text(3, "crosswalk-report.xml").contains("<changes previousRun=\"20261102T000000Z\""))

        // Three dated folders, latest at the third, one history with three runs.
        let entries = try FileManager.default.contentsOfDirectory(atPath: nights.root.path).sorted()
        #expect(entries == [1, 2, 3].map(Nights.runID) + ["history.sqlite", "latest"])
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: nights.root.appendingPathComponent("latest").path)
                == Nights.runID(3)
        )
        let history = try CommandRunner.run(["history", "--database", nights.database, "--json"])
        #expect(history.exitCode == 0, "stderr: \(history.stderr)")
        let runs = try #require(
            try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]]
        )
        #expect(runs.count == 3)

        // The diff of the first and third nights from the history.
        let diff = try CommandRunner.run(
            ["diff", Nights.runID(1), Nights.runID(3), "--database", nights.database, "--format", "json"]
        )
        #expect(diff.exitCode == 0, "stderr: \(diff.stderr)")
        #expect(diff.stdout.contains("agent-y"))

        // A fourth night asking for complete evidence: the example has not-assessed results, so
        // the run writes its reports and exits 4.
        let four = try nights.night(3, on: 4, ["--gate-complete"])
        #expect(four.exitCode == 4, "stderr: \(four.stderr)")
        #expect(FileManager.default.fileExists(atPath: nights.root.appendingPathComponent(Nights.runID(4)).path))
    }

    /// A history database that cannot be used never stops the reports: the run writes them, says
    /// the run is not recorded, and exits 5.
    @Test func aDamagedHistoryStillWritesTheReportsAndExits5() throws {
        let nights = try Nights()
        try FileManager.default.createDirectory(at: nights.root, withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: nights.database))
        let one = try nights.night(1)
        #expect(one.exitCode == 5, "stderr: \(one.stderr)")
        #expect(one.stderr.contains("is not an SQLite database or is damaged"), "stderr: \(one.stderr)")
        #expect(one.stderr.contains("this run is not recorded in the history"))
        #expect(try nights.text(1, "crosswalk-report.md").contains("# Crosswalk gap report"))
    }
}
