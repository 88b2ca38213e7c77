import Mustache

/// One key figure: a control's result in one number (key `keyFigures`).
struct KeyFigureRow: TemplateView {
    /// Exposed credentials a key figure names before counting the rest.
    static let namedExposedCredentialLimit = 5

    /// `97%`, `n/a`, or a count.
    var value: String
    /// What the value measures: `of identities have an accountable owner`.
    var text: String
    /// `35 of 36`, or what to do first.
    var detail: String
    /// The control the figure is the result of, and its section's anchor.
    var control: String
    var controlAnchor: String
    /// Whether the figure calls for action now.
    var isAlert: Bool

    init(value: String, text: String, detail: String, control: String, isAlert: Bool) {
        self.value = value
        self.text = text
        self.detail = detail
        self.control = control
        self.controlAnchor = HTMLEscaping.anchor("control", control)
        self.isAlert = isAlert
    }

    /// The report's four figures: owners, workload identity, rotation, exposed credentials.
    static func rows(_ figures: KeyFigures) -> [KeyFigureRow] {
        func share(_ ratio: Ratio, _ text: String, _ control: String) -> KeyFigureRow {
            KeyFigureRow(
                value: ratio.denominator == 0 ? "n/a" : ratio.percentText,
                text: text,
                detail: ReportText.fraction(ratio),
                control: control,
                isAlert: false
            )
        }
        return [
            share(
                figures.identitiesWithOwner,
                "of identities have an accountable owner",
                KeyFigures.ownerControlID
            ),
            share(
                figures.agentsOnWorkloadIdentity,
                "of active AI agents use a platform-managed workload identity and no static secret",
                KeyFigures.workloadIdentityControlID
            ),
            share(
                figures.staticSecretsWithinRotation,
                "of active static secrets were rotated within the policy interval",
                KeyFigures.rotationControlID
            ),
            exposedCredentials(figures),
        ]
    }

    /// "1 credential detected as exposed is not revoked (revoke it first: key (Billing ETL))"; the
    /// critical findings name each one's owner.
    private static func exposedCredentials(_ figures: KeyFigures) -> KeyFigureRow {
        let total = figures.activeExposedCredentials
        // Each name cut to a line's worth, so hostile or very long names keep the one-page
        // executive summaries on one page.
        let named = figures.exposedCredentials.prefix(namedExposedCredentialLimit).map {
            HTMLEscaping.truncated($0.subject.name, to: 60)
        }
        var detail: String
        switch total {
        case 0: detail = "none to revoke"
        case 1: detail = "revoke it first: " + named.joined()
        default: detail = "revoke these first: " + named.joined(separator: "; ")
        }
        if total > named.count { detail += "; and \(total - named.count) more" }
        return KeyFigureRow(
            value: String(total),
            text: total == 1
                ? "credential detected as exposed is not revoked"
                : "credentials detected as exposed are not revoked",
            detail: detail,
            control: KeyFigures.exposureControlID,
            isAlert: total > 0
        )
    }
}

extension KeyFigureRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "value": value
        case "text": text
        case "detail": detail
        case "control": control
        case "controlAnchor": controlAnchor
        case "isAlert": isAlert
        default: nil
        }
    }
}
