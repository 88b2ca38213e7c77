/// What only the HTML pages need beside the report's facts: the stylesheets and the full report's
/// script with their Content-Security-Policy hashes, and the charts. Every one is text built and escaped in Swift
/// (``HTMLStylesheet``, ``HTMLCharts``), which the templates write unescaped with `{{{…}}}`.
struct HTMLPageAssets: Sendable {
    var reportStylesheet: HTMLStylesheet
    var executiveStylesheet: HTMLStylesheet
    /// Score and coverage per framework, full and compact.
    var scoreChart: String
    var executiveScoreChart: String
    /// Entry statuses per framework, as stacked bars.
    var statusChart: String
    /// Results per control.
    var heatMap: String
    /// Risk scores of the riskiest identities.
    var riskChart: String
    /// The full report's inline script, allowed by its hash.
    var reportScript: HTMLReportScript

    /// Renders the stylesheets from `templates` and draws the charts of `report`.
    init(report: GapReport, templates: ReportTemplates) throws {
        reportStylesheet = try HTMLStylesheet(templates: templates, name: "report.css")
        executiveStylesheet = try HTMLStylesheet(templates: templates, name: "executive-summary.css")
        scoreChart = HTMLCharts.scoreBars(report.frameworks, id: "chart-scores")
        executiveScoreChart = HTMLCharts.scoreBars(report.frameworks, compact: true, id: "chart-scores")
        statusChart = HTMLCharts.statusBreakdown(report.frameworks, id: "chart-status")
        heatMap = HTMLCharts.resultHeatMap(report.evaluation.outcomes, id: "chart-results")
        riskChart = HTMLCharts.riskiestIdentities(report.riskiestIdentities, id: "chart-risk")
        reportScript = HTMLReportScript()
    }
}
