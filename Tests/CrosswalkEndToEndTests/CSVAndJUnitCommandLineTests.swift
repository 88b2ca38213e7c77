import CrosswalkTestSupport
import Foundation
import Testing

/// Runs the built binary with `--format csv` and `--format junit`: the files it writes are the
/// reference files, the framework CSVs follow the catalogs of the run, and the report set treats
/// them like every other report (replaced, tidied, never written over an input).
@Suite struct CSVAndJUnitCommandLineTests {
    static let catalogIDs = [
        "owasp-agentic-top10-2026", "owasp-nhi-top10-2025", "owasp-agentic-threats-2025", "csa-maestro",
        "nist-ai-rmf-1.0", "nist-csf-2.0",
    ]
    static let frameworkFiles = catalogIDs.map { "crosswalk-framework-\($0).csv" }

    static func report(into output: URL, _ extra: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run(
            ["report", "examples/acme", "--output", output.path, "--now", Fixtures.exampleNow] + extra
        )
    }

    static func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func writesTheReferenceFilesAndOneFrameworkFilePerCatalog() throws {
        let output = try CommandRunner.temporaryDirectory().appendingPathComponent("out")
        let result = try Self.report(into: output, ["--format", "csv,junit"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let expected = ["crosswalk-results.csv", "crosswalk-junit.xml"] + Self.frameworkFiles
        #expect(try Self.files(in: output) == (expected + ["manifest.json"]).sorted())
        for name in expected {
            #expect(
                try Data(contentsOf: output.appendingPathComponent(name))
                    == Data(contentsOf: Fixtures.url("reports/example/\(name)")),
                "\(name) is the reference file"
            )
            #expect(result.stdout.contains("Wrote \(output.path)/\(name)\n"))
        }
    }

    @Test func aRunOnFewerCatalogsTakesAwayTheOtherFrameworkFiles() throws {
        let output = try CommandRunner.temporaryDirectory().appendingPathComponent("out")
        let first = try Self.report(into: output, ["--format", "csv,junit"])
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        let second = try Self.report(into: output, ["--format", "csv", "--framework", "nist-csf-2.0"])
        #expect(second.exitCode == 0, "stderr: \(second.stderr)")
        #expect(
            try Self.files(in: output) == [
                "crosswalk-framework-nist-csf-2.0.csv", "crosswalk-results.csv", "manifest.json",
            ]
        )
        for name in Self.frameworkFiles.filter({ !$0.contains("nist-csf") }) + ["crosswalk-junit.xml"] {
            #expect(second.stdout.contains("Removed \(output.path)/\(name) "), "\(name)")
        }
        let header = try String(contentsOf: output.appendingPathComponent("crosswalk-results.csv"), encoding: .utf8)
            .prefix { $0 != "\r\n" }
        #expect(header.hasSuffix(#""evidence","nist-csf-2.0""#), "one catalog column: \(header)")
    }

    @Test func refusesToWriteAFrameworkFileOverAnInput() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let policy = folder.appendingPathComponent("policy.yaml")
        try Data(contentsOf: Fixtures.url("examples/acme/policy.yaml")).write(to: policy)
        let planted = output.appendingPathComponent("crosswalk-framework-nist-csf-2.0.csv")
        try FileManager.default.createSymbolicLink(at: planted, withDestinationURL: policy)
        let result = try CommandRunner.run([
            "report", "--inventory", "examples/acme/inventory.yaml", "--policy", policy.path, "--output", output.path,
            "--now", Fixtures.exampleNow, "--format", "csv",
        ])
        #expect(result.exitCode == 73, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("this report name is the input file \(policy.path)"))
        #expect(try Data(contentsOf: policy) == Data(contentsOf: Fixtures.url("examples/acme/policy.yaml")))
        #expect(try Self.files(in: output) == ["crosswalk-framework-nist-csf-2.0.csv"])
    }
}
