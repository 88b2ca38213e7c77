/// The rolled-up state of one control across all of its subjects.
public enum ControlStatus: String, Sendable {
    /// Every applicable subject passed (or its failure is covered by a waiver).
    case pass
    /// At least one subject failed.
    case fail
    /// No failure, but evidence was missing or evaluation erred for some subject.
    case notAssessed = "not-assessed"
    /// No subject in the inventory is one the control applies to.
    case notApplicable = "not-applicable"
}

/// One control's results over the whole inventory: counts, findings and derived figures.
/// Boundary type between the evaluate and map stages (together with ``Evaluation``).
public struct ControlOutcome: Sendable {
    public var definition: ControlDefinition
    public var counts: [ResultStatus: Int]
    /// Every result that is not a pass or not-applicable, worst first, then by subject id.
    public var findings: [Finding]
    /// Passing subjects, kept only when the run asks to include passes.
    public var passingSubjects: [SubjectReference]
    /// Identities with a failing or erroring result, directly or through a credential, role or platform.
    public var affectedIdentities: Set<String>

    public init(definition: ControlDefinition, recorder: ResultRecorder) {
        self.definition = definition
        self.counts = recorder.counts
        self.findings = recorder.findings.sorted {
            ($0.status, $0.subject.id) < ($1.status, $1.subject.id)
        }
        self.passingSubjects = recorder.passingSubjects.sorted { $0.id < $1.id }
        self.affectedIdentities = recorder.affectedIdentities
    }

    public func count(_ status: ResultStatus) -> Int { counts[status] ?? 0 }

    public var affectedIdentityCount: Int { affectedIdentities.count }

    /// Subjects the control applies to: everything but not-applicable.
    public var applicableCount: Int {
        ResultStatus.allCases.filter { $0 != .notApplicable }.reduce(0) { $0 + count($1) }
    }

    public var status: ControlStatus {
        if count(.fail) > 0 { return .fail }
        if count(.notAssessed) > 0 || count(.error) > 0 { return .notAssessed }
        if count(.pass) + count(.accepted) > 0 { return .pass }
        return .notApplicable
    }

    /// Passing ÷ applicable subjects (accepted results are not passes); nil when nothing applies.
    public var passRate: Ratio? {
        applicableCount == 0 ? nil : Ratio(count(.pass), of: applicableCount)
    }
}

/// A fraction with its explicit numerator and denominator, so reports can show both.
public struct Ratio: Hashable, Sendable {
    public var numerator: Double
    public var denominator: Int

    public init(_ numerator: Double, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public init(_ numerator: Int, of denominator: Int) {
        self.init(Double(numerator), of: denominator)
    }

    public var fraction: Double { denominator == 0 ? 0 : numerator / Double(denominator) }

    /// Whole percent, rounded half up: `67%`.
    public var percentText: String { "\(Int((fraction * 100).rounded()))%" }

    /// Numerator as written in reports: `12` or `12.5`.
    public var numeratorText: String {
        numerator.rounded() == numerator ? String(Int(numerator)) : String(numerator)
    }
}

/// The evaluate stage's output: one outcome per control, in registry order.
public struct Evaluation: Sendable {
    public var now: Timestamp
    public var outcomes: [ControlOutcome]

    public init(now: Timestamp, outcomes: [ControlOutcome]) {
        self.now = now
        self.outcomes = outcomes
    }

    public func outcome(for controlID: String) -> ControlOutcome? {
        outcomes.first { $0.definition.id == controlID }
    }
}

/// Evaluate stage: runs controls over an inventory and policy.
public struct ControlEvaluator: Sendable {
    public var controls: [any Control]

    public init(controls: [any Control] = ControlRegistry.all) {
        self.controls = controls
    }

    public func evaluate(_ context: EvaluationContext, includePassing: Bool = false) -> Evaluation {
        let outcomes = controls.map { control in
            var recorder = ResultRecorder(keepPassing: includePassing)
            control.evaluate(context, into: &recorder)
            return ControlOutcome(definition: control.definition, recorder: recorder)
        }
        return Evaluation(now: context.now, outcomes: outcomes)
    }
}
