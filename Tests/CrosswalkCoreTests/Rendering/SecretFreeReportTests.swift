import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Credentials pasted into fields that reports show (names, owners, trust zones, tools, terms,
/// policy entries, a second inventory's organization) reach no rendered report.
@Suite struct SecretFreeReportTests {
    static let secrets = [
        "AKIAZ7QX2M4W9P1K3J5R",
        "wQ8r+Zk3/Lm7XvT2n9BpYc4Hd6Jf1Gs5Ka0Re8Tu",
        "ghp_Q7w2E9r4T1y6U3i8O5p0A2s7D4f9G1h6J3k8",
        "xoxb-730194552618-551820394776-Qm7Rk2Vx9Lp4Tz8Wn3Hc6Jd1",
        "sk-proj-Tq8Zr3Lw9Xv2Nb7Mc4Kd6Hf1Gs5Ja0Pe8Ru3Yt6Wi2",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaS1ib3QtMTIzIn0.c2lnbmF0dXJlLWZvci1hLXRlc3Qtb25seQ",
    ]

    static func secret(_ index: Int) -> String { secrets[index % secrets.count] }

    @Test func rendersNoCredentialPastedIntoReportedFields() throws {
        let inventory = """
            version: 1
            organization: "Example Corp"
            identities:
              - {id: parent-agent, kind: agent, owner: team-a, trust_zone: support}
              - id: child-agent
                kind: agent
                name: "deploy key (\(Self.secret(0)))"
                owner: "svc+\(Self.secret(2))@example.com"
                spawned_by: parent-agent
                environment: production
                trust_zone: "\(Self.secret(3))"
                tools: ["kb.search", "\(Self.secret(5))"]
                credentials:
                  - id: key-1
                    type: "access-key \(Self.secret(4))"
                    storage: "\(Self.secret(1))"
                    created: 2024-01-01
                    used_in: ["\(Self.secret(1))"]
            """
        let second = "version: 1\norganization: \"\(Self.secret(3))\"\nidentities: []\n"
        let policy = """
            version: 1
            allowed_secret_storage: [vault, "\(Self.secret(0))"]
            sensitive_actions: [{action: "pay:\(Self.secret(2))"}]
            approved_tools: ["kb.*", "\(Self.secret(4))"]
            """
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [
                    InputFile(path: "inventory.yaml", text: inventory), InputFile(path: "second.yaml", text: second),
                ],
                policyFile: InputFile(path: "policy.yaml", text: policy),
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow)),
                includePassing: true
            )
        )
        let renderer = try RendererRegistry(templates: ReportTemplates())
        for document in ReportDocument.allCases where document != .xmlReport && document != .junitReport {
            let text = String(decoding: try renderer.render(report, as: document), as: UTF8.self)
            if document.fileName.hasSuffix(".json") {
                #expect(text.contains("deploy key ([redacted])"), "the harmless rest of a name is kept")
            }
            for secret in Self.secrets {
                #expect(!text.contains(secret), "\(document.fileName) holds no credential")
                #expect(!text.contains(String(secret.suffix(16))), "\(document.fileName) holds no part of one")
            }
        }
    }
}
