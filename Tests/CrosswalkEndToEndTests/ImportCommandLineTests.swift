import CrosswalkTestSupport
import Foundation
import Testing

/// `--import`, `--overlay`, `crosswalk import` and `crosswalk importers`, run as a user would.
@Suite struct ImportCommandLineTests {
    @Test func theReadmeCommandWritesTheMulticloudReferenceReports() throws {
        let output = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run(MulticloudExample.arguments(output: output.path))
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        for name in ReportDocumentNames.all {
            let written = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
            #expect(written == (try Fixtures.text("reports/multicloud/\(name)")), "\(name) equals the reference")
        }
        #expect(result.stderr.contains("warning: 1 user is a person"))
    }

    @Test func importersListsEveryKindWithTheCommandThatProducesIt() throws {
        let result = try CommandRunner.run(["importers"])
        #expect(result.exitCode == 0)
        for kind in MulticloudExample.imports.map(\.kind) { #expect(result.stdout.contains("  \(kind)\n")) }
        #expect(result.stdout.contains("from: kubectl get serviceaccounts"))
        let json = try CommandRunner.run(["importers", "--json"])
        let listed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]]
        #expect(listed?.contains { $0["kind"] == "aws-credential-report" && $0["platform"] == "aws" } == true)
    }

    @Test func autoSaysWhichKindItChose() throws {
        let output = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run([
            "report", "--import", "auto=examples/multicloud/kubernetes/cluster.json", "--format", "md", "--output",
            output.path, "--now", Fixtures.exampleNow,
        ])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(
            result.stderr.contains(
                "examples/multicloud/kubernetes/cluster.json: note: --import auto read it as kubernetes"
            )
        )
    }

    @Test func autoRefusesAFileOfNoKnownShape() throws {
        let output = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run([
            "report", "--import", "auto=examples/acme/policy.yaml", "--output", output.path,
        ])
        #expect(result.exitCode == 2)
        #expect(
            result.stderr.contains("examples/acme/policy.yaml: error: auto: the file has the shape of no import kind")
        )
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("crosswalk-report.md").path))
    }

    @Test func unknownKindsAndMissingPathsAreUsageErrors() throws {
        let unknown = try CommandRunner.run(["report", "--import", "aws-credentials=x.csv"])
        #expect(unknown.exitCode == 64)
        #expect(unknown.stderr.contains("--import: unknown kind \"aws-credentials\""))
        #expect(unknown.stderr.contains("aws-credential-report"))
        let malformed = try CommandRunner.run(["report", "--import", "x.csv"])
        #expect(malformed.exitCode == 64)
        #expect(malformed.stderr.contains("--import expects KIND=PATH"))
    }

    @Test func aBrokenExportIsALocatedErrorAndNothingIsWritten() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let export = folder.appendingPathComponent("cluster.json")
        try #"{"apiVersion": "v1", "kind": "List", "items": [}"#.write(to: export, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(["report", "--import", "kubernetes=\(export.path)", "--output", output.path])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("\(export.path):1:"))
        #expect(result.stderr.contains("crosswalk: nothing written"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func importWritesANativeInventoryThatReportsTheSameFindings() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let inventory = folder.appendingPathComponent("inventory.json")
        let converted = try CommandRunner.run(
            ["import", "kubernetes", "examples/multicloud/kubernetes/cluster.json", "--output", inventory.path]
        )
        #expect(converted.exitCode == 0, "stderr: \(converted.stderr)")
        #expect(converted.stderr.contains("wrote \(inventory.path): 3 identities"))
        let text = try String(contentsOf: inventory, encoding: .utf8)
        #expect(text.contains("\"origin\""))
        #expect(!text.contains("ZXlKaGJHY2"))  // the token Secret's data is never read
        let direct = folder.appendingPathComponent("direct")
        let viaFile = folder.appendingPathComponent("via-file")
        let common = ["--format", "json", "--now", Fixtures.exampleNow, "--policy", MulticloudExample.policy]
        let first = try CommandRunner.run(
            ["report", "--import", "kubernetes=examples/multicloud/kubernetes/cluster.json", "--output", direct.path]
                + common
        )
        let second = try CommandRunner.run(
            ["report", "--inventory", inventory.path, "--output", viaFile.path] + common
        )
        #expect(first.exitCode == 0 && second.exitCode == 0, "\(first.stderr)\(second.stderr)")
        let results = { (folder: URL) throws -> String in
            let json = try String(contentsOf: folder.appendingPathComponent("crosswalk-report.json"), encoding: .utf8)
            // Everything from the controls on: the inputs (paths, digests) differ by design.
            let start = try #require(json.range(of: "\"controls\""))
            return String(json[start.lowerBound...])
        }
        #expect(try results(direct) == (try results(viaFile)))
    }

    @Test func theOverlayFillsOwnersAndAnEntryThatSelectsNothingIsReported() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let overlay = folder.appendingPathComponent("overlay.yaml")
        try """
        version: 1
        identities:
          - {match: "k8s:*", owner: cluster-team}
          - {id: "k8s:nowhere/nobody", owner: ghost-team}
        """.write(to: overlay, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run([
            "report", "--import", "kubernetes=examples/multicloud/kubernetes/cluster.json", "--overlay", overlay.path,
            "--format", "json", "--output", folder.appendingPathComponent("out").path, "--now", Fixtures.exampleNow,
        ])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(
            result.stderr.contains(
                "\(overlay.path):4:5: warning: identities[1]: overlay entry (id k8s:nowhere/nobody) selects no identity"
            )
        )
        let json = try String(
            contentsOf: folder.appendingPathComponent("out/crosswalk-report.json"),
            encoding: .utf8
        )
        #expect(json.contains("cluster-team"))
    }
}

/// The committed reference sets stay consistent with their manifests: re-recording a report
/// without its manifest would fail here.
@Suite struct ReferenceSetManifestTests {
    @Test(arguments: ["reports/example", "reports/multicloud"])
    func theCommittedReferenceSetVerifies(_ folder: String) throws {
        let result = try CommandRunner.run(["verify", folder])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
    }
}
