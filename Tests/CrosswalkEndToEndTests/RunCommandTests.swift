import CrosswalkTestSupport
import Foundation
import Testing

/// Runs `crosswalk run` as a scheduler would: dated folders, `latest`, one run at a time per
/// root, retention, and a failed run that changes nothing.
@Suite struct RunCommandTests {
    static let first = "2026-11-01T00:00:00Z"
    static let second = "2026-11-02T00:00:00Z"

    /// A temporary folder holding `crosswalk.yaml` that reads the bundled example into `runs/`.
    private struct Setup {
        let folder: URL
        var config: URL { folder.appendingPathComponent("crosswalk.yaml") }
        var root: URL { folder.appendingPathComponent("runs") }

        init(extra: String = "", output: String = "") throws {
            folder = try CommandRunner.temporaryDirectory()
            try write(
                """
                version: 1
                inputs:
                  folder: \(Fixtures.url("examples/acme").path)
                output:
                  root: runs
                  formats: [md, json]\(output)
                \(extra)
                """
            )
        }

        func write(_ text: String) throws {
            try Data(text.utf8).write(to: config)
        }

        func run(_ now: String, _ extra: [String] = []) throws -> CommandRunner.Result {
            try CommandRunner.run(["run", "--config", config.path, "--now", now] + extra)
        }

        /// The root's entries, but for the history database every run keeps there
        /// (NightlyRunTests checks the history).
        func entries() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix("history.sqlite") }
                .sorted()
        }

        func latest() throws -> String {
            try FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("latest").path)
        }
    }

    @Test func twoRunsWriteTwoDatedFoldersAndLatestPointsAtTheSecond() throws {
        let setup = try Setup()

        let one = try setup.run(Self.first)
        let two = try setup.run(Self.second)

        #expect(one.exitCode == 0, "stderr: \(one.stderr)")
        #expect(two.exitCode == 0, "stderr: \(two.stderr)")
        #expect(try setup.entries() == ["20261101T000000Z", "20261102T000000Z", "latest"])
        #expect(try setup.latest() == "20261102T000000Z")
        let folder = setup.root.appendingPathComponent("20261102T000000Z")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(
            files == [
                "crosswalk-report.json", "crosswalk-report.md", "crosswalk-summary.md", "executive-summary.md",
                "manifest.json",
            ]
        )
        let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("2026-11-02T00:00:00Z"))
        #expect(manifest.contains(#""path": "\#(setup.config.path)", "role": "run-config""#), "\(manifest)")
        #expect(two.stdout.contains("Wrote \(setup.root.path)/20261102T000000Z/crosswalk-report.md\n"))
        #expect(two.stdout.contains("Open \(setup.root.path)/20261102T000000Z/executive-summary.md first.\n"))
        #expect(
            two.stdout.hasSuffix(
                "Run folder: \(setup.root.path)/20261102T000000Z (\(setup.root.path)/latest points at it)\n"
            )
        )
        let quiet = try setup.run("2026-11-03T00:00:00Z", ["--quiet"])
        #expect(quiet.exitCode == 0 && quiet.stdout.isEmpty)
    }

    @Test func aBadConfigFailsWithItsPlaceAndExit2LeavingLatestAlone() throws {
        let setup = try Setup()
        #expect(try setup.run(Self.first).exitCode == 0)
        let before = try setup.entries()

        try setup.write(
            """
            version: 1
            inputs: {folder: \(Fixtures.url("examples/acme").path)}
            output: {root: runs}
            gates:
              fail_on: severe
            """
        )
        let result = try setup.run(Self.second)

        #expect(result.exitCode == 2)
        #expect(
            result.stderr.hasPrefix(
                "\(setup.config.path):5:12: error: gates.fail_on: expected critical, high, medium or low, found 'severe'\n"
            ),
            "stderr: \(result.stderr)"
        )
        #expect(try setup.entries() == before)
        #expect(try setup.latest() == "20261101T000000Z")
    }

    @Test func anUnknownKeyIsNamedByItsKeyPath() throws {
        let setup = try Setup(output: "\n  colour: true")

        let result = try setup.run(Self.first)

        #expect(result.exitCode == 2)
        #expect(
            result.stderr.contains(
                "\(setup.config.path):7:3: error: output.colour: unknown key 'colour'; expected root, formats, pretty_json, templates, sign, include_passing\n"
            ),
            "stderr: \(result.stderr)"
        )
        #expect(!FileManager.default.fileExists(atPath: setup.root.path), "nothing was created")
    }

    @Test func anUnknownCatalogIDIsAUsageErrorNamingTheConfigLine() throws {
        let setup = try Setup(extra: "frameworks: [nist-csf-3.0]")

        let result = try setup.run(Self.first)

        #expect(result.exitCode == 64)
        #expect(
            result.stderr.hasPrefix(
                "\(setup.config.path):7:14: error: frameworks[0]: unknown catalog id 'nist-csf-3.0'; expected one of "
            ),
            "stderr: \(result.stderr)"
        )
    }

    @Test func aGateOptionNamingAnUnknownCatalogIsAUsageError() throws {
        let setup = try Setup()

        let result = try setup.run(Self.first, ["--gate-min-score", "nist-csf-3.0=50"])

        #expect(result.exitCode == 64)
        #expect(
            result.stderr.hasPrefix("--gate-min-score: error: unknown catalog id 'nist-csf-3.0'; expected one of "),
            "stderr: \(result.stderr)"
        )
        #expect(!FileManager.default.fileExists(atPath: setup.root.path))
    }

    @Test func refusesARunWhileAnotherHoldsTheRoot() throws {
        let setup = try Setup()
        try FileManager.default.createDirectory(at: setup.root, withIntermediateDirectories: true)
        let descriptor = open(
            setup.root.appendingPathComponent(".crosswalk.lock").path,
            O_RDWR | O_CREAT | O_CLOEXEC,
            0o644
        )
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let pid = Array("\(getpid())\n".utf8)
        #expect(write(descriptor, pid, pid.count) == pid.count)

        let result = try setup.run(Self.first)

        #expect(result.exitCode == 75)
        #expect(
            result.stderr
                == "\(setup.root.path): error: another crosswalk run (pid \(getpid())) is using this output root; nothing written. Run again when it has finished.\n"
        )
        #expect(try setup.entries() == [".crosswalk.lock"])
    }

    @Test func takesOverTheLockOfARunThatDied() throws {
        let setup = try Setup()
        try FileManager.default.createDirectory(at: setup.root, withIntermediateDirectories: true)
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        try Data("\(ended.processIdentifier)\n".utf8).write(to: setup.root.appendingPathComponent(".crosswalk.lock"))

        let result = try setup.run(Self.first)

        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(
            result.stderr.contains(
                "crosswalk: took over the lock \(setup.root.path)/.crosswalk.lock left by process \(ended.processIdentifier), which is no longer running\n"
            ),
            "stderr: \(result.stderr)"
        )
        #expect(try setup.entries() == ["20261101T000000Z", "latest"])
    }

    @Test func retentionPrunesTheOldestRunsButNothingElse() throws {
        let setup = try Setup(extra: "history: {retention: {runs: 2}}")
        // Never removed: names that are not run times, and a link with a run time's name.
        try FileManager.default.createDirectory(
            at: setup.root.appendingPathComponent("2026-10-01"),
            withIntermediateDirectories: true
        )
        try FileManager.default.createDirectory(
            at: setup.root.appendingPathComponent("notes"),
            withIntermediateDirectories: true
        )
        try FileManager.default.createSymbolicLink(
            atPath: setup.root.appendingPathComponent("20250101T000000Z").path,
            withDestinationPath: "notes"
        )

        for now in [Self.first, Self.second] { #expect(try setup.run(now).exitCode == 0) }
        let third = try setup.run("2026-11-03T00:00:00Z", ["--verbose"])

        #expect(third.exitCode == 0, "stderr: \(third.stderr)")
        #expect(
            try setup.entries() == [
                "20250101T000000Z", "2026-10-01", "20261102T000000Z", "20261103T000000Z", "latest", "notes",
            ]
        )
        #expect(try setup.latest() == "20261103T000000Z")
        #expect(third.stdout.contains("Pruned \(setup.root.path)/20261101T000000Z (older than the retention keeps)\n"))
        #expect(third.stdout.contains("Runs kept: 20261102T000000Z, 20261103T000000Z\n"))
    }

    @Test func retentionKeepsTheNewestRunWhateverItsAge() throws {
        let setup = try Setup(extra: "history: {retention: {days: 1}}")
        #expect(try setup.run(Self.first).exitCode == 0)
        // The clock went back: the run just written is older than every rule keeps and is not the
        // newest folder, but latest points at it, so it stays; so does the newest folder.
        let result = try setup.run("2026-10-01T00:00:00Z")
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(try setup.entries().contains("20261101T000000Z"))
        #expect(try setup.latest() == "20261001T000000Z")
    }

    @Test func aRunFolderIsNeverReplaced() throws {
        let setup = try Setup()
        #expect(try setup.run(Self.first).exitCode == 0)
        let report = setup.root.appendingPathComponent("20261101T000000Z/crosswalk-report.md")
        let before = try Data(contentsOf: report)

        let again = try setup.run(Self.first)

        #expect(again.exitCode == 73)
        #expect(
            again.stderr.hasPrefix(
                "\(setup.root.path)/20261101T000000Z: error: a run folder of this time already exists, and run folders are never replaced"
            ),
            "stderr: \(again.stderr)"
        )
        #expect(try Data(contentsOf: report) == before)
        #expect(try setup.entries() == ["20261101T000000Z", "latest"])
    }

    @Test func removesAndReportsWhatAKilledRunLeft() throws {
        let setup = try Setup()
        let leftover = setup.root.appendingPathComponent(".crosswalk-run-20261031T000000Z.4711")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: leftover.appendingPathComponent("crosswalk-report.md"))

        let result = try setup.run(Self.first)

        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(
            result.stderr.contains(
                "crosswalk: an earlier run was stopped before it finished; removed its unfinished run folder \(leftover.path)\n"
            ),
            "stderr: \(result.stderr)"
        )
        #expect(try setup.entries() == ["20261101T000000Z", "latest"])
    }

    @Test func aBreachedGateStillWritesTheRunAndExits1() throws {
        let setup = try Setup(extra: "gates: {fail_on: low}")

        let result = try setup.run(Self.first)

        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("gate breached: "), "stderr: \(result.stderr)")
        #expect(try setup.latest() == "20261101T000000Z")
        let overridden = try setup.run(Self.second, ["--fail-on", "critical"])
        #expect(overridden.exitCode == 1)
        #expect(overridden.stderr.contains("of severity critical or worse"), "stderr: \(overridden.stderr)")
    }

    @Test func anInputErrorWritesNothing() throws {
        let setup = try Setup()
        #expect(try setup.run(Self.first).exitCode == 0)
        try setup.write(
            """
            version: 1
            inputs: {inventories: [missing.yaml]}
            output: {root: runs}
            """
        )

        let result = try setup.run(Self.second)

        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("missing.yaml"), "stderr: \(result.stderr)")
        #expect(try setup.entries() == ["20261101T000000Z", "latest"])
    }

    @Test func aRunKilledMidwayChangesNothingAndTheNextRunTidiesUp() throws {
        let setup = try Setup()
        let inventory = setup.folder.appendingPathComponent("inventory.jsonl")
        try LargeInventory.write(identities: 5000, to: inventory)
        try setup.write(
            """
            version: 1
            inputs: {inventories: [inventory.jsonl]}
            output: {root: runs, formats: [md, html, json]}
            """
        )
        #expect(try setup.run(Self.first).exitCode == 0)

        let running = try CommandRunner.start(["run", "--config", setup.config.path, "--now", Self.second])
        var staging: String?
        while running.isRunning && staging == nil {
            staging = try setup.entries().first { $0.hasPrefix(".crosswalk-run-") }
            if staging == nil { usleep(200) }
        }
        let stagingName = try #require(staging, "the run showed its staging folder before it ended")
        kill(running.pid, SIGKILL)
        let killed = try running.waitForExit()
        try #require(killed.terminatedBySignal, "the run was still writing when it was killed")
        #expect(try setup.entries().filter { !$0.hasPrefix(".") } == ["20261101T000000Z", "latest"])
        #expect(try setup.latest() == "20261101T000000Z")

        let next = try setup.run("2026-11-03T00:00:00Z")

        #expect(next.exitCode == 0, "stderr: \(next.stderr)")
        #expect(
            next.stderr.contains(
                "crosswalk: took over the lock \(setup.root.path)/.crosswalk.lock left by process \(running.pid), which is no longer running\n"
            ),
            "stderr: \(next.stderr)"
        )
        #expect(
            next.stderr.contains(
                "crosswalk: an earlier run was stopped before it finished; removed its unfinished run folder \(setup.root.path)/\(stagingName)\n"
            ),
            "stderr: \(next.stderr)"
        )
        #expect(try setup.entries() == ["20261101T000000Z", "20261103T000000Z", "latest"])
        #expect(try setup.latest() == "20261103T000000Z")
    }
}
