import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// Secret hygiene and scale: nothing credential-shaped in an export survives import, and a report
/// of thousands of users reads in full.
@Suite struct AWSRobustnessTests {
    private let githubToken = "ghp_" + "Zx8Qw2Er4Ty6Ui8Op0As2Df4Gh6Jk8Lz1Xc3V"
    private let accessKeyID = "AKIA" + "Z7QW3ERT5YUI8OPL"

    @Test func secretsInTheExportsNeverReachTheImport() throws {
        let details = """
            {
              "UserDetailList": [{
                "UserName": "deployer", "Arn": "arn:aws:iam::111122223333:user/deployer",
                "SecretAccessKey": "\(githubToken)",
                "Tags": [{"Key": "Owner", "Value": "platform \(githubToken)"}, {"Key": "note", "Value": "\(accessKeyID)"}]
              }],
              "RoleDetailList": [{
                "RoleName": "job", "Arn": "arn:aws:iam::111122223333:role/job",
                "AssumeRolePolicyDocument": {"Statement": {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}}},
                "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "\(githubToken)", "Action": "*", "Resource": "*"}]}}],
                "Tags": [{"Key": "\(accessKeyID)", "Value": "x"}],
                "RoleLastUsed": {"LastUsedDate": "\(githubToken)"}
              }]
            }
            """
        let row =
            "deployer,arn:aws:iam::111122223333:user/deployer,\(githubToken),false,N/A,N/A,N/A,\(accessKeyID),true,"
            + "2026-10-01T00:00:00Z,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A,\(githubToken)"
        let report = AWSFixture.reportHeader + ",comment\n" + row + "\n"
        let imported = ImportFixtures.run(texts: [
            ("aws-authorization-details", "details.json", details),
            ("aws-credential-report", "report.csv", report),
        ])
        #expect(imported.identities.count == 2)
        let everything = String(describing: imported)
        #expect(!everything.contains(githubToken))
        #expect(!everything.contains(accessKeyID))
        #expect(!everything.contains(String(githubToken.dropFirst(4))))
        // The screened values are kept with the secret part redacted.
        let deployer = try imported.identity("arn:aws:iam::111122223333:user/deployer")
        #expect(deployer.owner == "platform [redacted]")
        #expect(deployer.credentials.map(\.id) == ["access-key-1"])
    }

    /// Thousands of users, five variants in turn, timestamps alternating `Z` and `+00:00` and
    /// booleans alternating case.
    private func largeReport(users: Int) -> String {
        var lines = [AWSFixture.reportHeader]
        lines.reserveCapacity(users + 1)
        for index in 0..<users {
            let zone = index % 2 == 0 ? "Z" : "+00:00"
            let yes = index % 2 == 0 ? "true" : "TRUE"
            let no = index % 2 == 0 ? "false" : "FALSE"
            let mfa = index % 1000 == 999 ? "yes" : no
            let arn = "arn:aws:iam::111122223333:user/bulk/u\(index)"
            let start = "u\(index),\(arn),2018-01-01T00:00:00\(zone)"
            let noCertificates = "\(no),N/A,\(no),N/A"
            let noSecondKey = "\(no),N/A,N/A,N/A,N/A"
            let row: String
            switch index % 5 {
            case 0:  // a machine user with an old key, used lately
                row =
                    "\(start),\(no),N/A,N/A,N/A,\(mfa),\(yes),2020-01-01T00:00:00\(zone),2026-10-25T00:00:00\(zone),"
                    + "us-east-1,s3,\(noSecondKey),\(noCertificates)"
            case 1:  // a new key, never used
                row =
                    "\(start),\(no),N/A,N/A,N/A,\(mfa),\(yes),2026-10-01T00:00:00\(zone),N/A,N/A,N/A,\(noSecondKey),"
                    + noCertificates
            case 2:  // a person: a password and no key
                row =
                    "\(start),\(yes),2026-10-30T00:00:00\(zone),2026-09-01T00:00:00\(zone),N/A,\(yes),\(no),N/A,N/A,N/A,N/A,"
                    + "\(noSecondKey),\(noCertificates)"
            case 3:  // a machine user people sign in as
                row =
                    "\(start),\(yes),2026-10-20T00:00:00\(zone),2026-09-01T00:00:00\(zone),N/A,\(mfa),\(yes),"
                    + "2026-09-01T00:00:00\(zone),2026-10-30T00:00:00\(zone),eu-west-1,ec2,\(noSecondKey),\(noCertificates)"
            default:  // dormant: no password, an inactive key
                row =
                    "\(start),\(no),N/A,N/A,N/A,\(mfa),\(no),2019-01-01T00:00:00\(zone),N/A,N/A,N/A,\(noSecondKey),"
                    + noCertificates
            }
            lines.append(row)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func thousandsOfUsersInEveryVariant() throws {
        let users = 5000
        let csv = largeReport(users: users)
        let envelope = #"{"Content": "\#(Data(csv.utf8).base64EncodedString())", "ReportFormat": "text/csv"}"#
        for (name, text) in [("bulk.csv", csv), ("bulk.json", envelope)] {
            let imported = ImportFixtures.run(texts: [("aws-credential-report", name, text)])
            #expect(imported.errors.isEmpty)
            #expect(imported.identities.count == users / 5 * 4)
            #expect(imported.warnings.contains { $0.message.hasPrefix("\(users / 5) users are people") })
            // One warning for the odd mfa_active value, however many rows carry it.
            #expect(imported.warnings.filter { $0.message.contains("mfa_active 'yes'") }.count == 1)
            let rotation = try ImportFixtures.results(of: "CW-CRED-02", on: imported)
            #expect(rotation.values.filter { $0 == .fail }.count == users / 5)
            #expect(rotation["arn:aws:iam::111122223333:user/bulk/u0/access-key-1"] == .fail)
            #expect(rotation["arn:aws:iam::111122223333:user/bulk/u1/access-key-1"] == .pass)
            let human = try ImportFixtures.results(of: "CW-AUTH-03", on: imported)
            #expect(human.values.filter { $0 == .fail }.count == users / 5)
            #expect(human["arn:aws:iam::111122223333:user/bulk/u3"] == .fail)
            let dormant = try ImportFixtures.results(of: "CW-LIFE-02", on: imported)
            #expect(dormant.values.filter { $0 == .fail }.count == users / 5)
            #expect(dormant["arn:aws:iam::111122223333:user/bulk/u4"] == .fail)
            let last = try imported.identity("arn:aws:iam::111122223333:user/bulk/u4998")
            #expect(last.origin?.record.hasSuffix("line 5000") == true)
        }
    }
}
