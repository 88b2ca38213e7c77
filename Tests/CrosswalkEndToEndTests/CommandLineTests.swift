import CrosswalkTestSupport
import Foundation
import Testing

/// Runs the built `crosswalk` binary as a user would and checks stdout, stderr, exit codes and files.
@Suite struct CommandLineTests {
    @Test func reportWritesTheReferenceReportsForTheBundledExample() throws {
        let output = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run([
            "report", "examples/acme", "--output", output.path, "--now", Fixtures.exampleNow,
        ])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        for name in ReportDocumentNames.all {
            #expect(result.stdout.contains("Wrote \(output.path)/\(name)"))
        }
        for name in ReportDocumentNames.all {
            let written = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
            #expect(written == (try Fixtures.text("reports/example/\(name)")), "\(name) equals the reference")
        }
    }

    @Test func worksFromAnyWorkingDirectory() throws {
        let elsewhere = try CommandRunner.temporaryDirectory()
        let example = Fixtures.url("examples/acme").path
        let result = try CommandRunner.run(
            ["report", example, "--format", "md", "--now", Fixtures.exampleNow],
            in: elsewhere
        )
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(
            FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("reports/crosswalk-report.md").path)
        )
        #expect(
            !FileManager.default.fileExists(
                atPath: elsewhere.appendingPathComponent("reports/crosswalk-report.json").path
            )
        )
    }

    @Test func invalidInputExitsTwoAndWritesNothing() throws {
        let folder = try CommandRunner.temporaryDirectory()
        try "version: 1\nidentities:\n  - {id: a, kind: bot, role_bindings: [ghost]}\n".write(
            to: folder.appendingPathComponent("inventory.yaml"),
            atomically: true,
            encoding: .utf8
        )
        let output = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(["report", folder.path, "--output", output.path], in: folder)
        #expect(result.exitCode == 2)
        #expect(
            result.stderr.contains(
                "\(folder.path)/inventory.yaml:3:40: error: identities[0].role_bindings[0]: identity 'a' is bound to role 'ghost', which no inventory defines; add it under roles or fix the binding"
            )
        )
        #expect(result.stderr.contains("crosswalk: nothing written"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func failOnGateExitsOneAfterWritingTheReport() throws {
        let output = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run([
            "report", "examples/acme", "--output", output.path, "--now", Fixtures.exampleNow, "--fail-on", "critical",
        ])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("gate breached"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("crosswalk-report.md").path))
    }

    @Test func usageErrorsUseArgumentParsersExitCode() throws {
        let result = try CommandRunner.run(["report", "examples/acme", "--now", "yesterday"])
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("--now takes an ISO 8601 time"))
    }

    @Test func catalogsListsTheSixBundledFrameworks() throws {
        let result = try CommandRunner.run(["catalogs"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("nist-csf-2.0  NIST Cybersecurity Framework"))
        #expect(result.stdout.contains("134 entries: 6 functions, 22 categories, 106 subcategories"))
        let json = try CommandRunner.run(["catalogs", "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(
            list.compactMap { $0["id"] as? String }.sorted() == [
                "csa-maestro", "nist-ai-rmf-1.0", "nist-csf-2.0", "owasp-agentic-threats-2025",
                "owasp-agentic-top10-2026",
                "owasp-nhi-top10-2025",
            ]
        )
    }

    @Test func controlsListsEveryControlWithItsMappings() throws {
        let result = try CommandRunner.run(["controls", "--json"])
        #expect(result.exitCode == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 25)
        #expect(list.allSatisfy { !(($0["mappings"] as? [Any]) ?? []).isEmpty })
        let attested = list.filter { $0["evidence"] as? String == "attested" }.compactMap { $0["id"] as? String }
        #expect(attested == ["CW-AUTHZ-03", "CW-AUTHZ-04", "CW-LOG-01", "CW-LOG-02"])
        #expect(list.allSatisfy { ["observed", "attested"].contains($0["evidence"] as? String ?? "") })
        let text = try CommandRunner.run(["controls"])
        #expect(
            text.stdout.contains(
                "CW-CRED-02  [medium, observed]  Static secrets are rotated within the policy interval"
            )
        )
        #expect(text.stdout.contains("CW-LOG-01  [medium, attested]  "))
    }

    @Test func validateAcceptsGoodFilesAndRejectsBadOnes() throws {
        let good = try CommandRunner.run([
            "validate", "examples/acme/inventory.yaml", "examples/acme/policy.yaml",
            "frameworks/mappings/owasp-nhi-top10-2025.yaml",
        ])
        #expect(good.exitCode == 0, "stderr: \(good.stderr)")
        #expect(good.stdout.contains("examples/acme/inventory.yaml: valid inventory"))
        #expect(good.stdout.contains("examples/acme/policy.yaml: valid policy"))
        #expect(good.stdout.contains("frameworks/mappings/owasp-nhi-top10-2025.yaml: valid mapping file"))

        let folder = try CommandRunner.temporaryDirectory()
        let bad = folder.appendingPathComponent("policy.json")
        try #"{"version": 1, "thresholds": {"rotation_interval_days": "ninety"}}"#.write(
            to: bad,
            atomically: true,
            encoding: .utf8
        )
        let result = try CommandRunner.run(["validate", bad.path])
        #expect(result.exitCode == 2)
        #expect(
            result.stderr.contains(
                "\(bad.path):1:57: error: thresholds.rotation_interval_days: expected a whole number, found a string"
            )
        )
    }
}

/// The files `crosswalk report` writes by default.
enum ReportDocumentNames {
    static let all =
        [
            "crosswalk-report.md", "executive-summary.md", "crosswalk-report.html", "executive-summary.html",
            "crosswalk-report.json", "crosswalk-report.xml", "crosswalk-results.csv", "crosswalk-junit.xml",
            "crosswalk-report.sarif", "crosswalk-oscal-ar.json", "crosswalk-summary.md",
        ] + frameworkCSVs
    /// One CSV per bundled catalog.
    static let frameworkCSVs = [
        "owasp-agentic-top10-2026", "owasp-nhi-top10-2025", "owasp-agentic-threats-2025", "csa-maestro",
        "nist-ai-rmf-1.0", "nist-csf-2.0",
    ].map { "crosswalk-framework-\($0).csv" }
    /// Everything a default run leaves in the output folder: the reports and their manifest.
    static let set = all + ["manifest.json"]
}
