import CrosswalkTestSupport
import Foundation
import Testing

/// Progress goes to standard error: only on request when standard error is not a terminal (as
/// here, where it is a pipe), never on standard output, and never with --quiet alone.
@Suite struct ProgressTests {
    @Test func progressAppearsOnStandardErrorOnlyWhenAskedFor() throws {
        let folder = try CommandLineOutputTests.inventoryFolder(identities: 10_000, firstIsAgent: true)
        let arguments = [
            "report", folder.path, "--output", folder.appendingPathComponent("out").path, "--format", "md",
            "--now", Fixtures.exampleNow,
        ]
        let silent = try CommandRunner.run(arguments, in: folder)
        #expect(silent.exitCode == 0, "stderr: \(silent.stderr)")
        #expect(!silent.stderr.contains("Evaluating"), "no progress on a pipe unless asked: \(silent.stderr)")

        let shown = try CommandRunner.run(arguments + ["--progress", "--quiet"], in: folder)
        #expect(shown.exitCode == 0, "stderr: \(shown.stderr)")
        let lines = shown.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "Reading the inputs…")
        #expect(
            lines.contains("Evaluating: 10,000 of 10,000 identities (100%)")
                || lines.contains { $0.hasPrefix("Evaluating: 10,000 of 10,000 identities (100%), ") }
        )
        #expect(lines.contains("Mapping the results onto the frameworks…"))
        #expect(shown.stdout.isEmpty, "progress never goes to standard output: \(shown.stdout)")
    }
}
