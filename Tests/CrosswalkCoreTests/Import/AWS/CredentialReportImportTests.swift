import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// The IAM credential report: the CloudMapper sample (JSON with the CSV already decoded), the
/// CLI's base64 JSON, raw CSV with every column variant, and broken reports.
@Suite struct CredentialReportImportTests {
    private let root = "arn:aws:iam::123456789012:root"
    private let auditor = "arn:aws:iam::123456789012:user/auditor_tmp"
    private let user = "arn:aws:iam::123456789012:user/user"

    // MARK: The CloudMapper sample

    @Test func cloudMapperSampleYieldsRootAndTwoMachineUsers() throws {
        let imported = try AWSFixture.report(AWSFixture.cloudMapperReport)
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.map(\.id) == [root, auditor, user])
        #expect(imported.identities.allSatisfy { $0.platform == "aws" && $0.kind == .serviceAccount })
        #expect(imported.identities.map(\.origin?.record) == ["Content, line 2", "Content, line 3", "Content, line 4"])
        #expect(imported.identities.allSatisfy { $0.origin?.kind == "aws-credential-report" })

        let rootUser = try imported.identity(root)
        #expect(rootUser.name == "<root_account>")
        #expect(rootUser.created == time("2018-08-12T17:20:55+00:00"))
        #expect(rootUser.roleBindings == [RoleBinding(role: "aws:root", scope: "account 123456789012")])
        #expect(rootUser.credentials.map(\.id) == ["access-key-1"])
        let rootKey = try rootUser.credential("access-key-1")
        #expect(rootKey.type == .accessKey)
        #expect(rootKey.status == .active)
        #expect(rootKey.created == time("2018-11-23T16:01:14+00:00"))
        #expect(rootKey.lastUsed == time("2018-11-27T00:02:00+00:00"))
        #expect(rootKey.expires == nil)
        // Someone signed in with the root password (2019-03-03) on an identity holding a key.
        #expect(rootUser.interactiveUse == true)
        #expect(rootUser.lastUsed == time("2019-03-03T16:58:16+00:00"))
        #expect(rootUser.tag("access-key-1-last-used-in") == "ecr, us-east-1")

        let auditorUser = try imported.identity(auditor)
        #expect(auditorUser.credentials.map(\.id) == ["access-key-1"])
        #expect(try auditorUser.credential("access-key-1").lastUsed == nil)
        #expect(auditorUser.interactiveUse == false)
        #expect(auditorUser.lastUsed == nil)

        let twoKeys = try imported.identity(user)
        #expect(twoKeys.credentials.map(\.id) == ["access-key-1", "access-key-2", "password"])
        #expect(twoKeys.credentials.filter { $0.type == .accessKey }.allSatisfy { $0.status == .active })
        #expect(try twoKeys.credential("access-key-2").created == time("2018-05-07T15:35:54+00:00"))
        #expect(try twoKeys.credential("password").lastUsed == time("2018-05-07T15:35:54+00:00"))
        #expect(twoKeys.interactiveUse == true)
    }

    @Test func theReportCannotTellOwnersEnvironmentsOrStorage() throws {
        let imported = try AWSFixture.report(AWSFixture.cloudMapperReport)
        for identity in imported.identities {
            #expect(identity.unreported == [.owner, .environment, .trustZone, .credentialStorage, .sharedAccount])
        }
        let gap = try #require(
            imported.gapWarnings.first { $0.message.contains("aws-credential-report does not report") }
        )
        #expect(gap.message.contains("owner"))
        #expect(!gap.message.contains("last_used"))
    }

    @Test func rotationFindingsAtReportTimeAndToday() throws {
        let imported = try AWSFixture.report(AWSFixture.cloudMapperReport)
        // The report was generated 2019-05-07: the root key (2018-11-23) and user's second key
        // (2018-05-07) were already older than 90 days; the keys made that morning were not.
        let atReportTime = try ImportFixtures.results(of: "CW-CRED-02", on: imported, now: #require(time("2019-05-08")))
        #expect(
            atReportTime.filter { $0.value == .fail }.keys.sorted() == [
                "\(root)/access-key-1", "\(user)/access-key-2",
            ]
        )
        #expect(atReportTime["\(auditor)/access-key-1"] == .pass)
        #expect(atReportTime["\(user)/access-key-1"] == .pass)
        // Years later every active key is overdue.
        let today = try ImportFixtures.results(of: "CW-CRED-02", on: imported)
        #expect(
            today.filter { $0.value == .fail }.keys.sorted() == [
                "\(root)/access-key-1", "\(auditor)/access-key-1", "\(user)/access-key-1", "\(user)/access-key-2",
            ]
        )
    }

    @Test func neverUsedKeyOfAuditorTmpIsUnused() throws {
        let imported = try AWSFixture.report(AWSFixture.cloudMapperReport)
        // Created 2019-05-07T15:35:55Z and never used: within the window the day after, not later.
        let nextDay = try ImportFixtures.results(of: "CW-CRED-07", on: imported, now: #require(time("2019-05-08")))
        #expect(nextDay["\(auditor)/access-key-1"] == .pass)
        let today = try ImportFixtures.results(of: "CW-CRED-07", on: imported)
        #expect(today["\(auditor)/access-key-1"] == .fail)
    }

    @Test func rootAccessKeyIsAnAdministrativeGrant() throws {
        let imported = try AWSFixture.report(AWSFixture.cloudMapperReport)
        let role = try imported.role("aws:root")
        #expect(role.administrative)
        #expect(role.permissions == ["*"])
        let results = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        #expect(results == [root: .fail, auditor: .pass, user: .pass])
    }

    @Test func passwordUseOnKeyHoldersIsHumanUse() throws {
        let imported = try AWSFixture.report(AWSFixture.cloudMapperReport)
        let results = try ImportFixtures.results(of: "CW-AUTH-03", on: imported)
        #expect(results == [root: .fail, auditor: .pass, user: .fail])
    }

    // MARK: The CLI's JSON (base64 Content), as JSON and YAML

    @Test(arguments: [AWSFixture.cliReport, AWSFixture.cliReportYAML])
    func cliEnvelopeWithBase64ContentIsDecoded(path: String) throws {
        let imported = try AWSFixture.report(path)
        #expect(imported.errors.isEmpty)
        let rootID = "arn:aws:iam::444455556666:root"
        let bot = "arn:aws:iam::444455556666:user/report-bot"
        #expect(imported.identities.map(\.id) == [rootID, bot])
        let rootUser = try imported.identity(rootID)
        // An older root row: password_enabled not_supported, yet the password was used.
        #expect(rootUser.interactiveUse == true)
        #expect(rootUser.credentials.map(\.id) == ["access-key-1"])
        #expect(try rootUser.credential("access-key-1").created == time("2021-07-07T07:07:07Z"))
        #expect(try rootUser.credential("access-key-1").lastUsed == time("2026-10-30T01:02:03Z"))
        #expect(rootUser.roleBindings.map(\.role) == ["aws:root"])
        #expect(try imported.identity(bot).origin?.record == "Content, line 3")
        let authz = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        #expect(authz == [rootID: .fail, bot: .pass])
    }

    // MARK: Every column variant

    @Test func variantsApplyThePersonOrMachineRule() throws {
        let imported = try AWSFixture.report(AWSFixture.variantsReport)
        let account = "arn:aws:iam::111122223333"
        // Not imported: the root row (no active key), alice (password only), and the bad rows.
        #expect(
            imported.identities.map(\.id) == [
                "\(account):user/ci/ci-deployer", "\(account):user/legacy-batch", "\(account):user/shared-ops",
                "\(account):user/signer", "\(account):user/odd-dates", "\(account):user/nokey",
            ]
        )
        #expect(
            imported.identities.map(\.origin?.record) == ["line 4", "line 5", "line 6", "line 7", "line 11", "line 13"]
        )
        #expect(imported.warnings.contains { $0.message.contains("1 user is a person") })
        #expect(imported.errors.isEmpty)
    }

    @Test func variantsReadEveryColumn() throws {
        let imported = try AWSFixture.report(AWSFixture.variantsReport)
        let account = "arn:aws:iam::111122223333"

        let deployer = try imported.identity("\(account):user/ci/ci-deployer")
        #expect(deployer.name == "ci-deployer")
        #expect(deployer.created == time("2022-01-10T12:00:00Z"))
        #expect(deployer.interactiveUse == false)
        #expect(deployer.authentication == .staticSecret)
        #expect(deployer.lastUsed == time("2026-10-31T23:00:00Z"))
        #expect(deployer.credentials.map(\.id) == ["access-key-1", "access-key-2"])
        #expect(try deployer.credential("access-key-2").created == time("2025-01-01T00:00:00Z"))
        #expect(try deployer.credential("access-key-2").lastUsed == time("2026-06-01T00:00:00Z"))
        #expect(deployer.tag("access-key-1-last-used-in") == "sts, eu-west-1")
        #expect(deployer.tag("access-key-2-last-used-in") == "s3")  // S3 is global: region N/A
        #expect(deployer.tag("mfa-active") == "false")

        let legacy = try imported.identity("\(account):user/legacy-batch")
        #expect(try legacy.credential("access-key-1").status == .disabled)
        #expect(try legacy.credential("access-key-1").lastUsed == time("2019-02-01T00:00:00+00:00"))
        #expect(legacy.interactiveUse == false)

        let shared = try imported.identity("\(account):user/shared-ops")
        #expect(shared.interactiveUse == true)
        #expect(try shared.credential("access-key-1").lastUsed == nil)  // no_information
        let password = try shared.credential("password")
        #expect(password.type == .password)
        #expect(password.lastRotated == time("2026-08-20T00:00:00Z"))
        #expect(password.expires == time("2026-11-18T00:00:00Z"))
        #expect(password.lastUsed == time("2026-10-25T17:45:00Z"))

        let signer = try imported.identity("\(account):user/signer")
        #expect(signer.credentials.map(\.id) == ["signing-certificate-1", "signing-certificate-2"])
        #expect(try signer.credential("signing-certificate-1").type == .certificate)
        #expect(try signer.credential("signing-certificate-1").status == .active)
        #expect(try signer.credential("signing-certificate-2").status == .disabled)
        #expect(signer.authentication == .certificate)
        // The report has no last use for certificates.
        #expect(signer.unreported.contains(.credentialLastUsed))
        #expect(signer.unreported.contains(.lastUsed))

        let odd = try imported.identity("\(account):user/odd-dates")
        #expect(odd.created == nil)  // "yesterday"
        #expect(odd.tag("mfa-active") == nil)  // "maybe"
        #expect(try odd.credential("access-key-1").created == time("2026-10-01T12:00:00Z"))  // space form
        #expect(try odd.credential("access-key-1").lastUsed == time("2026-10-02T12:00:00Z"))  // fractional

        let noKey = try imported.identity("\(account):user/nokey")
        #expect(noKey.credentials.isEmpty)
        #expect(noKey.authentication == nil)
    }

    @Test func variantsMalformedRowsAreLocatedAndSkipped() throws {
        let imported = try AWSFixture.report(AWSFixture.variantsReport)
        let lines = imported.warnings.map(\.description)
        let file = AWSFixture.variantsReport
        #expect(lines.contains("\(file):9:1: warning: row skipped: it has 4 fields, the header has 22"))
        #expect(lines.contains("\(file):10:1: warning: row skipped: user is empty"))
        #expect(
            lines.contains { $0.hasPrefix("\(file):11:1: warning: user_creation_time 'yesterday' is not a time stamp") }
        )
        #expect(lines.contains { $0.hasPrefix("\(file):11:1: warning: mfa_active 'maybe' is not true or false") })
        #expect(
            lines.contains(
                "\(file):12:1: warning: user 'arn:aws:iam::111122223333:user/ci/ci-deployer' is listed twice; the later row is skipped"
            )
        )
    }

    @Test func variantsFindings() throws {
        let imported = try AWSFixture.report(AWSFixture.variantsReport)
        let account = "arn:aws:iam::111122223333"
        let rotation = try ImportFixtures.results(of: "CW-CRED-02", on: imported)
        // 2026-09-15 is 47 days before 2026-11-01; 2025-01-01 is 669.
        #expect(rotation["\(account):user/ci/ci-deployer/access-key-1"] == .pass)
        #expect(rotation["\(account):user/ci/ci-deployer/access-key-2"] == .fail)
        #expect(rotation["\(account):user/shared-ops/access-key-1"] == .pass)
        #expect(rotation["\(account):user/shared-ops/password"] == .pass)
        #expect(rotation["\(account):user/odd-dates/access-key-1"] == .pass)
        #expect(rotation["\(account):user/legacy-batch/access-key-1"] != .fail)  // inactive

        let unused = try ImportFixtures.results(of: "CW-CRED-07", on: imported)
        #expect(unused["\(account):user/ci/ci-deployer/access-key-1"] == .pass)
        #expect(unused["\(account):user/ci/ci-deployer/access-key-2"] == .fail)  // last used 2026-06-01
        #expect(unused["\(account):user/shared-ops/access-key-1"] == .pass)  // never used, made 73 days ago

        let human = try ImportFixtures.results(of: "CW-AUTH-03", on: imported)
        #expect(human.filter { $0.value == .fail }.keys.sorted() == ["\(account):user/shared-ops"])

        let expiry = try ImportFixtures.results(of: "CW-CRED-04", on: imported)
        #expect(expiry["\(account):user/shared-ops/password"] == .pass)  // 90 days between change and rotation
        #expect(expiry["\(account):user/shared-ops/access-key-1"] == .fail)  // access keys never expire
        #expect(expiry["\(account):user/signer/signing-certificate-1"] == .fail)

        let dormant = try ImportFixtures.results(of: "CW-LIFE-02", on: imported)
        #expect(dormant["\(account):user/legacy-batch"] == .fail)
        #expect(dormant["\(account):user/ci/ci-deployer"] == .pass)
        #expect(dormant["\(account):user/nokey"] == .fail)
    }

    @Test func columnsAreFoundByNameInAnyOrder() throws {
        let imported = try AWSFixture.report(AWSFixture.reorderedReport)
        #expect(imported.errors.isEmpty)
        let runner = try imported.identity("arn:aws:iam::111122223333:user/etl-runner")
        #expect(runner.origin?.record == "line 2")
        #expect(runner.created == time("2023-03-03T03:03:03Z"))
        #expect(try runner.credential("access-key-1").created == time("2025-12-01T00:00:00Z"))
        #expect(try runner.credential("access-key-1").lastUsed == time("2026-10-15T00:00:00Z"))
        #expect(runner.tag("access-key-1-last-used-in") == "dynamodb, us-east-1")
        #expect(!imported.warnings.contains { $0.message.contains("skipped") })
    }

    // MARK: Broken and empty reports

    @Test func missingColumnsAreAnErrorForTheFile() throws {
        let imported = try AWSFixture.report(AWSFixture.missingColumnsReport)
        #expect(imported.identities.isEmpty)
        #expect(
            imported.errors.map(\.description) == [
                "\(AWSFixture.missingColumnsReport):1:1: error: not a credential report: missing columns "
                    + "cert_2_active, cert_2_last_rotated (the report has 22 columns, found by header name)"
            ]
        )
    }

    @Test func emptyReportsWarn() {
        let header = AWSFixture.reportHeader
        let imported = ImportFixtures.run(texts: [
            ("aws-credential-report", "empty.csv", ""),
            ("aws-credential-report", "header-only.csv", header + "\n"),
            ("aws-credential-report", "empty-content.json", #"{"Content": "", "ReportFormat": "text/csv"}"#),
        ])
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.isEmpty)
        let lines = imported.warnings.map(\.description)
        #expect(lines.contains { $0.hasPrefix("empty.csv:1:1: warning: the export is empty") })
        #expect(lines.contains { $0.hasPrefix("header-only.csv:1:1: warning: the export is empty") })
        #expect(lines.contains { $0.hasPrefix("empty-content.json") && $0.contains("the export is empty") })
    }

    @Test func filesThatAreNotReportsAreErrors() {
        let imported = ImportFixtures.run(texts: [
            ("aws-credential-report", "wrong.json", #"{"Users": []}"#),
            ("aws-credential-report", "unparsable.json", #"{"Content": "#),
            ("aws-credential-report", "garbage.json", #"{"Content": "not base64 at all!"}"#),
            ("aws-credential-report", "number.json", #"{"Content": 42}"#),
        ])
        let lines = imported.errors.map(\.description)
        #expect(lines.count == 4)
        #expect(lines.contains { $0.hasPrefix("wrong.json:1:1: error: not a credential report") })
        #expect(lines.contains { $0.hasPrefix("unparsable.json:") })
        #expect(
            lines.contains {
                $0.hasPrefix("garbage.json:1:13: error: Content: is neither the report's CSV text nor base64")
            }
        )
        #expect(
            lines.contains { $0.hasPrefix("number.json:1:13: error: Content: expected the report's CSV as a string") }
        )
    }

    @Test func envelopeRowProblemsPointAtContent() throws {
        let csv =
            AWSFixture.reportHeader
            + "\nbroken,arn:aws:iam::1:user/broken,2020-01-01T00:00:00Z\n"
        let text = #"{"ReportFormat": "text/csv", "Content": "\#(csv.replacingNewlines())"}"#
        let imported = ImportFixtures.run(texts: [("aws-credential-report", "report.json", text)])
        #expect(
            imported.warnings.map(\.description).contains(
                "report.json:1:41: warning: Content, CSV line 2: row skipped: it has 3 fields, the header has 22"
            )
        )
    }
}

extension String {
    /// The text with line feeds written as the JSON escape `\n`.
    fileprivate func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
    }
}
