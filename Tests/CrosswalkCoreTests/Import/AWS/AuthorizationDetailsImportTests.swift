import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// `get-account-authorization-details`: the CloudMapper and Cloudsplaining samples and a generated
/// export with every variant the samples lack.
@Suite struct AuthorizationDetailsImportTests {
    // MARK: CloudMapper

    @Test func cloudMapperBadRoleTrustsAnyoneAndAllowsEverything() throws {
        let imported = try AWSFixture.details(AWSFixture.cloudMapperDetails)
        #expect(imported.errors.isEmpty)
        let badRole = try imported.identity("arn:aws:iam::123456789012:role/bad_role")
        #expect(badRole.kind == .workloadIdentity)
        #expect(badRole.tag("trust") == "any-aws-principal")
        #expect(badRole.sharedAccount == true)
        #expect(
            badRole.roleBindings.map(\.role) == [
                "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM",
                "arn:aws:iam::123456789012:role/bad_role#inline/dostuff",
                "aws:trust/any-principal",
            ]
        )
        let inline = try imported.role("arn:aws:iam::123456789012:role/bad_role#inline/dostuff")
        #expect(inline.permissions == ["*"])
        #expect(inline.administrative)
        #expect(try imported.role("aws:trust/any-principal").administrative)

        let findings = try ImportFixtures.findings(of: "CW-AUTHZ-02", on: imported)
        let badRoleFinding = try #require(findings.first { $0.subject.id == badRole.id })
        #expect(badRoleFinding.status == .fail)
        // The inline `*`, the open trust policy, and where the role was read.
        #expect(
            badRoleFinding.evidence.map(\.observed) == [
                "arn:aws:iam::123456789012:role/bad_role#inline/dostuff (dostuff) — marked administrative: true",
                "aws:trust/any-principal (Trust policy lets any AWS principal assume the role) — marked administrative: true",
                "\(AWSFixture.cloudMapperDetails), line 271",
            ]
        )
        #expect(badRole.origin?.record == "line 271")
        #expect(findings.filter { $0.status == .fail }.map(\.subject.id) == [badRole.id])
    }

    @Test func cloudMapperRolesAndUsers() throws {
        let imported = try AWSFixture.details(AWSFixture.cloudMapperDetails)
        #expect(
            imported.identities.map(\.id) == [
                "arn:aws:iam::aws:user/USER_WITH_BAD_INLINE_POLICY",  // the sample's account "aws" quirk
                "arn:aws:iam::aws:user/USER",
                "arn:aws:iam::123456789012:role/exfiller",
                "arn:aws:iam::123456789012:role/bad_role",  // Path ""
                "arn:aws:iam::123456789012:role/service-role/level1",
                "arn:aws:iam::123456789012:role/level3",
            ]
        )
        let user = try imported.identity("arn:aws:iam::aws:user/USER")
        #expect(
            user.roleBindings == [
                RoleBinding(
                    role: "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM",
                    scope: "via group GROUP_WITH_BAD_INLINE_POLICY"
                )
            ]
        )
        let exfiller = try imported.identity("arn:aws:iam::123456789012:role/exfiller")
        #expect(exfiller.authentication == .managedIdentity)
        #expect(exfiller.interactiveUse == false)
        #expect(exfiller.tag("trusted-services") == "ec2.amazonaws.com")
        #expect(try imported.role("arn:aws:iam::123456789012:role/exfiller#inline/tmp").permissions == ["s3:*"])
        #expect(try !imported.role("arn:aws:iam::123456789012:role/exfiller#inline/tmp").administrative)
        // The sample predates RoleLastUsed: the export cannot tell last use.
        for role in imported.identities where role.kind == .workloadIdentity {
            #expect(role.unreported.contains(.lastUsed))
            #expect(role.lastUsed == nil)
        }
        // The managed policy is defined in the file, with its default version's 41 actions.
        let ssm = try imported.role("arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM")
        #expect(ssm.permissions.count == 41)
        #expect(ssm.permissions.first == "ssm:DescribeAssociation")
        #expect(!ssm.administrative)
        // BAD_MFA_POLICY is attached to nobody (AttachmentCount 0): no role for it.
        #expect(!imported.roles.contains { $0.id.hasSuffix("BAD_MFA_POLICY") })
    }

    // MARK: Cloudsplaining

    @Test func cloudsplainingAdministratorAccessHolders() throws {
        let imported = try AWSFixture.details(AWSFixture.cloudsplainingDetails)
        #expect(imported.errors.isEmpty)
        let results = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        let account = "arn:aws:iam::012345678901"
        // obama: AdministratorAccess directly and through group admin; userwithlotsofpermissions
        // through group admin; biden's Lambda and RDS full access are not administrative.
        #expect(
            results == [
                "\(account):user/obama": .fail, "\(account):user/userwithlotsofpermissions": .fail,
                "\(account):user/biden": .pass, "\(account):role/MyRole": .pass, "\(account):role/MyOtherRole": .pass,
                "\(account):role/OverprivilegedEC2": .pass,
            ]
        )
        let obama = try imported.identity("\(account):user/obama")
        #expect(
            obama.roleBindings == [
                RoleBinding(role: "arn:aws:iam::aws:policy/AdministratorAccess"),
                RoleBinding(role: "arn:aws:iam::aws:policy/AdministratorAccess", scope: "via group admin"),
            ]
        )
        #expect(obama.created == time("2019-12-18T19:10:08Z"))  // "2019-12-18 19:10:08+00:00"
        let biden = try imported.identity("\(account):user/biden")
        #expect(
            Set(biden.roleBindings.map(\.role)) == [
                "arn:aws:iam::aws:policy/AWSLambdaFullAccess", "\(account):user/biden#inline/InsecureUserPolicy",
                "arn:aws:iam::aws:policy/AmazonRDSFullAccess",
                "\(account):group/biden#inline/InlinePolicyForBidenGroup",
            ]
        )
        let admin = try imported.role("arn:aws:iam::aws:policy/AdministratorAccess")
        #expect(admin.permissions == ["*"] && admin.administrative)
    }

    @Test func cloudsplainingRoleLastUsed() throws {
        let imported = try AWSFixture.details(AWSFixture.cloudsplainingDetails)
        let account = "arn:aws:iam::012345678901"
        let used = try imported.identity("\(account):role/OverprivilegedEC2")
        #expect(used.lastUsed == time("2019-01-20T18:48:00Z"))
        // RoleLastUsed {}: not used in the tracking window, a reported fact, not a gap.
        let unused = try imported.identity("\(account):role/MyRole")
        #expect(unused.lastUsed == nil)
        #expect(!unused.unreported.contains(.lastUsed))
        let dormant = try ImportFixtures.results(of: "CW-LIFE-02", on: imported)
        #expect(dormant["\(account):role/MyRole"] == .fail)
        #expect(dormant["\(account):role/OverprivilegedEC2"] == .fail)
        // A year after creation and a day after its last use, only the never-used roles are dormant.
        let then = try ImportFixtures.results(of: "CW-LIFE-02", on: imported, now: #require(time("2019-01-21")))
        #expect(then["\(account):role/OverprivilegedEC2"] == .pass)
    }

    @Test func cloudsplainingV2AttachesAdministratorAccessWithoutDefiningIt() throws {
        let imported = try AWSFixture.details(AWSFixture.cloudsplainingDetailsV2)
        #expect(imported.errors.isEmpty)
        #expect(!imported.warnings.contains { $0.message.contains("not defined") })
        let admin = try imported.role("arn:aws:iam::aws:policy/AdministratorAccess")
        #expect(admin.administrative)
        #expect(admin.permissions == ["*"])
        let results = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        #expect(
            results == [
                "arn:aws:iam::012345678901:user/BlakeBortles": .fail, "arn:aws:iam::012345678901:role/GOAT": .pass,
                "arn:aws:iam::012345678901:role/MyOtherRole": .pass,
            ]
        )
        #expect(
            Set(imported.roles.map(\.id)) == [
                "arn:aws:iam::aws:policy/AdministratorAccess",
                "arn:aws:iam::012345678901:role/GOAT#inline/SsmOnboardingInlinePolicy",
                "arn:aws:iam::012345678901:role/MyOtherRole#inline/InlinePolicyForTestingOverrides",
            ]
        )
    }

    // MARK: Every variant

    private let account = "arn:aws:iam::111122223333"

    @Test func variantsIdentities() throws {
        let imported = try AWSFixture.details(AWSFixture.variantsDetails)
        #expect(imported.errors.isEmpty)
        #expect(
            imported.identities.map(\.id) == [
                "\(account):user/ci/ci-deployer", "\(account):user/alice", "\(account):user/tagless",
                "\(account):role/gha-deploy",
                "\(account):role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport",
                "\(account):role/partner-audit", "\(account):role/cross-account", "\(account):role/open-trust",
                "\(account):role/odd-date",
            ]
        )
        let deployer = try imported.identity("\(account):user/ci/ci-deployer")
        #expect(deployer.owner == "platform-team")
        #expect(deployer.environment == "production")
        #expect(
            deployer.roleBindings == [
                RoleBinding(role: "arn:aws:iam::aws:policy/ReadOnlyAccess"),  // one object, not a list
                RoleBinding(role: "\(account):user/ci/ci-deployer#inline/encoded-read"),
                RoleBinding(role: "\(account):policy/DeployAll", scope: "via group deployers"),
                RoleBinding(role: "\(account):group/deployers#inline/power", scope: "via group deployers"),
            ]
        )
        #expect(deployer.unreported.contains(.lastUsed) && deployer.unreported.contains(.interactiveUse))
        #expect(!deployer.unreported.contains(.owner))
        let tagless = try imported.identity("\(account):user/tagless")
        #expect(tagless.owner == "data")  // the `team` tag
        #expect(tagless.environment == nil)
        #expect(!tagless.unreported.contains(.owner))  // tags convey owners: an empty one is a gap
        #expect(tagless.created == time("2025-02-03T04:05:06Z"))
    }

    @Test func variantsPolicies() throws {
        let imported = try AWSFixture.details(AWSFixture.variantsDetails)
        // Only the default version (v2) counts; v1 allowed everything.
        let deployAll = try imported.role("\(account):policy/DeployAll")
        #expect(deployAll.permissions == ["cloudformation:*", "s3:PutObject", "iam:PassRole"])
        #expect(!deployAll.administrative)
        // A URL-encoded default version allowing *:* on every resource.
        let customAdmin = try imported.role("\(account):policy/CustomAdmin")
        #expect(customAdmin.permissions == ["*:*"] && customAdmin.administrative)
        // A URL-encoded inline policy whose Statement, Action and Resource are single values.
        #expect(try imported.role("\(account):user/ci/ci-deployer#inline/encoded-read").permissions == ["s3:GetObject"])
        // Allow + NotAction: everything but IAM, read as a wildcard.
        let power = try imported.role("\(account):group/deployers#inline/power")
        #expect(power.permissions == ["*"] && power.administrative)
        // Deny and an unknown Effect grant nothing; Allow iam:* on * is administrative.
        let iam = try imported.role("\(account):role/cross-account#inline/iam-everything")
        #expect(iam.permissions == ["iam:*"] && iam.administrative)
        let describe = try imported.role("\(account):role/open-trust#inline/describe")
        #expect(describe.permissions == ["ec2:Describe*"] && !describe.administrative)
        // Attached but not defined in the export: permissions unknown, a warning says so.
        #expect(try imported.role("arn:aws:iam::aws:policy/ReadOnlyAccess").permissions.isEmpty)
        #expect(try imported.role("\(account):policy/Versionless").permissions.isEmpty)
        #expect(!imported.roles.contains { $0.id == "\(account):policy/Unattached" })
        #expect(imported.roles.allSatisfy { $0.platform == "aws" })
    }

    @Test func variantsTrustPolicies() throws {
        let imported = try AWSFixture.details(AWSFixture.variantsDetails)
        let oidc = try imported.identity("\(account):role/gha-deploy")
        #expect(oidc.authentication == .federated)
        #expect(oidc.interactiveUse == false)
        #expect(
            oidc.tag("trusted-identity-providers") == "\(account):oidc-provider/token.actions.githubusercontent.com"
        )
        #expect(oidc.lastUsed == time("2026-10-29T10:00:00Z"))
        #expect(oidc.owner == "release-engineering" && oidc.environment == "prod")

        let support = try imported.identity(
            "\(account):role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport"
        )
        #expect(support.tag("service-linked") == "true")
        #expect(support.unreported.contains(.owner))  // AWS manages it
        #expect(support.authentication == .managedIdentity)  // its trust policy is URL-encoded
        #expect(support.tag("trusted-services") == "support.amazonaws.com")

        let partner = try imported.identity("\(account):role/partner-audit")
        #expect(partner.tag("trust") == "any-aws-principal-with-condition")
        #expect(!partner.roleBindings.contains { $0.role == "aws:trust/any-principal" })
        #expect(partner.interactiveUse == nil && partner.unreported.contains(.interactiveUse))

        let crossAccount = try imported.identity("\(account):role/cross-account")
        #expect(crossAccount.tag("trusted-principals") == "arn:aws:iam::444455556666:root, 777788889999")
        #expect(crossAccount.authentication == nil)
        #expect(crossAccount.unreported.contains(.lastUsed))  // no RoleLastUsed key at all

        let open = try imported.identity("\(account):role/open-trust")
        #expect(open.tag("trust") == "any-aws-principal")
        #expect(open.sharedAccount == true)
        #expect(open.roleBindings.contains { $0.role == "aws:trust/any-principal" })

        let lambda = try imported.identity("\(account):role/odd-date")
        #expect(lambda.tag("trusted-services") == "lambda.amazonaws.com, edgelambda.amazonaws.com")
        #expect(lambda.lastUsed == nil)
        #expect(lambda.unreported.contains(.lastUsed))  // "last tuesday" tells nothing
        // The SAML-only role is people's single sign-on: not imported.
        #expect(!imported.identities.contains { $0.id.hasSuffix("role/sso-admins") })
    }

    @Test func variantsFindings() throws {
        let imported = try AWSFixture.details(AWSFixture.variantsDetails)
        let admin = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        #expect(
            admin.filter { $0.value == .fail }.keys.sorted() == [
                "\(account):role/cross-account", "\(account):role/open-trust", "\(account):role/partner-audit",
                "\(account):user/alice", "\(account):user/ci/ci-deployer",
            ]
        )
        let owners = try ImportFixtures.results(of: "CW-LIFE-01", on: imported)
        #expect(owners["\(account):user/ci/ci-deployer"] == .pass)
        #expect(owners["\(account):user/tagless"] == .pass)
        #expect(owners["\(account):role/gha-deploy"] == .pass)
        #expect(owners["\(account):role/partner-audit"] == .fail)
        let dormant = try ImportFixtures.results(of: "CW-LIFE-02", on: imported)
        #expect(dormant["\(account):role/gha-deploy"] == .pass)  // 3 days
        #expect(dormant["\(account):role/partner-audit"] == .pass)  // 32 days
        #expect(dormant["\(account):role/open-trust"] == .fail)  // {} and created 2022
        let human = try ImportFixtures.results(of: "CW-AUTH-03", on: imported)
        #expect(human["\(account):role/gha-deploy"] == .pass)
        #expect(human["\(account):role/odd-date"] == .pass)
        #expect(human["\(account):role/cross-account"] == .notAssessed)
    }

    @Test func variantsDiagnostics() throws {
        let imported = try AWSFixture.details(AWSFixture.variantsDetails)
        let file = AWSFixture.variantsDetails
        let lines = imported.warnings.map(\.description)
        let expected = [
            "IsTruncated: the export is incomplete (IsTruncated: true)",
            "UserDetailList[2]: user skipped: it has no Arn",
            "UserDetailList[3]: user skipped: expected an object, found a string",
            "UserDetailList[0].GroupList: group 'ghost-group' is not in the export's GroupDetailList",
            "Policies[2]: policy 'arn:aws:iam::111122223333:policy/Versionless' has no default version document",
            "RoleDetailList[4].RolePolicyList[0].PolicyDocument: unknown Effect 'Maybe'",
            "RoleDetailList[6].RoleLastUsed.LastUsedDate: is not a time stamp",
            "RoleDetailList[7]: role skipped: it has no Arn",
            "1 role is assumable only through SAML identity providers",
            "2 attached managed policies are not defined in the export",
            "3 IAM users are imported as machine users: without the credential report",
        ]
        for fragment in expected {
            #expect(lines.contains { $0.hasPrefix(file) && $0.contains(fragment) }, "\(fragment)")
        }
        // Record warnings carry a line.
        let skipped = try #require(imported.warnings.first { $0.keyPath == "UserDetailList[2]" })
        #expect(skipped.location?.line == 49)
    }

    @Test func yamlExportAndIAMFullAccessFromTheTable() throws {
        let imported = try AWSFixture.details(AWSFixture.smallDetailsYAML)
        #expect(imported.errors.isEmpty)
        let lambda = try imported.identity("arn:aws:iam::111122223333:role/yaml-lambda")
        #expect(lambda.owner == "serverless-team")
        #expect(lambda.created == time("2026-10-01T00:00:00Z"))
        #expect(lambda.origin?.record == "line 4")
        let iam = try imported.role("arn:aws:iam::aws:policy/IAMFullAccess")
        #expect(iam.permissions == ["iam:*"] && iam.administrative)
        #expect(try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported) == [lambda.id: .fail])
    }

    @Test func emptyAndWrongExports() {
        let imported = ImportFixtures.run(texts: [
            ("aws-authorization-details", "empty.json", #"{"UserDetailList": [], "RoleDetailList": []}"#),
            ("aws-authorization-details", "list.json", "[]"),
            ("aws-authorization-details", "other.json", #"{"value": []}"#),
            ("aws-authorization-details", "broken.json", #"{"UserDetailList": [}"#),
        ])
        #expect(imported.identities.isEmpty)
        #expect(
            imported.warnings.map(\.description).contains(
                "empty.json: warning: the export is empty: no users, groups, roles or policies"
            )
        )
        let errors = imported.errors.map(\.description)
        #expect(errors.count == 3)
        #expect(errors.contains { $0.hasPrefix("list.json:1:1: error: not an authorization-details export") })
        #expect(errors.contains { $0.hasPrefix("other.json:1:1: error: not an authorization-details export") })
        #expect(errors.contains { $0.hasPrefix("broken.json:1:") })
    }

    @Test func emptyFixtureWarns() throws {
        let imported = try AWSFixture.details(AWSFixture.emptyDetails)
        #expect(imported.errors.isEmpty && imported.identities.isEmpty)
        #expect(imported.warnings.contains { $0.message.contains("the export is empty") })
    }
}
