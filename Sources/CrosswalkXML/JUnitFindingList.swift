import CrosswalkCore

/// The text of a JUnit `<failure>` or `<error>`: a control's first findings, worst first, one
/// paragraph each, then how many more there are.
///
/// ```text
/// fail CW-1a2b3c4d5e6f7a8b ci-bot/key-1: key-1 (CI bot), owner platform-team
///   Secret last rotated 400 days ago; policy allows 90.
///   credentials[].last_rotated: 2025-09-27 (expected: within 90 days)
/// ```
///
/// The findings are the control's in-memory sample (``ControlOutcome/findings``), so writing them
/// never reads the run's spool; the counts cover every finding.
enum JUnitFindingList {
    static func text(of outcome: ControlOutcome, report: GapReport, limit: Int) -> String {
        let controlID = outcome.definition.id
        var lines: [String] = []
        for finding in outcome.findings.prefix(limit) {
            let subject = finding.subject
            let owner = OwnerName.text(OwnerName.of(subject, in: report.evaluation.identities))
            let name = subject.name == subject.id ? "" : ": \(subject.name)"
            lines.append(
                "\(finding.status.rawValue) \(FindingID.of(finding, control: controlID)) \(subject.id)\(name), owner \(owner)"
            )
            lines.append("  \(finding.message.text)")
            for evidence in finding.evidence {
                let expected = evidence.expected.isEmpty ? "" : " (expected: \(evidence.expected))"
                lines.append("  \(evidence.field): \(evidence.observed)\(expected)")
            }
        }
        let listed = min(limit, outcome.findings.count)
        if outcome.findingCount > listed {
            let more = outcome.findingCount - listed
            lines.append(
                "and \(more) more \(more == 1 ? "finding" : "findings"); the JSON, XML and CSV reports list every one"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
