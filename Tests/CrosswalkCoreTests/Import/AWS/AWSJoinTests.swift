import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// The credential report and the authorization details together: joined by ARN, people dropped,
/// and the kinds `auto` recognises.
@Suite struct AWSJoinTests {
    private let account = "arn:aws:iam::111122223333"

    private func joined() throws -> ImportedInventory {
        try ImportFixtures.run([
            (AWSFixture.credentialReportKind, AWSFixture.variantsReport),
            (AWSFixture.authorizationDetailsKind, AWSFixture.variantsDetails),
        ])
    }

    @Test func reportRowsAndUserDetailsJoinByARN() throws {
        let imported = try joined()
        #expect(imported.errors.isEmpty)
        let deployer = try imported.identity("\(account):user/ci/ci-deployer")
        // Keys from the report…
        #expect(deployer.credentials.map(\.id) == ["access-key-1", "access-key-2"])
        #expect(deployer.origin?.file == AWSFixture.variantsReport)
        #expect(deployer.origin?.record == "line 4")
        #expect(try deployer.credential("access-key-2").origin?.record == "line 4")
        // …tags and policies from the details.
        #expect(deployer.owner == "platform-team")
        #expect(deployer.environment == "production")
        #expect(deployer.roleBindings.count == 4)
        #expect(deployer.interactiveUse == false)
        // Each source fills the other's gaps: only what neither tells stays unreported.
        #expect(deployer.unreported == [.trustZone, .credentialStorage, .sharedAccount])
        #expect(imported.identities.filter { $0.id == deployer.id }.count == 1)
    }

    @Test func usersTheReportCallsPeopleAreDroppedFromTheDetails() throws {
        let imported = try joined()
        // alice holds AdministratorAccess in the details, but the report shows her a person.
        #expect(!imported.identities.contains { $0.id == "\(account):user/alice" })
        #expect(!imported.roles.contains { $0.id == "arn:aws:iam::aws:policy/AdministratorAccess" })
        // tagless is in no report row: kept, with a warning.
        #expect(imported.identities.contains { $0.id == "\(account):user/tagless" })
        #expect(
            imported.warnings.contains {
                $0.file == AWSFixture.variantsDetails
                    && $0.message.hasPrefix("1 IAM user is in no credential report read")
            }
        )
    }

    @Test func joinedFindings() throws {
        let imported = try joined()
        let admin = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        #expect(admin["\(account):user/ci/ci-deployer"] == .fail)  // `power` through group deployers
        #expect(admin["\(account):user/shared-ops"] == .pass)
        let rotation = try ImportFixtures.results(of: "CW-CRED-02", on: imported)
        #expect(rotation["\(account):user/ci/ci-deployer/access-key-2"] == .fail)
        let owners = try ImportFixtures.results(of: "CW-LIFE-01", on: imported)
        #expect(owners["\(account):user/ci/ci-deployer"] == .pass)
    }

    @Test func theOrderOfFilesDoesNotMatter() throws {
        let reversed = try ImportFixtures.run([
            (AWSFixture.authorizationDetailsKind, AWSFixture.variantsDetails),
            (AWSFixture.credentialReportKind, AWSFixture.variantsReport),
        ])
        let forward = try joined()
        #expect(Set(reversed.identities.map(\.id)) == Set(forward.identities.map(\.id)))
        let deployer = try reversed.identity("\(account):user/ci/ci-deployer")
        #expect(deployer.credentials.map(\.id) == ["access-key-1", "access-key-2"])
        #expect(deployer.owner == "platform-team")
    }

    // MARK: auto

    @Test(
        arguments: [
            (AWSFixture.cloudMapperReport, "aws-credential-report"),
            (AWSFixture.cliReport, "aws-credential-report"),
            (AWSFixture.cliReportYAML, "aws-credential-report"),
            (AWSFixture.variantsReport, "aws-credential-report"),
            (AWSFixture.reorderedReport, "aws-credential-report"),
            (AWSFixture.cloudMapperDetails, "aws-authorization-details"),
            (AWSFixture.cloudsplainingDetails, "aws-authorization-details"),
            (AWSFixture.cloudsplainingDetailsV2, "aws-authorization-details"),
            (AWSFixture.variantsDetails, "aws-authorization-details"),
            (AWSFixture.smallDetailsYAML, "aws-authorization-details"),
        ]
    )
    func autoDetectsEachSample(path: String, kind: String) throws {
        let imported = try ImportFixtures.run([("auto", path)])
        #expect(imported.errors.isEmpty)
        #expect(imported.sources.map(\.kind) == [kind])
        #expect(imported.sources.first?.detected == true)
    }

    @Test func autoDoesNotClaimOtherPlatformsExports() throws {
        let others = [
            "Tests/Fixtures/real-inputs/aws/cloudmapper_secretsmanager-list-secrets.json",
            "Tests/Fixtures/real-inputs/azure/graph_servicePrincipals_list_response.json",
            "Tests/Fixtures/real-inputs/azure/arm_roleAssignments_list_response_excerpt.json",
            "Tests/Fixtures/real-inputs/gcp/cai_service_accounts.json",
            "Tests/Fixtures/real-inputs/gcp/cai_iam_policy_bindings.json",
            "Tests/Fixtures/real-inputs/kubernetes/k8s_bootstrap_cluster-roles.yaml",
            "Tests/Fixtures/real-inputs/kubernetes/k8s_website_serviceaccount-token-secret.yaml",
        ]
        for path in others {
            let document = ImportDocument(try Fixtures.file(path))
            let kinds = ImportRegistry.detect(document).map(\.name).filter { $0.hasPrefix("aws-") }
            #expect(kinds.isEmpty, "\(path)")
        }
        let texts = [
            ("list.json", #"{"apiVersion": "v1", "kind": "List", "items": []}"#),
            ("plain.csv", "name,email\nbot,bot@example.com\n"),
            ("array.json", #"[{"servicePrincipalType": "Application"}]"#),
            ("junk.json", "{not json"),
        ]
        for (name, text) in texts {
            let kinds = ImportRegistry.detect(ImportDocument(InputFile(path: name, text: text))).map(\.name)
            #expect(!kinds.contains { $0.hasPrefix("aws-") }, "\(name)")
        }
    }

    @Test func kindsAreListed() {
        let aws = ImportRegistry.kinds.filter { $0.platform == .aws }
        #expect(aws.map(\.name) == ["aws-credential-report", "aws-authorization-details"])
        #expect(aws.allSatisfy { !$0.summary.isEmpty && $0.producedBy.hasPrefix("aws iam") })
    }
}
