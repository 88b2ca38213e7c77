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
        default: nil
        }
    }
}
