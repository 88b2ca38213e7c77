import CrosswalkTestSupport
import Foundation
import Testing

/// What `crosswalk report` prints on standard output, and how usage mistakes found after parsing
/// are reported: plurals, thousands separators, the report to open first, `--quiet`, and an
/// unknown `--framework` id.
@Suite struct CommandLineOutputTests {
    /// A folder holding `inventory.jsonl` with `count` bots (the first an AI agent when asked).
    static func inventoryFolder(identities count: Int, firstIsAgent: Bool = false) throws -> URL {
        let folder = try CommandRunner.temporaryDirectory()
        var lines = [#"{"version": 1}"#]
        for index in 0..<count {
            let kind = firstIsAgent && index == 0 ? "agent" : "bot"
            lines.append(#"{"id": "id-\#(index)", "kind": "\#(kind)", "owner": "team-a"}"#)
        }
        try (lines.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("inventory.jsonl"),
            atomically: true,
            encoding: .utf8
        )
        return folder
    }

    @Test func countsOneIdentityAndOneAgentInTheSingular() throws {
        let folder = try Self.inventoryFolder(identities: 1, firstIsAgent: true)
        let output = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(
            ["report", folder.path, "--output", output.path, "--format", "md", "--now", Fixtures.exampleNow],
            in: folder
        )
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Evaluated 1 identity (1 AI agent) against 25 controls.")
        #expect(!result.stdout.contains("(s)"), "no hedged plurals: \(result.stdout)")
    }

    @Test func groupsThousandsInCounts() throws {
        let folder = try Self.inventoryFolder(identities: 1_200)
        let output = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(
            ["report", folder.path, "--output", output.path, "--format", "json", "--now", Fixtures.exampleNow],
            in: folder
        )
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("Evaluated 1,200 identities (0 AI agents) against 25 controls.\n"))
    }

    @Test func endsByNamingTheReportToOpenFirst() throws {
        let folder = try Self.inventoryFolder(identities: 2)
        let output = folder.appendingPathComponent("out")
        for (formats, first) in [
            ("md,html,json,xml", "executive-summary.html"), ("md,json", "executive-summary.md"),
            ("xml,json", "crosswalk-report.json"),
        ] {
            let result = try CommandRunner.run(
                ["report", folder.path, "--output", output.path, "--format", formats, "--now", Fixtures.exampleNow],
                in: folder
            )
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let last = result.stdout.split(separator: "\n").last.map(String.init)
            #expect(last == "Open \(output.path)/\(first) first.", "--format \(formats)")
        }
    }

    @Test func quietPrintsNothingOnStandardOutputButStillWrites() throws {
        let folder = try Self.inventoryFolder(identities: 2)
        let output = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(
            [
                "report", folder.path, "--output", output.path, "--format", "md", "--quiet", "--now",
                Fixtures.exampleNow,
            ],
            in: folder
        )
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("crosswalk-report.md").path))
    }

    @Test func anUnknownFrameworkIsAUsageErrorAndWritesNothing() throws {
        let folder = try Self.inventoryFolder(identities: 2)
        let output = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(
            [
                "report", folder.path, "--output", output.path, "--framework", "nist-csf-9", "--now",
                Fixtures.exampleNow,
            ],
            in: folder
        )
        #expect(result.exitCode == 64)
        #expect(
            result.stderr.hasPrefix(
                "Error: --framework: unknown framework 'nist-csf-9'; the loaded catalogs are owasp-agentic-top10-2026, owasp-nhi-top10-2025, owasp-agentic-threats-2025, csa-maestro, nist-ai-rmf-1.0, nist-csf-2.0 (see `crosswalk catalogs`)\n"
            ),
            "stderr: \(result.stderr)"
        )
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
