import Mustache

/// The "since the previous run" part of the human reports (key `changes`, present only when the
/// run had a previous run to compare with): counts of new, resolved and returning failures, the
/// first few of each, score changes per framework, mean time to resolve and the trend.
struct ChangesView: TemplateView {
    /// How many findings each list shows; the JSON and XML reports keep ``RunChanges/listLimit``.
    static let listLimit = 10

    /// The previous run's date in words and its id.
    var previousRunOn: String
    var previousRunID: String
    /// `3 new failures, 2 resolved, 1 returned`.
    var summary: String
    var newFailureCount: String
    var resolvedCount: String
    var regressionCount: String
    var unchangedCount: String
    var hasNewFailures: Bool
    var newFailures: [ChangedFindingRow]
    /// How many new failures the list leaves out, e.g. `12`; empty when none.
    var moreNewFailures: String
    var hasResolved: Bool
    var resolved: [ChangedFindingRow]
    var moreResolved: String
    var hasRegressions: Bool
    var regressions: [ChangedFindingRow]
    var moreRegressions: String
    var scoreChanges: [ScoreChangeRow]
    var hasResolutionTimes: Bool
    var resolutionTimes: [ResolutionTimeRow]
    /// The trend as a table: the frameworks' names as columns, one row per run, oldest first.
    var trendColumns: [String]
    var trendRows: [TrendRow]
    /// The trend as an SVG line chart (HTML only).
    var trendChart: String?

    /// The view of `changes` for the reported `frameworks` (score changes of other catalogs are
    /// left out); `withChart` draws the trend for HTML.
    init(_ changes: RunChanges, frameworks: [FrameworkAssessment], withChart: Bool) {
        previousRunOn = ReportText.readable(changes.previous.generatedAt)
        previousRunID = changes.previous.id
        summary = [
            ReportText.counted(changes.newFailureCount, "new failure", "new failures"),
            "\(ReportText.number(changes.resolvedCount)) resolved",
            "\(ReportText.number(changes.regressionCount)) returned",
        ].joined(separator: ", ")
        newFailureCount = ReportText.number(changes.newFailureCount)
        resolvedCount = ReportText.number(changes.resolvedCount)
        regressionCount = ReportText.number(changes.regressionCount)
        unchangedCount = ReportText.number(changes.unchangedCount)
        (hasNewFailures, newFailures, moreNewFailures) = Self.list(changes.newFailures, total: changes.newFailureCount)
        (hasResolved, resolved, moreResolved) = Self.list(changes.resolvedFailures, total: changes.resolvedCount)
        (hasRegressions, regressions, moreRegressions) = Self.list(
            changes.regressions,
            total: changes.regressionCount
        )
        let names = Dictionary(
            frameworks.map { ($0.catalog.id, $0.catalog.shortTitle) },
            uniquingKeysWith: { first, _ in first }
        )
        scoreChanges = changes.scoreChanges.compactMap { change in
            names[change.catalogID].map { ScoreChangeRow(change, name: $0) }
        }
        for index in scoreChanges.indices.dropLast() { scoreChanges[index].separator = "; " }
        resolutionTimes = changes.meanTimeToResolve.map(ResolutionTimeRow.init)
        hasResolutionTimes = !resolutionTimes.isEmpty
        let catalogIDs = frameworks.map(\.catalog.id)
        trendColumns = catalogIDs.map { names[$0] ?? $0 }
        trendRows = changes.trend.map { TrendRow($0, catalogIDs: catalogIDs) }
        trendChart = withChart ? HTMLTrendChart.svg(changes.trend, catalogIDs: catalogIDs, names: names) : nil
    }

    private static func list(_ findings: [ChangedFinding], total: Int) -> (Bool, [ChangedFindingRow], String) {
        let shown = findings.prefix(listLimit).map(ChangedFindingRow.init)
        let more = total - shown.count
        return (total > 0, shown, more > 0 ? ReportText.number(more) : "")
    }
}

extension ChangesView: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "previousRunOn": previousRunOn
        case "previousRunID": previousRunID
        case "summary": summary
        case "newFailureCount": newFailureCount
        case "resolvedCount": resolvedCount
        case "regressionCount": regressionCount
        case "unchangedCount": unchangedCount
        case "hasNewFailures": hasNewFailures
        case "newFailures": newFailures
        case "moreNewFailures": moreNewFailures
        case "hasResolved": hasResolved
        case "resolved": resolved
        case "moreResolved": moreResolved
        case "hasRegressions": hasRegressions
        case "regressions": regressions
        case "moreRegressions": moreRegressions
        case "scoreChanges": scoreChanges
        case "hasResolutionTimes": hasResolutionTimes
        case "resolutionTimes": resolutionTimes
        case "trendColumns": trendColumns
        case "trendRows": trendRows
        case "trendChart": trendChart
        default: nil
        }
    }
}
