import CrosswalkTestSupport
import Testing

@testable import CrosswalkCore

/// A field an identity's source cannot tell gives not-assessed, never a pass or a fail, and the
/// finding names the source; once the field holds a value the control judges it as usual.
struct UnreportedFieldTests {
    private let now = ImportFixtures.evaluationTime
    private let origin = RecordOrigin(kind: "aws-credential-report", file: "report.csv", record: "line 3")

    private func results(_ controlID: String, _ identities: [Identity]) throws -> [String: Finding] {
        let imported = ImportedInventory(identities: identities)
        var byID: [String: Finding] = [:]
        for finding in try ImportFixtures.findings(of: controlID, on: imported, now: now) {
            byID[finding.subject.id] = finding
        }
        return byID
    }

    private func identity(_ id: String, unreported: UnreportedFields) -> Identity {
        var identity = Identity(id: id, name: id, kind: .serviceAccount, platform: "aws")
        identity.origin = origin
        identity.unreported = unreported
        return identity
    }

    @Test func anUnreportedOwnerIsNotAssessedAndAnAbsentOneFails() throws {
        let findings = try results(
            "CW-LIFE-01",
            [identity("unknown", unreported: .owner), identity("ownerless", unreported: [])]
        )
        let unknown = try #require(findings["unknown"])
        #expect(unknown.status == .notAssessed)
        #expect(unknown.message.text.contains("aws-credential-report"))
        #expect(
            unknown.evidence.contains { $0.field == "owner" && $0.observed == "not reported by aws-credential-report" }
        )
        #expect(findings["ownerless"]?.status == .fail)
    }

    @Test func findingsAboutImportedRecordsCiteWhereTheyWereRead() throws {
        let findings = try results("CW-LIFE-01", [identity("ownerless", unreported: [])])
        let evidence = try #require(findings["ownerless"]?.evidence.first { $0.field == "source" })
        #expect(evidence.observed == "report.csv, line 3")
    }

    @Test func unreportedUseIsNotAssessedInsteadOfFailingOnCreation() throws {
        var old = identity("old", unreported: [.lastUsed, .credentialLastUsed])
        old.created = Timestamp(secondsSinceEpoch: 1_000_000)
        old.credentials = [Credential(id: "key", type: .privateKey, created: Timestamp(secondsSinceEpoch: 1_000_000))]
        var known = identity("known", unreported: [])
        known.created = Timestamp(secondsSinceEpoch: 1_000_000)
        let identityFindings = try results("CW-LIFE-02", [old, known])
        #expect(identityFindings["old"]?.status == .notAssessed)
        #expect(identityFindings["known"]?.status == .fail)
        let credentialFindings = try results("CW-CRED-07", [old])
        #expect(credentialFindings["old/key"]?.status == .notAssessed)
    }

    @Test func recentCredentialUseStillPassesAnIdentityWithUnreportedUse() throws {
        var busy = identity("busy", unreported: [.lastUsed])
        busy.credentials = [Credential(id: "key", type: .accessKey, lastUsed: now.adding(seconds: -86_400))]
        #expect(try results("CW-LIFE-02", [busy])["busy"] == nil)
    }

    @Test func anUnreportedReviewOfAThirdPartyIsNotAssessed() throws {
        var vendor = identity("vendor", unreported: .lastReviewed)
        vendor.thirdParty = true
        var reviewedNever = identity("never", unreported: [])
        reviewedNever.thirdParty = true
        let findings = try results("CW-LIFE-03", [vendor, reviewedNever])
        #expect(findings["vendor"]?.status == .notAssessed)
        #expect(findings["never"]?.status == .fail)
    }
}
