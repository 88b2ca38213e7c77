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

    /// The id is the documented hash (worked out independently, with Python's hashlib), whichever
    /// library this build hashes with.
    @Test func theIdIsTheFirstSixteenHexDigitsOfTheSHA256OfTheJoinedParts() {
        #expect(FindingID.make(control: "CW-LIFE-01", subject: "svc-a", evidenceKey: "owner") == "CW-79735865ac466102")
        #expect(
            FindingID.make(control: "CW-CRED-04", subject: "agent-7/key-1", evidenceKey: "credentials[].expires")
                == "CW-69ce5d9f12b54572"
        )
        #expect(
            FindingID.make(control: "CW-ENV-01", subject: "prod-writer-ü🦊", evidenceKey: "") == "CW-4d3aea66236fc331"
        )
    }

    /// Where the build links the system's libcrypto, it hashes exactly as swift-crypto does, for
    /// messages of every length around SHA-256's block size and beyond; elsewhere it hashes nothing.
    @Test func theSystemLibcryptoHashesAsSwiftCryptoDoes() {
        var message: [UInt8] = []
        for length in 0..<300 {
            message.append(UInt8(truncatingIfNeeded: length &* 167 &+ 13))
            message.withUnsafeBytes { bytes in
                #if CROSSWALK_LIBCRYPTO
                    #expect(
                        FindingID.systemDigestPrefix(of: bytes) == FindingID.swiftCryptoDigestPrefix(of: bytes),
                        "length \(length + 1)"
                    )
                #else
                    #expect(FindingID.systemDigestPrefix(of: bytes) == nil)
                #endif
            }
        }
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
