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
}
