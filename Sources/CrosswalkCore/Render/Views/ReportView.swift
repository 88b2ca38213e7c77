import Mustache

/// What the report templates receive (`report.md`, `executive-summary.md`, `report.html`,
/// `executive-summary.html`), built once per document from the ``GapReport``. Markdown and HTML
/// get the same facts under the same keys; the stylesheets and charts are filled only for HTML
/// (absent keys in Markdown). docs/templates.md lists every key.
struct ReportView: TemplateView {
    /// Critical findings listed before pointing to the full data.
    static let criticalFindingLimit = 20
    /// Critical findings the one-page executive summaries list.
    static let executiveCriticalFindingLimit = 3
    /// Where the complete result lists live when a list is cut.
    static let fullData = "crosswalk-report.xml and crosswalk-report.json"

    // MARK: Run and inventory

    /// The organisation, or `Unnamed organisation`.
    var organization: String
    /// The report time, ISO 8601, and in words (`1 November 2026, 00:00 UTC`).
    var generatedAt: String
    var generatedOn: String
    /// The report's day in words, for the executive summaries: `1 November 2026`.
    var generatedDay: String
    var toolVersion: String
    var identityCount: String
    var agentCount: String
    /// The counts with their nouns, singular or plural, digits grouped: `1 identity`,
    /// `1,204 non-human identities`, `1 AI agent`, `3 credentials`, `1 platform`.
    var identityPhrase: String
    var nonHumanIdentityPhrase: String
    var agentPhrase: String
    var credentialPhrase: String
    var platformPhrase: String
    var credentialCount: String
    var platformCount: String
    /// The platforms, comma-separated.
    var platforms: String
    var controlCount: String
    var frameworkCount: String
    /// File names of the full report, for the executive summaries' links.
    var fullReportMarkdown: String
    var fullReportHTML: String
    /// `crosswalk-report.xml and crosswalk-report.json`: where cut lists are complete.
    var fullData: String

    // MARK: Where the organisation stands

    var overall: OverallView
    var frameworks: [FrameworkRow]
    var keyFigures: [KeyFigureRow]
    /// Every failing control, worst first, and the first few for the executive summary.
    var hasTopGaps: Bool
    var topGaps: [GapRow]
    var executiveGaps: [GapRow]
    var executiveGapCount: String
    /// The first ``criticalFindingLimit`` failing results of critical controls.
    var hasCriticalFindings: Bool
    var criticalFindingCount: String
    var criticalFindingLimit: String
    var criticalFindings: [CriticalFindingRow]
    /// The first ``executiveCriticalFindingLimit`` of them, and how many the executive summaries
    /// leave to the full report.
    var executiveCriticalFindings: [CriticalFindingRow]
    var hasMoreExecutiveCriticalFindings: Bool
    var moreExecutiveCriticalFindings: String
    var hasMoreCriticalFindings: Bool
    var moreCriticalFindings: String
    var hasRiskyIdentities: Bool
    var riskyIdentities: [RiskyIdentityRow]
    /// Covered leaf entries of every framework.
    var alignment: [AlignmentRow]
    /// Failing results by owner (``GapReport/findingsByOwner``), and how many each group lists.
    var hasOwnerGroups: Bool
    var ownerGroups: [OwnerGroupRow]
    var ownerFindingLimit: String
    /// Owners beyond the listed ones: `12 more owners with 340 findings`.
    var hasMoreOwnerGroups: Bool
    var moreOwnerGroups: String
    /// How many identities an entry lists here, and in the JSON and XML reports.
    var affectedLimit: String
    var affectedCap: String

    /// What changed since the previous run, when the run had one (`crosswalk run` with history).
    var changes: ChangesView?

    // MARK: Controls and provenance

    var controls: [ControlSection]
    /// How many results that are not passes a control section lists.
    var findingLimit: String
    var catalogs: [CatalogRow]
    var inputs: [InputRow]
    var hasWarnings: Bool
    var warnings: [String]
    /// The waiver audit, when a waivers file was given: every waiver with its state, and a
    /// one-line count (`3 waivers: 1 matched (4 accepted results), 1 expired, 1 invalid`).
    var hasWaivers: Bool
    var waivers: [WaiverRow]
    var waiverSummary: String

    // MARK: HTML only (SVG and CSS built in Swift; written with {{{…}}})

    var reportStylesheet: String?
    var reportStyleHash: String?
    var executiveStylesheet: String?
    var executiveStyleHash: String?
    var scoreChart: String?
    var executiveScoreChart: String?
    var statusChart: String?
    var heatMap: String?
    var riskChart: String?
    /// The full report's inline script (filters, opening sections to print) and its
    /// `script-src` hash.
    var reportScript: String?
    var reportScriptHash: String?

    /// The view of `report`; `page` adds the HTML pages' stylesheets and charts.
    init(_ report: GapReport, page: HTMLPageAssets? = nil) {
        let metadata = report.metadata
        let summary = report.inventorySummary
        organization = metadata.organization ?? "Unnamed organisation"
        generatedAt = metadata.generatedAt.iso8601
        generatedOn = ReportText.readable(metadata.generatedAt)
        generatedDay = String(generatedOn.prefix { $0 != "," })
        toolVersion = metadata.toolVersion
        identityCount = String(summary.identityCount)
        agentCount = String(summary.agentCount)
        credentialCount = String(summary.credentialCount)
        platformCount = String(summary.platforms.count)
        identityPhrase = ReportText.counted(summary.identityCount, "identity", "identities")
        nonHumanIdentityPhrase = ReportText.counted(summary.identityCount, "non-human identity", "non-human identities")
        agentPhrase = ReportText.counted(summary.agentCount, "AI agent", "AI agents")
        credentialPhrase = ReportText.counted(summary.credentialCount, "credential", "credentials")
        platformPhrase = ReportText.counted(summary.platforms.count, "platform", "platforms")
        platforms = summary.platforms.joined(separator: ", ")
        controlCount = String(report.evaluation.outcomes.count)
        frameworkCount = String(report.frameworks.count)
        fullReportMarkdown = ReportDocument.markdownReport.fileName
        fullReportHTML = ReportDocument.htmlReport.fileName
        fullData = Self.fullData

        overall = OverallView(report.overall)
        frameworks = report.frameworks.map { FrameworkRow($0, withChart: page != nil) }
        keyFigures = KeyFigureRow.rows(report.keyFigures)
        hasTopGaps = !report.topGaps.isEmpty
        topGaps = report.topGaps.map { GapRow($0, library: report.library) }
        executiveGaps = Array(topGaps.prefix(GapRanking.executiveCount))
        executiveGapCount = String(executiveGaps.count)
        let critical = report.criticalFindings
        let listed = critical.prefix(Self.criticalFindingLimit)
        hasCriticalFindings = !critical.isEmpty
        criticalFindingCount = String(critical.count)
        criticalFindingLimit = String(Self.criticalFindingLimit)
        criticalFindings = listed.map(CriticalFindingRow.init)
        hasMoreCriticalFindings = critical.count > listed.count
        moreCriticalFindings = String(critical.count - listed.count)
        executiveCriticalFindings = Array(criticalFindings.prefix(Self.executiveCriticalFindingLimit))
        hasMoreExecutiveCriticalFindings = critical.count > executiveCriticalFindings.count
        moreExecutiveCriticalFindings = String(critical.count - executiveCriticalFindings.count)
        hasRiskyIdentities = !report.riskiestIdentities.isEmpty
        riskyIdentities = report.riskiestIdentities.enumerated().map { RiskyIdentityRow($1, rank: $0 + 1) }
        alignment = AlignmentRow.rows(report.frameworks)
        changes = report.changes.map { ChangesView($0, frameworks: report.frameworks, withChart: page != nil) }

        hasOwnerGroups = !report.findingsByOwner.isEmpty
        ownerGroups = report.findingsByOwner.map(OwnerGroupRow.init)
        ownerFindingLimit = String(OwnerFindings.displayLimit)
        hasMoreOwnerGroups = report.ownersNotListed > 0
        moreOwnerGroups =
            ReportText.counted(report.ownersNotListed, "more owner", "more owners") + " with "
            + ReportText.counted(report.ownerFindingsNotListed, "finding", "findings")
        affectedLimit = String(AffectedIdentityList.displayLimit)
        affectedCap = CountText.grouped(AffectedIdentityList.cap)

        let inventory = report.evaluation.identities
        controls = report.evaluation.outcomes.map {
            ControlSection($0, library: report.library) { subject in OwnerName.of(subject, in: inventory) }
        }
        findingLimit = String(ControlSection.findingLimit)
        catalogs = report.library.catalogs.map(CatalogRow.init)
        inputs = metadata.inputs.map(InputRow.init)
        hasWarnings = !report.warnings.isEmpty
        warnings = report.warnings.map(\.description)
        hasWaivers = report.waiverAudit != nil
        waivers = report.waiverAudit?.entries.map(WaiverRow.init) ?? []
        waiverSummary = report.waiverAudit.map(Self.waiverSummary) ?? ""

        reportStylesheet = page?.reportStylesheet.text
        reportStyleHash = page?.reportStylesheet.hashSource
        executiveStylesheet = page?.executiveStylesheet.text
        executiveStyleHash = page?.executiveStylesheet.hashSource
        scoreChart = page?.scoreChart
        executiveScoreChart = page?.executiveScoreChart
        statusChart = page?.statusChart
        heatMap = page?.heatMap
        riskChart = page?.riskChart
        reportScript = page?.reportScript.text
        reportScriptHash = page?.reportScript.hashSource
    }
}

extension ReportView {
    /// `3 waivers: 1 matched (4 accepted results), 1 expired, 1 invalid`.
    static func waiverSummary(_ audit: WaiverAudit) -> String {
        let accepted = audit.entries.reduce(0) { $0 + $1.matchCount }
        let parts = WaiverAuditState.allCases.compactMap { state -> String? in
            let count = audit.count(state)
            guard count > 0 else { return nil }
            return "\(CountText.grouped(count)) \(state.phrase)"
        }
        return ReportText.counted(audit.entries.count, "waiver", "waivers") + (parts.isEmpty ? "" : ": ")
            + parts.joined(separator: ", ") + "; "
            + ReportText.counted(accepted, "result accepted", "results accepted")
    }
}

extension ReportView: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "organization": organization
        case "generatedAt": generatedAt
        case "generatedOn": generatedOn
        case "generatedDay": generatedDay
        case "toolVersion": toolVersion
        case "identityCount": identityCount
        case "agentCount": agentCount
        case "identityPhrase": identityPhrase
        case "nonHumanIdentityPhrase": nonHumanIdentityPhrase
        case "agentPhrase": agentPhrase
        case "credentialPhrase": credentialPhrase
        case "platformPhrase": platformPhrase
        case "credentialCount": credentialCount
        case "platformCount": platformCount
        case "platforms": platforms
        case "controlCount": controlCount
        case "frameworkCount": frameworkCount
        case "fullReportMarkdown": fullReportMarkdown
        case "fullReportHTML": fullReportHTML
        case "fullData": fullData
        case "overall": overall
        case "frameworks": frameworks
        case "keyFigures": keyFigures
        case "hasTopGaps": hasTopGaps
        case "topGaps": topGaps
        case "executiveGaps": executiveGaps
        case "executiveGapCount": executiveGapCount
        case "hasCriticalFindings": hasCriticalFindings
        case "criticalFindingCount": criticalFindingCount
        case "criticalFindingLimit": criticalFindingLimit
        case "criticalFindings": criticalFindings
        case "executiveCriticalFindings": executiveCriticalFindings
        case "hasMoreExecutiveCriticalFindings": hasMoreExecutiveCriticalFindings
        case "moreExecutiveCriticalFindings": moreExecutiveCriticalFindings
        case "hasMoreCriticalFindings": hasMoreCriticalFindings
        case "moreCriticalFindings": moreCriticalFindings
        case "hasRiskyIdentities": hasRiskyIdentities
        case "riskyIdentities": riskyIdentities
        case "alignment": alignment
        case "hasOwnerGroups": hasOwnerGroups
        case "ownerGroups": ownerGroups
        case "ownerFindingLimit": ownerFindingLimit
        case "hasMoreOwnerGroups": hasMoreOwnerGroups
        case "moreOwnerGroups": moreOwnerGroups
        case "affectedLimit": affectedLimit
        case "affectedCap": affectedCap
        case "changes": changes
        case "controls": controls
        case "findingLimit": findingLimit
        case "catalogs": catalogs
        case "inputs": inputs
        case "hasWarnings": hasWarnings
        case "warnings": warnings
        case "hasWaivers": hasWaivers
        case "waivers": waivers
        case "waiverSummary": waiverSummary
        case "reportStylesheet": reportStylesheet
        case "reportStyleHash": reportStyleHash
        case "executiveStylesheet": executiveStylesheet
        case "executiveStyleHash": executiveStyleHash
        case "scoreChart": scoreChart
        case "executiveScoreChart": executiveScoreChart
        case "statusChart": statusChart
        case "heatMap": heatMap
        case "riskChart": riskChart
        case "reportScript": reportScript
        case "reportScriptHash": reportScriptHash
        default: nil
        }
    }
}
