import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// `--import auto=PATH`: each Google Cloud export is detected as exactly its own kind, and files
/// of other platforms are not taken for Google Cloud ones.
@Suite("Google Cloud: shape detection")
struct GoogleCloudDetectionTests {
    static func detected(_ path: String) throws -> [String] {
        ImportRegistry.detect(ImportDocument(try Fixtures.file(path))).map(\.name)
    }

    @Test(
        "every Google Cloud fixture is detected as its kind",
        arguments: [
            ("real-inputs/gcp/cai_service_accounts.json", "gcp-asset-inventory"),
            ("real-inputs/gcp/cai_service_account_keys_age.json", "gcp-asset-inventory"),
            ("real-inputs/gcp/cai_service_account_keys_type.json", "gcp-asset-inventory"),
            ("real-inputs/gcp/cai_iam_policy_bindings.json", "gcp-asset-inventory"),
            ("real-inputs/gcp/cai_iam_audit_configs.json", "gcp-asset-inventory"),
            ("imports/gcp/asset-export.ndjson", "gcp-asset-inventory"),
            ("imports/gcp/iam-policy-search.json", "gcp-asset-inventory"),
            ("imports/gcp/service-accounts.json", "gcp-service-accounts"),
            ("imports/gcp/service-accounts.yaml", "gcp-service-accounts"),
            ("imports/gcp/service-accounts-page.json", "gcp-service-accounts"),
            ("imports/gcp/service-account-keys.json", "gcp-service-account-keys"),
            ("imports/gcp/service-account-keys-envelope.json", "gcp-service-account-keys"),
            ("imports/gcp/acme-data-prod.json", "gcp-iam-policy"),
            ("imports/gcp/acme-web-dev.yaml", "gcp-iam-policy"),
        ]
    )
    func detectsOwnKind(path: String, kind: String) throws {
        let gcpKinds = try Self.detected("Tests/Fixtures/" + path).filter { $0.hasPrefix("gcp-") }
        #expect(gcpKinds == [kind])
    }

    @Test("other platforms' samples are not taken for Google Cloud exports")
    func othersAreNotGoogleCloud() throws {
        let others = [
            "aws/cloudmapper_iam-get-account-authorization-details.json",
            "aws/cloudmapper_iam-get-credential-report.json", "aws/cloudsplaining_example_authz_v2.json",
            "aws/cloudmapper_secretsmanager-list-secrets.json", "azure/graph_servicePrincipals_list_response.json",
            "azure/arm_roleAssignments_list_response_excerpt.json", "kubernetes/k8s_bootstrap_cluster-roles.yaml",
            "kubernetes/k8s_bootstrap_cluster-role-bindings.yaml",
            "kubernetes/k8s_website_serviceaccount-token-secret.yaml", "spiffe/spire_registration_entries_good.json",
            "mcp/mcp_registry_server_with-package.json", "a2a/a2a_spec_v1.0.1_sample_agent_card.json",
        ]
        for path in others {
            let gcpKinds = try Self.detected("Tests/Fixtures/real-inputs/" + path).filter { $0.hasPrefix("gcp-") }
            #expect(gcpKinds.isEmpty, "\(path) was taken for \(gcpKinds)")
        }
    }

    @Test("detection never throws on text that is not JSON or YAML")
    func garbage() {
        for text in ["", "{", "---\n: :\n---\n[", "\u{FEFF}not: [closed", "{\"a\":1}\n{\"b\":"] {
            let document = ImportDocument(InputFile(path: "x", text: text))
            #expect(ImportRegistry.detect(document).filter { $0.name.hasPrefix("gcp-") }.isEmpty)
        }
    }

    @Test("the five kinds are listed with what produces them")
    func kinds() {
        let names = ImportRegistry.kinds.filter { $0.platform == .gcp }.map(\.name)
        #expect(
            names == [
                "gcp-service-accounts", "gcp-service-account-keys", "gcp-iam-policy", "gcp-asset-inventory",
                "gcp-activity",
            ]
        )
        #expect(ImportRegistry.kinds.filter { $0.platform == .gcp }.allSatisfy { $0.producedBy.hasPrefix("gcloud") })
    }
}
