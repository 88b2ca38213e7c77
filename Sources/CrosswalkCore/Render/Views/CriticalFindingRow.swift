/// A failing result of a critical control, with its owner (key `criticalFindings`).
struct CriticalFindingRow: TemplateView {
    /// The subject's name, id and kind.
    var subject: String
    var subjectID: String
    var kind: String
    /// The control's id, title and section anchor.
    var control: String
    var controlTitle: String
    var controlAnchor: String
    /// The owner of the subject's identity, or `no owner`.
    var owner: String
    var message: String

    init(_ finding: AttributedFinding) {
        subject = finding.subject.name
        subjectID = finding.subject.id
        kind = finding.subject.kind.rawValue
        control = finding.control.id
        controlTitle = finding.control.title
        controlAnchor = HTMLEscaping.anchor("control", finding.control.id)
        owner = finding.ownerText
        message = Self.messageText(finding)
    }

    /// The finding's message as reports print it (the one place views read its message).
    static func messageText(_ finding: AttributedFinding) -> String {
        finding.message
    }
}
