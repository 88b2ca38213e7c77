import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Token Secrets' `data` and `stringData` are never read: no token, CA certificate or other
/// Secret value reaches an identity, a credential, a role or a diagnostic.
@Suite("Kubernetes: secret material is dropped")
struct KubernetesSecretHygieneTests {
    /// Values in the fixtures' `data`/`stringData`, base64 as written and decoded where they decode
    /// to text.
    static let secretValues = [
        "ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNklrdzRNamRRZWxOQUlXNXZkRUZ5WldGc1ZHOXJaVzRpZlEK",
        "TFMwdExTMUNSVWRKVGlCRFJWSlVTVVpKUTBGVVJTMHRMUzB0Q2c9PQ==", "cGF5bWVudHM=",
        "k8s-literal-token-Qx7vL2pR9sT4wY6z-never-echo", "Qx7vL2pR9sT4wY6z", "aHVudGVyMi1vcGFxdWUtdmFsdWU=",
        "hunter2-opaque-value", "c3RyZWFtLXRva2VuLWRvLW5vdC1sZWFrLTk5ODg3Nw==", "stream-token-do-not-leak",
        "YmFyCg==",
    ]

    @Test func noSecretValueAnywhereInTheResult() throws {
        let imported = try ImportFixtures.run(
            [
                (kind: "kubernetes", path: KubernetesFixture.folder + "cluster-export.json"),
                (kind: "kubernetes", path: KubernetesFixture.folder + "stream.yaml"),
                (
                    kind: "kubernetes",
                    path: KubernetesFixture.realFolder + "k8s_website_serviceaccount-token-secret.yaml"
                ),
            ]
        )
        #expect(imported.identities.flatMap(\.credentials).count == 6)
        let everything = String(describing: imported) + imported.warnings.map(\.description).joined()
        for value in Self.secretValues {
            #expect(!everything.contains(value), "\(value)")
        }
    }

    /// A value that looks like a credential in a name or label is redacted, and a malformed token
    /// Secret's data is not echoed in its warning.
    @Test func screenedNamesAndLabels() {
        let token = "ghp_" + String(repeating: "A1b2C3d4E5", count: 4)
        let text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ServiceAccount
              metadata: {name: robot, namespace: tools, labels: {note: "\(token)"}}
            - apiVersion: v1
              kind: Secret
              type: kubernetes.io/service-account-token
              metadata: {name: broken, namespace: tools}
              data: {token: "\(token)"}
            """
        let imported = KubernetesFixture.run(text: text)
        #expect(imported.identities.count == 1)
        #expect(imported.importWarnings.count == 1)
        let everything = String(describing: imported) + imported.warnings.map(\.description).joined()
        #expect(!everything.contains(token))
    }
}
