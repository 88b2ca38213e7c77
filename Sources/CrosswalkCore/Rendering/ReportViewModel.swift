/// Builds the flat, pre-formatted view model that report templates receive (dictionaries of
/// strings, booleans and arrays). Text is left raw: each template's content type escapes it.
struct ReportViewModel {
    /// Failing subjects listed per control before the list is cut to a count.
    static let findingLimit = 50

    let report: GapReport

    func make() -> [String: Any] {
        let metadata = report.metadata
        let summary = report.inventorySummary
        let view: [String: Any] = [
            "organization": metadata.organization ?? "Unnamed organisation",
            "generatedAt": metadata.generatedAt.iso8601,
            "toolVersion": metadata.toolVersion,
            "identityCount": String(summary.identityCount),
            "agentCount": String(summary.agentCount),
            "credentialCount": String(summary.credentialCount),
            "platformCount": String(summary.platforms.count),
            "platforms": summary.platforms.joined(separator: ", "),
            "controlCount": String(report.evaluation.outcomes.count),
            "frameworkCount": String(report.frameworks.count),
            "frameworks": report.frameworks.map(framework),
            "overall": overall(),
            "alignment": alignment(),
            "hasRiskyIdentities": !report.riskiestIdentities.isEmpty,
            "riskyIdentities": report.riskiestIdentities.enumerated().map { rank, identity in
                [
                    "rank": String(rank + 1),
                    "id": identity.id,
                    "name": identity.name,
                    "kind": identity.kind,
                    "platform": identity.platform ?? "unknown",
                    "owner": identity.owner ?? "no owner",
                    "riskScore": String(identity.riskScore),
                    "controls": identity.failingControls.joined(separator: ", "),
                ]
            },
            "controls": report.evaluation.outcomes.map(control),
            "catalogs": report.library.catalogs.map(catalog),
            "inputs": metadata.inputs.map { input in
                [
                    "role": input.role.rawValue, "path": input.path, "bytes": String(input.byteCount),
                    "sha256": input.sha256,
                ]
            },
            "hasWarnings": !report.warnings.isEmpty,
            "warnings": report.warnings.map(\.description),
        ]
        return view.merging(PriorityViewModel(report: report).make()) { shared, _ in shared }
    }

    /// An entry id as reports print it (marked when Crosswalk assigned it).
    private func entryLabel(_ catalogID: String, _ entryID: String) -> String {
        PriorityViewModel(report: report).entryLabel(catalogID: catalogID, entryID: entryID)
    }

    static func label(_ status: EntryStatus) -> String {
        switch status {
        case .satisfied: return "✅ Satisfied"
        case .partiallySatisfied: return "◐ Partially satisfied"
        case .notSatisfied: return "❌ Not satisfied"
        case .notAssessed: return "❔ Not assessed"
        case .notCovered: return "○ Not covered"
        }
    }

    static func label(_ status: ControlStatus) -> String {
        switch status {
        case .pass: return "✅ Pass"
        case .fail: return "❌ Fail"
        case .notAssessed: return "❔ Not assessed"
        case .notApplicable: return "— Not applicable"
        }
    }

    static func label(_ status: ResultStatus) -> String {
        switch status {
        case .pass: return "✅ Pass"
        case .fail: return "❌ Fail"
        case .notApplicable: return "— Not applicable"
        case .notAssessed: return "❔ Not assessed"
        case .accepted: return "☑️ Accepted"
        case .error: return "⚠️ Error"
        }
    }

    /// Result statuses a control card counts, worst first. `accepted` only appears once a result
    /// is accepted: waivers are not an input yet, so reports show no accepted row until they are.
    static func shownResultStatuses(_ outcome: ControlOutcome) -> [ResultStatus] {
        ResultStatus.allCases.sorted().filter { $0 != .accepted || outcome.count(.accepted) > 0 }
    }

    static func severityLabel(_ severity: Severity) -> String {
        severity.rawValue.prefix(1).uppercased() + severity.rawValue.dropFirst()
    }

    private func framework(_ assessment: FrameworkAssessment) -> [String: Any] {
        let catalog = assessment.catalog
        let score = assessment.score
        return [
            "id": catalog.id,
            "title": catalog.title,
            "shortTitle": catalog.shortTitle,
            "version": catalog.version,
            "license": catalog.license ?? "not stated",
            "source": catalog.sourceURLs.first ?? catalog.origin,
            "score": score.map(\.percentText) ?? "n/a",
            "scoreDetail": score.map { "\($0.numeratorText) of \($0.denominator)" } ?? "nothing assessed",
            "satisfied": String(assessment.count(.satisfied)),
            "partiallySatisfied": String(assessment.count(.partiallySatisfied)),
            "notSatisfied": String(assessment.count(.notSatisfied)),
            "notAssessed": String(assessment.count(.notAssessed)),
            "notCovered": String(assessment.count(.notCovered)),
            "assessed": String(assessment.assessedCount),
            "posture": Self.postureLevel(assessment),
            "postureSentence": Self.postureSentence(assessment),
            "coverage": assessment.coverage.percentText,
            "coverageDetail": "\(assessment.coverage.numeratorText) of \(assessment.coverage.denominator)",
            "entries": assessment.entries.map { entry in
                [
                    "id": entry.entry.id,
                    "displayID": entryLabel(catalog.id, entry.entry.id),
                    "title": entry.entry.title,
                    "kind": entry.entry.kind,
                    "isGroup": !entry.isScored,
                    "status": Self.label(entry.status),
                    "controls": entry.controls.map {
                        "\($0.mapping.controlID) (\($0.mapping.relationship.rawValue), \($0.mapping.strength))"
                    }
                    .joined(separator: ", "),
                    "affected": entry.isScored && entry.affectedIdentityCount > 0
                        ? String(entry.affectedIdentityCount) : "",
                    "reason": entry.reason,
                ] as [String: Any]
            },
        ]
    }

    private func overall() -> [String: String] {
        let overall = report.overall
        return [
            "score": overall.scoreText,
            "posture": overall.score.map(Self.postureLevel(fraction:)) ?? "Not assessed",
            "frameworks": String(overall.frameworks),
            "scoredFrameworks": String(overall.scoredFrameworks),
            "satisfied": String(overall.count(.satisfied)),
            "partiallySatisfied": String(overall.count(.partiallySatisfied)),
            "notSatisfied": String(overall.count(.notSatisfied)),
            "notAssessed": String(overall.count(.notAssessed)),
            "notCovered": String(overall.count(.notCovered)),
            "coverage": overall.coverage.percentText,
            "coverageDetail": "\(overall.coverage.numeratorText) of \(overall.coverage.denominator)",
        ]
    }

    /// One word for an executive: strong, mixed, weak, or not assessed.
    static func postureLevel(_ assessment: FrameworkAssessment) -> String {
        guard let score = assessment.score else { return "Not assessed" }
        return postureLevel(fraction: score.fraction)
    }

    static func postureLevel(fraction: Double) -> String {
        switch fraction {
        case 0.8...: return "Strong"
        case 0.5..<0.8: return "Mixed"
        default: return "Weak"
        }
    }

    /// One plain sentence on where the organisation stands against a framework. Coverage is
    /// printed beside it, once per framework, rather than repeated in every sentence.
    static func postureSentence(_ assessment: FrameworkAssessment) -> String {
        guard assessment.assessedCount > 0 else {
            return "The inventory gives no evidence for the entries identity controls address."
        }
        let met = assessment.count(.satisfied)
        let partly = assessment.count(.partiallySatisfied)
        let unmet = assessment.count(.notSatisfied)
        return
            "Of \(assessment.assessedCount) assessed entries, \(met) \(met == 1 ? "is" : "are") fully met, \(partly) partly and \(unmet) not at all."
    }

    /// Covered leaf entries of every framework, for the "Standards & Framework Alignment" table.
    private func alignment() -> [[String: String]] {
        report.frameworks.flatMap { assessment in
            assessment.entries.filter { $0.isScored && $0.status != .notCovered }.map { entry in
                [
                    "framework": assessment.catalog.shortTitle,
                    "entry": "\(entryLabel(assessment.catalog.id, entry.entry.id)) \(entry.entry.title)",
                    "status": Self.label(entry.status),
                    "controls": entry.controls.map(\.mapping.controlID).joined(separator: ", "),
                ]
            }
        }
    }

    private func control(_ outcome: ControlOutcome) -> [String: Any] {
        let definition = outcome.definition
        let listed = outcome.findings.prefix(Self.findingLimit)
        let mappings = report.library.mappings(forControl: definition.id)
        return [
            "id": definition.id,
            "title": definition.title,
            "severity": Self.severityLabel(definition.severity),
            "status": Self.label(outcome.status),
            "appliesTo": definition.appliesTo,
            "description": definition.description,
            "rationale": definition.rationale,
            "remediation": definition.remediation,
            "evidenceFields": definition.evidenceFields.joined(separator: ", "),
            "policyParameters": definition.policyParameters.isEmpty
                ? "none" : definition.policyParameters.joined(separator: ", "),
            "passRate": outcome.passRate.map {
                "\($0.percentText) (\($0.numeratorText) of \($0.denominator) applicable subjects pass)"
            }
                ?? "no applicable subjects",
            "counts": Self.shownResultStatuses(outcome).map {
                ["status": Self.label($0), "count": String(outcome.count($0))]
            },
            "mappings": mappings.map { mapping in
                [
                    "catalog": report.library.catalog(withID: mapping.catalogID)?.shortTitle ?? mapping.catalogID,
                    "entry": entryLabel(mapping.catalogID, mapping.entryID),
                    "relationship": mapping.relationship.rawValue,
                    "strength": String(mapping.strength),
                    "rationale": mapping.rationale,
                ]
            },
            "hasMappings": !mappings.isEmpty,
            "hasFindings": !outcome.findings.isEmpty,
            "findings": listed.map { finding in
                [
                    "subject": finding.subject.name,
                    "subjectID": finding.subject.id,
                    "kind": finding.subject.kind.rawValue,
                    "status": Self.label(finding.status),
                    "message": finding.message,
                    "evidence": finding.evidence.map { "\($0.field): \($0.observed); expected \($0.expected)" }
                        .joined(separator: " · "),
                ]
            },
            "moreFindings": outcome.findings.count > listed.count ? String(outcome.findings.count - listed.count) : "",
            "hasMoreFindings": outcome.findings.count > listed.count,
        ]
    }

    private func catalog(_ catalog: Catalog) -> [String: String] {
        [
            "id": catalog.id,
            "title": catalog.title,
            "version": catalog.version,
            "license": catalog.license ?? "not stated",
            "origin": catalog.origin,
            "attribution": catalog.attribution ?? "",
        ]
    }
}
