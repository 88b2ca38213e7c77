/// The parts of the report view that say what to act on first: key figures, top gaps, critical
/// findings, and how entry ids are labelled. Templates receive them through ``ReportViewModel``:
///
/// - `keyFigures`: `value`, `text`, `detail`, `control`, `isAlert`;
/// - `topGaps` (every failing control, ranked) and `executiveGaps` (the first
///   ``GapRanking/executiveCount``): `rank`, `id`, `title`, `severity`, `exposureClass`, `failing`,
///   `affected`, `scope` ("4 identities affected, 4 failing checks"), `entries`, `gapEntries`, `hasGapEntries`, `remediation`; with `executiveGapCount`;
/// - `criticalFindings` (the first ``criticalFindingLimit``): `subject`, `subjectID`, `kind`,
///   `control`, `controlTitle`, `owner`, `message`; with `hasCriticalFindings`,
///   `criticalFindingCount`, `hasMoreCriticalFindings`, `moreCriticalFindings` and
///   `criticalFindingLimit`;
/// - `generatedOn` (the report time in words) and the file names of the full report.
struct PriorityViewModel {
    /// Critical findings the Markdown and HTML reports list before pointing to the full data.
    static let criticalFindingLimit = 20
    /// Exposed credentials a key figure names before counting the rest.
    static let namedExposedCredentialLimit = 5
    /// What marks an entry id that Crosswalk assigned, after the id.
    static let crosswalkIDMark = " (Crosswalk id)"

    let report: GapReport

    /// The keys this view adds to the report view.
    func make() -> [String: Any] {
        let critical = report.criticalFindings
        let listed = critical.prefix(Self.criticalFindingLimit)
        return [
            "generatedOn": Self.readable(report.metadata.generatedAt),
            "fullReportMarkdown": ReportDocument.markdownReport.fileName,
            "fullReportHTML": ReportDocument.htmlReport.fileName,
            "keyFigures": keyFigures(),
            "hasTopGaps": !report.topGaps.isEmpty,
            "topGaps": report.topGaps.map(gap),
            "executiveGaps": report.topGaps.prefix(GapRanking.executiveCount).map(gap),
            "executiveGapCount": String(min(GapRanking.executiveCount, report.topGaps.count)),
            "criticalFindingLimit": String(Self.criticalFindingLimit),
            "hasCriticalFindings": !critical.isEmpty,
            "criticalFindingCount": String(critical.count),
            "criticalFindings": listed.map(finding),
            "hasMoreCriticalFindings": critical.count > listed.count,
            "moreCriticalFindings": String(critical.count - listed.count),
        ]
    }

    /// An entry id as reports print it: "L7-03 (Crosswalk id)" when Crosswalk assigned it.
    func entryLabel(catalogID: String, entryID: String) -> String {
        report.library.catalog(withID: catalogID)?.entryIDs == .crosswalk ? entryID + Self.crosswalkIDMark : entryID
    }

    /// `1 identity`, `4 identities`.
    static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }

    /// `1 November 2026, 00:00 UTC`.
    static func readable(_ timestamp: Timestamp) -> String {
        let text = timestamp.iso8601
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let parts = text.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
        guard parts.count >= 5, (1...12).contains(parts[1]) else { return text }
        let time = text.dropFirst(11).prefix(5)
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0]), \(time) UTC"
    }

    // MARK: - Key figures

    private func keyFigures() -> [[String: Any]] {
        let figures = report.keyFigures
        func figure(_ ratio: Ratio, _ text: String, _ control: String) -> [String: Any] {
            [
                "value": ratio.denominator == 0 ? "n/a" : ratio.percentText,
                "text": text,
                "detail": "\(ratio.numeratorText) of \(ratio.denominator)",
                "control": control,
                "isAlert": false,
            ]
        }
        return [
            figure(
                figures.identitiesWithOwner,
                "of identities have an accountable owner",
                KeyFigures.ownerControlID
            ),
            figure(
                figures.agentsOnWorkloadIdentity,
                "of active AI agents use a platform-managed workload identity and no static secret",
                KeyFigures.workloadIdentityControlID
            ),
            figure(
                figures.staticSecretsWithinRotation,
                "of active static secrets were rotated within the policy interval",
                KeyFigures.rotationControlID
            ),
            exposedCredentials(),
        ]
    }

    /// "1 credential detected as exposed is not revoked (revoke it first: key (Billing ETL))"; the
    /// critical findings name each one's owner.
    private func exposedCredentials() -> [String: Any] {
        let exposed = report.keyFigures.exposedCredentials
        let total = report.keyFigures.activeExposedCredentials
        let named = exposed.prefix(Self.namedExposedCredentialLimit).map(\.subject.name)
        var detail: String
        switch total {
        case 0: detail = "none to revoke"
        case 1: detail = "revoke it first: " + named.joined()
        default: detail = "revoke these first: " + named.joined(separator: "; ")
        }
        if total > named.count { detail += "; and \(total - named.count) more" }
        return [
            "value": String(total),
            "text": total == 1
                ? "credential detected as exposed is not revoked"
                : "credentials detected as exposed are not revoked",
            "detail": detail,
            "control": KeyFigures.exposureControlID,
            "isAlert": total > 0,
        ]
    }

    // MARK: - Gaps

    private func gap(_ gap: Gap) -> [String: Any] {
        let gapEntries = entriesText(gap.entriesWithGaps)
        return [
            "rank": String(gap.rank),
            "id": gap.control.id,
            "title": gap.control.title,
            "severity": ReportViewModel.severityLabel(gap.control.severity),
            "exposureClass": gap.control.exposureClass.rawValue,
            "failing": String(gap.failingSubjects),
            "affected": String(gap.affectedIdentities),
            "scope": Self.counted(gap.affectedIdentities, "identity", "identities") + " affected, "
                + Self.counted(gap.failingSubjects, "failing check", "failing checks"),
            "entries": entriesText(gap.entries),
            "gapEntries": gapEntries,
            "hasGapEntries": !gapEntries.isEmpty,
            "remediation": gap.control.remediation,
        ]
    }

    /// `OWASP NHI Top 10 2025: NHI7, NHI10; CSA MAESTRO: L7-03 (Crosswalk id)`, frameworks in
    /// report order.
    private func entriesText(_ entries: [(catalogID: String, entryID: String)]) -> String {
        var byCatalog: [String: [String]] = [:]
        for entry in entries {
            byCatalog[entry.catalogID, default: []].append(
                entryLabel(catalogID: entry.catalogID, entryID: entry.entryID)
            )
        }
        return report.library.catalogs.compactMap { catalog -> String? in
            guard let ids = byCatalog[catalog.id] else { return nil }
            return "\(catalog.shortTitle): \(ids.joined(separator: ", "))"
        }
        .joined(separator: "; ")
    }

    // MARK: - Critical findings

    private func finding(_ finding: AttributedFinding) -> [String: String] {
        [
            "subject": finding.subject.name,
            "subjectID": finding.subject.id,
            "kind": finding.subject.kind.rawValue,
            "control": finding.control.id,
            "controlTitle": finding.control.title,
            "owner": finding.ownerText,
            "message": finding.message,
        ]
    }
}
