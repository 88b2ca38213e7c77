import Mustache

/// One waiver in the full reports' waiver audit (key `waivers`).
struct WaiverRow: TemplateView {
    var id: String
    var control: String
    /// `matched`, `unused`, `expiring-soon`, `expired`, `not-yet-valid` or `invalid`.
    var state: String
    /// Results the waiver accepted.
    var acceptedResults: String
    /// `id payments-bot`, `match svc-*`, `tag team=payments`.
    var subject: String
    /// The approver, with the owning team in brackets when given: `Jane Doe (Security)`.
    var approvedBy: String
    /// The expiry day, `YYYY-MM-DD`, or empty when missing.
    var expires: String
    /// Why the waiver is in its state (empty for matched and unused), with its line.
    var reason: String

    init(_ entry: WaiverAuditEntry) {
        id = entry.waiver.id
        control = entry.waiver.control
        state = entry.state.rawValue
        acceptedResults = CountText.grouped(entry.matchCount)
        subject = entry.waiver.subject.description
        approvedBy = entry.waiver.approver + (entry.waiver.owner.map { " (\($0))" } ?? "")
        expires = entry.waiver.expires?.text ?? ""
        let line = entry.waiver.location.map { "line \($0.line)" }
        reason = [entry.reason, line].compactMap { $0 }.joined(separator: ", ")
    }
}

extension WaiverRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "control": control
        case "state": state
        case "acceptedResults": acceptedResults
        case "subject": subject
        case "approvedBy": approvedBy
        case "expires": expires
        case "reason": reason
        default: nil
        }
    }
}
