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
        case .partiallyEvidenced: return "◐ No gaps, partly evidenced"
        case .gapsFound: return "❌ Gaps found"
        case .notAssessed: return "❔ Not assessed"
        case .notApplicable: return "— Not applicable"
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
            "score": score?.percentText ?? "n/a",
            "scoreDetail": score.map {
                "\(FrameworkScore.twoDecimals($0.earned)) of \(FrameworkScore.twoDecimals($0.possible))"
            }
                ?? "no live mapping",
            "hasScore": score != nil,
            "posture": Self.postureLevel(assessment),
            "postureSentence": Self.postureSentence(assessment),
            "coverage": assessment.coverage.percentText,
            "coverageDetail": "\(assessment.coverage.numeratorText) of \(assessment.coverage.denominator)",
        ]
        .merging(Self.statusCounts(assessment.count)) { $1 }
        .merging(["entries": assessment.entries.map { entry($0, catalogID: catalog.id) }]) { $1 }
    }

    /// Entry counts by status under the keys templates use.
    static func statusCounts(_ count: (EntryStatus) -> Int) -> [String: Any] {
        [
            "satisfied": String(count(.satisfied)),
            "partiallyEvidenced": String(count(.partiallyEvidenced)),
            "gapsFound": String(count(.gapsFound)),
            "notAssessed": String(count(.notAssessed)),
            "notApplicable": String(count(.notApplicable)),
            "notCovered": String(count(.notCovered)),
        ]
    }

    /// A mapped control as reports write it: `CW-LOG-01 (attested) (subset-of, 7)`.
    static func linkText(_ link: LinkAssessment) -> String {
        "\(link.mapping.controlID)\(attestedMark(link.evidenceSource)) (\(link.mapping.relationship.rawValue), \(link.mapping.strength))"
    }

    /// ` (attested)` for attested evidence, nothing for observed.
    static func attestedMark(_ source: EvidenceSource) -> String {
        source == .attested ? " (attested)" : ""
    }

    /// A pass share as a whole percent, or empty when the entry has none.
    static func passShareText(_ entry: EntryAssessment) -> String {
        entry.passShare.map(FrameworkScore.percentText) ?? ""
    }

    private func entry(_ entry: EntryAssessment, catalogID: String) -> [String: Any] {
        [
            "id": entry.entry.id,
            "displayID": entryLabel(catalogID, entry.entry.id),
            "title": entry.entry.title,
            "kind": entry.entry.kind,
            "isGroup": !entry.isLeaf,
            "status": Self.label(entry.status),
            "passShare": Self.passShareText(entry),
            "coverage": entry.isLeaf
                ? "" : "\(entry.coverage.numeratorText) of \(entry.coverage.denominator) covered",
            "controls": entry.links.map(Self.linkText).joined(separator: ", "),
            "affected": entry.isLeaf && entry.affectedIdentityCount > 0 ? String(entry.affectedIdentityCount) : "",
            "reason": entry.reason,
        ]
    }

    private func overall() -> [String: Any] {
        let overall = report.overall
        return [
            "score": overall.scoreText,
            "posture": overall.posture?.rawValue ?? "No score",
            "criticalNote": Self.criticalGapNote(overall.criticalGaps),
            "frameworks": String(overall.frameworks),
            "scoredFrameworks": String(overall.scoredFrameworks),
            "coverage": overall.coverage.percentText,
            "coverageDetail": "\(overall.coverage.numeratorText) of \(overall.coverage.denominator)",
        ]
        .merging(Self.statusCounts(overall.count)) { $1 }
    }

    /// One word for an executive: strong, mixed, weak, or not assessed.
    static func postureLevel(_ assessment: FrameworkAssessment) -> String {
        assessment.score?.posture.rawValue ?? "No score"
    }

    /// Why a posture cannot read Strong: the critical controls that fail, or nothing.
    static func criticalGapNote(_ controlIDs: [String]) -> String {
        guard !controlIDs.isEmpty else { return "" }
        let list = controlIDs.joined(separator: ", ")
        return controlIDs.count == 1
            ? "A critical control fails (\(list)), so the posture cannot read Strong until it passes."
            : "Critical controls fail (\(list)), so the posture cannot read Strong until they pass."
    }

    /// One plain sentence on where the organisation stands against a framework: its covered
    /// entries by status, naming only the statuses that occur. The score and coverage are printed
    /// beside it, so the sentence does not repeat them.
    static func postureSentence(_ assessment: FrameworkAssessment) -> String {
        guard assessment.score != nil else {
            return "No inventory result speaks to the entries identity controls address."
        }
        let parts: [(EntryStatus, String)] = [
            (.gapsFound, "with gaps"),
            (.satisfied, "satisfied"),
            (.partiallyEvidenced, "without gaps but partly evidenced"),
            (.notAssessed, "not assessed"),
            (.notApplicable, "not applicable"),
        ]
        let counted = parts.compactMap { status, words -> String? in
            let count = assessment.count(status)
            return count == 0 ? nil : "\(count) \(words)"
        }
        let covered = assessment.coverage.numeratorText
        return "Of \(covered) covered \(covered == "1" ? "entry" : "entries"): \(counted.joined(separator: ", "))."
    }

    /// Covered leaf entries of every framework, for the "Standards & Framework Alignment" table.
    private func alignment() -> [[String: String]] {
        report.frameworks.flatMap { assessment in
            assessment.entries.filter { $0.isLeaf && $0.status != .notCovered }.map { entry in
                [
                    "framework": assessment.catalog.shortTitle,
                    "entry": "\(entryLabel(assessment.catalog.id, entry.entry.id)) \(entry.entry.title)",
                    "status": Self.label(entry.status),
                    "passShare": Self.passShareText(entry),
                    "controls": entry.links.map {
                        $0.mapping.controlID + Self.attestedMark($0.evidenceSource)
                    }
                    .joined(separator: ", "),
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
            "evidenceSource": definition.evidenceSource.rawValue,
            "isAttested": definition.evidenceSource == .attested,
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
                    "scope": mapping.scope.rawValue,
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
                    "message": finding.message.text,
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
