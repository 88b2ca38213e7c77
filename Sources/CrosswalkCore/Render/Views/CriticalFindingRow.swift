import Mustache

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
    /// The subject, owner and message cut to a few lines for the one-page executive summaries
    /// (a hostile or very long name cannot push the page onto a second sheet).
    var shortSubject: String
    var shortOwner: String
    var shortMessage: String
    /// Whether the inventory names an owner (else the summaries say "no owner" plainly).
    var hasOwner: Bool

    init(_ finding: AttributedFinding) {
        subject = finding.subject.name
        subjectID = finding.subject.id
        kind = finding.subject.kind.rawValue
        control = finding.control.id
        controlTitle = finding.control.title
        controlAnchor = HTMLEscaping.anchor("control", finding.control.id)
        owner = finding.ownerText
        message = Self.messageText(finding)
        shortSubject = HTMLEscaping.truncated(subject, to: 60)
        shortOwner = HTMLEscaping.truncated(owner, to: 60)
        shortMessage = HTMLEscaping.truncated(message, to: 160)
        hasOwner = finding.owner != nil
    }

    /// The finding's message as reports print it (the one place views read its message).
    static func messageText(_ finding: AttributedFinding) -> String {
        finding.message
    }
}

extension CriticalFindingRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "subject": subject
        case "subjectID": subjectID
        case "kind": kind
        case "control": control
        case "controlTitle": controlTitle
        case "controlAnchor": controlAnchor
        case "owner": owner
        case "message": message
        case "shortSubject": shortSubject
        case "shortOwner": shortOwner
        case "shortMessage": shortMessage
        case "hasOwner": hasOwner
        default: nil
        }
    }
}
