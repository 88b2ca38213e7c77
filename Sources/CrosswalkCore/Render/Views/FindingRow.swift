import Mustache

/// One result of a control that is not a pass, with its evidence (key `findings` of a
/// ``ControlSection``).
struct FindingRow: TemplateView {
    /// The subject's name and id.
    var subject: String
    var subjectID: String
    /// `identity`, `credential`, `role` or `platform`.
    var kind: String
    /// `✗ Fail`, …
    var status: String
    var statusClass: String
    /// `fail`, `not-assessed`, …: what the HTML page's filter reads.
    var statusKey: String
    var message: String
    /// `field: observed; expected value · …`.
    var evidence: String
    /// The owner of the subject's identity, or `no owner` (also for roles and platforms).
    var owner: String

    init(_ finding: Finding, owner: String? = nil) {
        let presentation = StatusPresentation.of(finding.status)
        subject = finding.subject.name
        subjectID = finding.subject.id
        kind = finding.subject.kind.rawValue
        status = presentation.label
        statusClass = presentation.cssClass
        statusKey = presentation.filterKey
        message = Self.messageText(finding)
        evidence = finding.evidence.map {
            $0.expected.isEmpty ? "\($0.field): \($0.observed)" : "\($0.field): \($0.observed); expected \($0.expected)"
        }
        .joined(separator: " · ")
        self.owner = owner ?? OwnerName.none
    }

    /// The finding's message as reports print it (the one place views read `Finding.message`).
    static func messageText(_ finding: Finding) -> String {
        finding.message.text
    }
}

extension FindingRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "subject": subject
        case "subjectID": subjectID
        case "kind": kind
        case "status": status
        case "statusClass": statusClass
        case "statusKey": statusKey
        case "message": message
        case "evidence": evidence
        case "owner": owner
        default: nil
        }
    }
}
