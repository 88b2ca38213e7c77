import Testing

@testable import CrosswalkCore

/// Finding ids stay the same across runs for the same control, subject and evidence key, and
/// differ when any of the three differs.
struct FindingIDTests {
    @Test func theSameFindingGetsTheSameIdAndOthersDiffer() {
        let id = FindingID.make(control: "CW-LIFE-01", subject: "svc-a", evidenceKey: "owner")
        #expect(id == FindingID.make(control: "CW-LIFE-01", subject: "svc-a", evidenceKey: "owner"))
        #expect(id.hasPrefix("CW-") && id.count == 19)
        #expect(id.dropFirst(3).allSatisfy { $0.isHexDigit })
        #expect(id != FindingID.make(control: "CW-LIFE-02", subject: "svc-a", evidenceKey: "owner"))
        #expect(id != FindingID.make(control: "CW-LIFE-01", subject: "svc-b", evidenceKey: "owner"))
        #expect(id != FindingID.make(control: "CW-LIFE-01", subject: "svc-a", evidenceKey: "last_used"))
        // The separator keeps parts from running into each other.
        #expect(
            FindingID.make(control: "a", subject: "bc", evidenceKey: "")
                != FindingID.make(control: "ab", subject: "c", evidenceKey: "")
        )
    }

    @Test func messagesAndObservedValuesDoNotChangeTheId() {
        let subject = SubjectReference(kind: .identity, id: "svc-a", name: "A")
        let before = Finding(
            subject: subject,
            status: .fail,
            message: ResultMessage(verbatim: "old text"),
            evidence: [Evidence(field: "owner", observed: "absent", expected: "a team")]
        )
        var after = before
        after.message = ResultMessage(verbatim: "new text")
        after.evidence[0].observed = "blank"
        #expect(FindingID.of(before, control: "CW-LIFE-01") == FindingID.of(after, control: "CW-LIFE-01"))
    }

    /// A credential's id is hashed from its parts without being built: the id must be the one
    /// hashing `identity/credential` gives, for ASCII and other text alike.
    @Test(arguments: [("svc-a", "key-1"), ("agent", ""), ("Zürich-svc", "clé"), ("", "x/y")])
    func aCredentialsIdIsThatOfItsJoinedId(identity: String, credential: String) {
        let identityRecord = Identity(id: identity, name: "Name", kind: .serviceAccount)
        let subject = SubjectReference.credential(Credential(id: credential, type: .apiKey), of: identityRecord)
        let finding = Finding(
            subject: subject,
            status: .fail,
            message: ResultMessage(verbatim: "text"),
            evidence: [Evidence(field: "credentials[].expires", observed: "absent", expected: "a date")]
        )
        #expect(
            FindingID.of(finding, control: "CW-CRED-04")
                == FindingID.make(
                    control: "CW-CRED-04",
                    subject: "\(identity)/\(credential)",
                    evidenceKey: "credentials[].expires"
                )
        )
    }

    /// The sample's cutoff compares a credential's id without building it: the order must be
    /// String order, including where text is not ASCII (a combining accent changes the order).
    @Test func aCredentialsIdSortsAsItsJoinedId() {
        let identities = ["a", "ab", "a-b", "b", "ae\u{301}", "é", "svc-1", "svc-10", "svc-9", ""]
        let credentials = ["", "k", "k1", "k/2", "ké", "z"]
        let others =
            identities.flatMap { identity in credentials.map { "\(identity)/\($0)" } }
            + ["", "a", "a/", "a/k0", "af", "b/", "svc-1/k", "zz", "é/z"]
        for identity in identities {
            for credential in credentials {
                let identityRecord = Identity(id: identity, name: "Name", kind: .serviceAccount)
                let subject = SubjectReference.credential(Credential(id: credential, type: .apiKey), of: identityRecord)
                for other in others {
                    #expect(subject.idPrecedes(other) == (subject.id < other), "\(subject.id) < \(other)")
                }
            }
        }
        let role = SubjectReference(kind: .role, id: "admin", name: "Admin")
        #expect(role.idPrecedes("b") && !role.idPrecedes("admin"))
    }
}
