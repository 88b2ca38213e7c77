/// A failing result named for the people who must act on it: the control, the subject (credential
/// or identity, with its id), and the team that owns the subject's identity. Reports list these as
/// critical findings and name the exposed credentials among the key figures.
public struct AttributedFinding: Sendable {
    /// The control the subject fails.
    public var control: ControlDefinition
    public var subject: SubjectReference
    /// The owner recorded for the subject's identity; nil when none is recorded (or it is blank),
    /// or when the subject belongs to no single identity (a role, a platform).
    public var owner: String?
    /// The finding's one-sentence explanation.
    public var message: String
    /// `fail`, or `error` for a control that could not judge the subject.
    public var status: ResultStatus = .fail

    public init(control: ControlDefinition, subject: SubjectReference, owner: String?, message: String) {
        self.control = control
        self.subject = subject
        self.owner = owner
        self.message = message
    }

    /// The owner as reports print it.
    public var ownerText: String { owner ?? OwnerName.none }

    /// The failing results of controls with severity critical, ordered as docs/assessment.md
    /// (section 7) asks: exposed credentials first (by exposure class), then by control id, then by
    /// subject id. Each control contributes the failures in its sample (the first
    /// ``ControlOutcome/sampleLimit`` by subject id), more than any report lists.
    public static func criticalFindings(_ evaluation: Evaluation) -> [AttributedFinding] {
        let critical = evaluation.outcomes.filter { $0.definition.severity == .critical }
        return critical.flatMap { failing(in: $0, of: evaluation) }.sorted(by: precedes)
    }

    /// The failing results in one control's sample, in subject id order, each with its owner.
    public static func failing(in outcome: ControlOutcome, of evaluation: Evaluation) -> [AttributedFinding] {
        outcome.findings.filter { $0.status == .fail }.map { finding in
            AttributedFinding(
                control: outcome.definition,
                subject: finding.subject,
                owner: OwnerName.of(finding.subject, in: evaluation.identities),
                message: finding.message.text
            )
        }
        .sorted(by: precedes)
    }

    /// Exposure class (exposure, privilege, hygiene), then control id, then subject id.
    static func precedes(_ lhs: AttributedFinding, _ rhs: AttributedFinding) -> Bool {
        (lhs.control.exposureClass.rankOrder, lhs.control.id, lhs.subject.id)
            < (rhs.control.exposureClass.rankOrder, rhs.control.id, rhs.subject.id)
    }
}
