import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// `--import auto=PATH`: each Azure export is recognised as exactly its kind, and other
/// platforms' exports as no Azure kind.
@Suite struct AzureDetectionTests {
    private func azureKinds(_ path: String) throws -> [String] {
        ImportRegistry.detect(ImportDocument(try Fixtures.file(path))).map(\.name).filter { $0.hasPrefix("azure-") }
    }

    @Test(arguments: [
        (AzureFixture.graphSample, AzureFixture.servicePrincipals),
        (AzureFixture.spList, AzureFixture.servicePrincipals),
        (AzureFixture.spListYAML, AzureFixture.servicePrincipals),
        (AzureFixture.graphPage, AzureFixture.servicePrincipals),
        (AzureFixture.appList, AzureFixture.applications),
        (AzureFixture.armSample, AzureFixture.assignments),
        (AzureFixture.roleAssignments, AzureFixture.assignments),
    ])
    func azureExportsAreDetected(path: String, kind: String) throws {
        #expect(try azureKinds(path) == [kind])
    }

    @Test(arguments: [
        "Tests/Fixtures/real-inputs/aws/cloudmapper_iam-get-credential-report.json",
        "Tests/Fixtures/real-inputs/aws/cloudmapper_iam-get-account-authorization-details.json",
        "Tests/Fixtures/real-inputs/aws/cloudmapper_secretsmanager-list-secrets.json",
        "Tests/Fixtures/real-inputs/aws/cloudsplaining_example-authz-details.json",
        "Tests/Fixtures/real-inputs/aws/cloudsplaining_example_authz_v2.json",
        "Tests/Fixtures/real-inputs/kubernetes/k8s_bootstrap_cluster-roles.yaml",
        "Tests/Fixtures/real-inputs/kubernetes/k8s_bootstrap_cluster-role-bindings.yaml",
        "Tests/Fixtures/real-inputs/kubernetes/k8s_bootstrap_controller-role-bindings.yaml",
        "Tests/Fixtures/real-inputs/kubernetes/k8s_website_serviceaccount-token-secret.yaml",
        "Tests/Fixtures/real-inputs/gcp/cai_service_accounts.json",
        "Tests/Fixtures/real-inputs/gcp/cai_service_account_keys_age.json",
        "Tests/Fixtures/real-inputs/gcp/cai_service_account_keys_type.json",
        "Tests/Fixtures/real-inputs/gcp/cai_iam_policy_bindings.json",
        "Tests/Fixtures/real-inputs/gcp/cai_iam_audit_configs.json",
        "Tests/Fixtures/real-inputs/spiffe/spire_registration_entries_good.json",
        "Tests/Fixtures/real-inputs/a2a/a2a_spec_v0.3.0_sample_agent_card.json",
        "Tests/Fixtures/real-inputs/mcp/mcp_registry_server_with-remote.json",
        "examples/acme/inventory.yaml",
    ])
    func otherExportsAreNotAzure(path: String) throws {
        #expect(try azureKinds(path).isEmpty)
    }

    @Test func unparseableAndEmptyInputsAreNoKind() {
        for text in ["", "[", "[]", "{}", "42", "not: [json", "\u{FEFF}[1, 2]"] {
            let document = ImportDocument(InputFile(path: "input.json", text: text))
            #expect(ImportRegistry.detect(document).filter { $0.name.hasPrefix("azure-") }.isEmpty, "\(text)")
        }
    }

    @Test func autoSaysWhichKindItChose() throws {
        let imported = ImportSession.run([
            ImportSession.Input(kind: "auto", file: try Fixtures.file(AzureFixture.spList)),
            ImportSession.Input(kind: "auto", file: try Fixtures.file(AzureFixture.armSample)),
        ])
        #expect(imported.errors.isEmpty)
        #expect(imported.sources.map(\.kind) == [AzureFixture.servicePrincipals, AzureFixture.assignments])
        #expect(imported.sources.allSatisfy { $0.detected })
    }
}
