import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// Smaller oddities of real exports, given as text.
@Suite struct AWSEdgeCaseTests {
    private let row =
        "bot,arn:aws:iam::111122223333:user/bot,2024-01-01T00:00:00Z,false,N/A,N/A,N/A,false,true,"
        + "2026-10-01T00:00:00Z,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A"

    @Test func base64WrappedAcrossLinesAndUnpadded() throws {
        let csv = AWSFixture.reportHeader + "\n" + row + "\n"
        var encoded = Data(csv.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        while encoded.hasSuffix("=") { encoded.removeLast() }
        let text =
            #"{"Content": "\#(encoded.replacingOccurrences(of: "\n", with: "\\n"))", "GeneratedTime": "2026-10-31T00:00:00Z"}"#
        let imported = ImportFixtures.run(texts: [("aws-credential-report", "wrapped.json", text)])
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.map(\.id) == ["arn:aws:iam::111122223333:user/bot"])
        // And `auto` takes an envelope with GeneratedTime but no ReportFormat.
        let detected = ImportRegistry.detect(ImportDocument(InputFile(path: "wrapped.json", text: text)))
        #expect(detected.map(\.name) == ["aws-credential-report"])
    }

    @Test func byteOrderMarkAndUppercaseHeader() {
        let csv = "\u{FEFF}" + AWSFixture.reportHeader.uppercased() + "\r\n" + row + "\r\n\r\n"
        let imported = ImportFixtures.run(texts: [("aws-credential-report", "bom.csv", csv)])
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.count == 1)
        #expect(imported.identities.first?.origin?.record == "line 2")
    }

    @Test func anUnreadableLastUseIsUnknownNotNeverUsed() throws {
        let odd = row.replacingOccurrences(of: "2026-10-01T00:00:00Z,N/A,", with: "2026-10-01T00:00:00Z,soon,")
        let imported = ImportFixtures.run(texts: [
            ("aws-credential-report", "odd.csv", AWSFixture.reportHeader + "\n" + odd)
        ])
        let bot = try imported.identity("arn:aws:iam::111122223333:user/bot")
        #expect(try bot.credential("access-key-1").lastUsed == nil)
        #expect(bot.unreported.contains(.credentialLastUsed))
        #expect(
            imported.warnings.contains {
                $0.message.hasPrefix("access_key_1_last_used_date 'soon' is not a time stamp")
            }
        )
        // A readable N/A is "never used": reported.
        let plain = ImportFixtures.run(texts: [
            ("aws-credential-report", "plain.csv", AWSFixture.reportHeader + "\n" + row)
        ])
        #expect(try !plain.identity("arn:aws:iam::111122223333:user/bot").unreported.contains(.credentialLastUsed))
    }

    @Test func unknownReportFormatIsReadWithAWarning() {
        let text = #"{"Content": "\#(AWSFixture.reportHeader)\n\#(row)", "ReportFormat": "text/tsv"}"#
        let imported = ImportFixtures.run(texts: [("aws-credential-report", "format.json", text)])
        #expect(imported.identities.count == 1)
        #expect(imported.warnings.contains { $0.message == "unknown report format 'text/tsv'; read as CSV" })
    }

    @Test func malformedPolicyRecordsAreSkippedOneByOne() throws {
        let details = """
            {
              "GroupDetailList": [{"Arn": "arn:aws:iam::1:group/nameless"}],
              "UserDetailList": [{
                "UserName": "u", "Arn": "arn:aws:iam::1:user/u",
                "AttachedManagedPolicies": [{"PolicyName": "no-arn"}, {"PolicyArn": "arn:aws:iam::1:policy/ok"}],
                "UserPolicyList": [
                  {"PolicyName": "no-document"},
                  {"PolicyName": "not-json", "PolicyDocument": "%7Bnot json"},
                  {"PolicyName": "a-list", "PolicyDocument": [1, 2]},
                  {"PolicyName": "fine", "PolicyDocument": "%7B%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22sqs%3A%2A%22%2C%22Resource%22%3A%22%2A%22%7D%7D"}
                ]
              }],
              "Policies": [{"PolicyName": "arnless"}, {"Arn": "arn:aws:iam::1:policy/ok", "PolicyVersionList": {"IsDefaultVersion": true, "Document": {"Statement": {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}}}}]
            }
            """
        let imported = ImportFixtures.run(texts: [("aws-authorization-details", "odd.json", details)])
        #expect(imported.errors.isEmpty)
        let user = try imported.identity("arn:aws:iam::1:user/u")
        #expect(user.roleBindings.map(\.role) == ["arn:aws:iam::1:policy/ok", "arn:aws:iam::1:user/u#inline/fine"])
        #expect(try imported.role("arn:aws:iam::1:user/u#inline/fine").permissions == ["sqs:*"])
        #expect(try imported.role("arn:aws:iam::1:policy/ok").permissions == ["sqs:SendMessage"])
        let lines = imported.warnings.map { "\($0.keyPath ?? ""): \($0.message)" }
        #expect(lines.contains("GroupDetailList[0]: group skipped: it has no GroupName"))
        #expect(lines.contains("UserDetailList[0].AttachedManagedPolicies[0]: attachment skipped: it has no PolicyArn"))
        #expect(
            lines.contains(
                "UserDetailList[0].UserPolicyList[0]: inline policy skipped: it needs PolicyName and PolicyDocument"
            )
        )
        #expect(
            lines.contains(
                "UserDetailList[0].UserPolicyList[1].PolicyDocument: policy skipped: is a string that is not URL-encoded JSON"
            )
        )
        #expect(
            lines.contains(
                "UserDetailList[0].UserPolicyList[2].PolicyDocument: policy skipped: expected a policy document, found a list"
            )
        )
        #expect(lines.contains("Policies[0]: policy skipped: it has no Arn"))
    }

    @Test func percentSignsThatAreNotEscapesAreKept() throws {
        // "100%" inside a URL-encoded document: the stray % stays as it is.
        let document =
            "%7B%22Statement%22%3A%7B%22Sid%22%3A%22100%%22%2C%22Effect%22%3A%22Allow%22%2C"
            + "%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22%2A%22%7D%7D"
        let details = """
            {"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::1:role/r",
              "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": "\(document)"}]}]}
            """
        let imported = ImportFixtures.run(texts: [("aws-authorization-details", "percent.json", details)])
        #expect(try imported.role("arn:aws:iam::1:role/r#inline/p").permissions == ["s3:GetObject"])
        // No trust policy: who may assume the role is unknown.
        let role = try imported.identity("arn:aws:iam::1:role/r")
        #expect(role.authentication == nil)
        #expect(role.unreported.contains(.interactiveUse))
    }
}
