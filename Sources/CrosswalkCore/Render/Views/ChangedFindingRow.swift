import Mustache

/// A finding that is new, resolved or back since the previous run (keys `newFailures`,
/// `resolved`, `regressions` of a ``ChangesView``).
struct ChangedFindingRow: TemplateView {
    var control: String
    /// The control's section in the HTML report.
    var controlAnchor: String
    var subject: String
    /// `High`, …, and its CSS class.
    var severity: String
    var severityClass: String
    /// `✗ Fail`, `? Not assessed`, …, and its CSS class.
    var status: String
    var statusClass: String
    /// The owning team, or `no owner`.
    var owner: String
    /// When it was first seen failing, in words: `31 October 2026`.
    var firstSeen: String

    init(_ finding: ChangedFinding) {
        let severity = StatusPresentation.of(finding.severity)
        control = finding.key.controlID
        controlAnchor = HTMLEscaping.anchor("control", finding.key.controlID)
        subject = finding.key.subjectID
        self.severity = severity.label
        severityClass = severity.cssClass
        let status = StatusPresentation.of(finding.status)
        self.status = status.label
        statusClass = status.cssClass
        owner = OwnerName.text(finding.owner)
        firstSeen = ReportText.readableDay(finding.firstSeen)
    }
}

extension ChangedFindingRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "control": control
        case "controlAnchor": controlAnchor
        case "subject": subject
        case "severity": severity
        case "severityClass": severityClass
        case "status": status
        case "statusClass": statusClass
        case "owner": owner
        case "firstSeen": firstSeen
        default: nil
        }
    }
}
