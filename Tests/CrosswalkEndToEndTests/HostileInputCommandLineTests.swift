import CrosswalkTestSupport
import Foundation
import Testing

/// Inputs that used to print a whole file or crash the binary now end in one located error and exit 2.
@Suite struct HostileInputCommandLineTests {
    private func folder(with files: [String: String]) throws -> URL {
        let folder = try CommandRunner.temporaryDirectory()
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    private let inventory = """
        version: 1
        identities:
          - id: nightly-build
            kind: ci-job
            credentials:
              - {id: oidc, type: federated-token, ttl_seconds: 300}
        """

    @Test func aDuplicateKeyPrintsOneLocatedLineAndNoDocumentText() throws {
        let secret = "ghp_E2eTestOnlyNotARealTokenAbCdEf0123456789"
        let duplicate = """
            version: 1
            identities:
              - id: release-bot
                kind: ci-job
                credentials:
                  - id: pat
                    type: token
                    token: \(secret)
                kind: bot
            """
        let folder = try folder(with: ["inventory.yaml": duplicate])
        let result = try CommandRunner.run(["validate", "inventory.yaml"], in: folder)
        #expect(result.exitCode == 2)
        #expect(result.stderr == "inventory.yaml:9:5: error: duplicate key 'kind' in the same mapping\n")
        #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
    }

    @Test func aThresholdBeyondItsBoundIsALocatedErrorNotACrash() throws {
        let folder = try folder(with: [
            "inventory.yaml": inventory,
            "policy.yaml": "version: 1\nthresholds:\n  max_credential_lifetime_days: 200000000000000\n",
        ])
        let output = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(["report", folder.path, "--output", output.path], in: folder)
        #expect(result.exitCode == 2)
        #expect(
            result.stderr.contains(
                "\(folder.path)/policy.yaml:3:33: error: thresholds.max_credential_lifetime_days: expected a whole number of days from 0 to 36500"
            ),
            "stderr: \(result.stderr)"
        )
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aCatalogWithAParentCycleIsRejectedByValidateAndReport() throws {
        let catalog = """
            {"id": "ring", "title": "Ring", "version": "1", "entries": [
              {"id": "X", "title": "x", "parent": "Y"},
              {"id": "Y", "title": "y", "parent": "X"},
              {"id": "leaf", "title": "leaf"}
            ]}
            """
        let folder = try folder(with: ["inventory.yaml": inventory, "ring.json": catalog])
        let message =
            "ring.json:2:3: error: entries[0]: entries 'X' → 'Y' → 'X' form a parent cycle in catalog 'ring'; a chain of parents must end at an entry without a parent"
        let validate = try CommandRunner.run(["validate", "ring.json"], in: folder)
        #expect(validate.exitCode == 2)
        #expect(validate.stderr.contains(message), "stderr: \(validate.stderr)")
        let report = try CommandRunner.run(
            ["report", folder.path, "--catalog", "ring.json", "--format", "json", "--output", "out"],
            in: folder
        )
        #expect(report.exitCode == 2)
        #expect(report.stderr.contains(message), "stderr: \(report.stderr)")
    }
}
