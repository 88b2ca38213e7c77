/// Judges a run against its ``GatePolicy``: one ``GateResult`` per condition set, in a fixed
/// order (failures, new failures, minimum scores by catalog id, score drop, complete evidence).
///
/// Accepted (waived) results never breach a failure gate: only `fail` counts. The gates that
/// compare with the previous run (new failures, score drop) are reported as not judged when the
/// report has no ``GapReport/changes``.
public enum GateCheck {
    public static func check(_ report: GapReport, against policy: GatePolicy) -> [GateResult] {
        var results: [GateResult] = []
        if let threshold = policy.failuresAtOrAbove {
            results.append(failures(report, atOrAbove: threshold))
        }
        if let threshold = policy.newFailuresAtOrAbove {
            results.append(newFailures(report, atOrAbove: threshold))
        }
        for (catalogID, minimum) in policy.minimumScores.sorted(by: { $0.key < $1.key }) {
            results.append(minimumScore(report, catalogID: catalogID, minimum: minimum))
        }
        if let maximum = policy.maximumScoreDrop {
            results.append(scoreDrop(report, maximum: maximum))
        }
        if policy.requireCompleteEvidence {
            results.append(completeEvidence(report))
        }
        return results
    }

    /// `--fail-on`: controls of the severity or worse with at least one `fail` result.
    static func failures(_ report: GapReport, atOrAbove threshold: Severity) -> GateResult {
        let breaching = report.evaluation.outcomes.filter {
            $0.count(.fail) > 0 && $0.definition.severity >= threshold
        }
        let controls = "\(CountText.grouped(breaching.count)) \(breaching.count == 1 ? "control" : "controls")"
        return GateResult(
            gate: .failuresAtOrAbove,
            state: breaching.isEmpty ? .passed : .breached,
            detail: breaching.isEmpty
                ? "no control of severity \(threshold.rawValue) or worse fails"
                : "\(controls) of severity \(threshold.rawValue) or worse \(breaching.count == 1 ? "fails" : "fail"): \(breaching.map(\.definition.id).joined(separator: ", "))"
        )
    }

    static func newFailures(_ report: GapReport, atOrAbove threshold: Severity) -> GateResult {
        guard let changes = report.changes else {
            return GateResult(gate: .newFailuresAtOrAbove, state: .notJudged, detail: "not judged: no previous run")
        }
        let breaching = changes.newFailures.filter { $0.status == .fail && $0.severity >= threshold }
        return GateResult(
            gate: .newFailuresAtOrAbove,
            state: breaching.isEmpty ? .passed : .breached,
            detail: breaching.isEmpty
                ? "no new failure of severity \(threshold.rawValue) or worse since the previous run"
                : "\(CountText.grouped(breaching.count)) new \(breaching.count == 1 ? "failure" : "failures") of severity \(threshold.rawValue) or worse since the previous run: "
                    + breaching.prefix(10).map { "\($0.key.controlID) \($0.key.subjectID)" }.joined(separator: ", ")
                    + (breaching.count > 10 ? ", …" : "")
        )
    }

    static func minimumScore(_ report: GapReport, catalogID: String, minimum: Double) -> GateResult {
        guard let framework = report.frameworks.first(where: { $0.catalog.id == catalogID }) else {
            return GateResult(
                gate: .minimumScore(catalogID),
                state: .notJudged,
                detail: "not judged: \(catalogID) is not reported"
            )
        }
        guard let score = framework.score else {
            return GateResult(
                gate: .minimumScore(catalogID),
                state: .notJudged,
                detail: "not judged: \(catalogID) has no score"
            )
        }
        let percent = score.fraction * 100
        return GateResult(
            gate: .minimumScore(catalogID),
            state: percent < minimum ? .breached : .passed,
            detail:
                "\(catalogID) scores \(score.percentText), \(percent < minimum ? "below" : "at or above") the minimum of \(Self.number(minimum))%"
        )
    }

    static func scoreDrop(_ report: GapReport, maximum: Double) -> GateResult {
        guard let changes = report.changes else {
            return GateResult(gate: .maximumScoreDrop, state: .notJudged, detail: "not judged: no previous run")
        }
        let drops = changes.scoreChanges.compactMap { change -> (String, Double)? in
            guard let previous = change.previous, let current = change.current else { return nil }
            let drop = (previous - current) * 100
            return drop > maximum ? (change.catalogID, drop) : nil
        }
        return GateResult(
            gate: .maximumScoreDrop,
            state: drops.isEmpty ? .passed : .breached,
            detail: drops.isEmpty
                ? "no framework score dropped by more than \(Self.number(maximum)) points"
                : drops.map { "\($0.0) dropped \(Self.number($0.1)) points" }.joined(separator: ", ")
                    + " (more than \(Self.number(maximum)))"
        )
    }

    static func completeEvidence(_ report: GapReport) -> GateResult {
        let notAssessed = report.evaluation.outcomes.reduce(0) { $0 + $1.count(.notAssessed) }
        let errors = report.evaluation.outcomes.reduce(0) { $0 + $1.count(.error) }
        let complete = notAssessed == 0 && errors == 0
        return GateResult(
            gate: .requireCompleteEvidence,
            state: complete ? .passed : .breached,
            detail: complete
                ? "every result was assessed"
                : "evidence is incomplete: \(CountText.grouped(notAssessed)) not-assessed and \(CountText.grouped(errors)) error \(notAssessed + errors == 1 ? "result" : "results")"
        )
    }

    /// Whole numbers without decimals, others with up to two: `80`, `2.5`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }
}
