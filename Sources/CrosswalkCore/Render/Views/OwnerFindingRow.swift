import Mustache

/// One finding listed under its owner (key `findings` of an ``OwnerGroupRow``).
struct OwnerFindingRow: TemplateView {
    var control: String
    /// The control section's anchor in the HTML page.
    var controlAnchor: String
    /// `Critical`, …
    var severity: String
    var severityClass: String
    /// The subject's name and id.
    var subject: String
    var subjectID: String
    var message: String

    init(_ finding: AttributedFinding) {
        let severity = StatusPresentation.of(finding.control.severity)
        control = finding.control.id
        controlAnchor = HTMLEscaping.anchor("control", finding.control.id)
        self.severity = severity.label
        severityClass = severity.cssClass
        subject = finding.subject.name
        subjectID = finding.subject.id
        message = finding.message
    }
}

extension OwnerFindingRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "control": control
        case "controlAnchor": controlAnchor
        case "severity": severity
        case "severityClass": severityClass
        case "subject": subject
        case "subjectID": subjectID
        case "message": message
        default: nil
        }
    }
}
