import Mustache

/// One framework: its row in the score tables and its own section (key `frameworks`).
struct FrameworkRow: TemplateView {
    /// The catalog id.
    var id: String
    var title: String
    var shortTitle: String
    var version: String
    /// The catalog's licence, or `not stated`.
    var license: String
    /// Its first source URL, or where it was loaded from.
    var source: String
    /// The section's anchor in the HTML page.
    var anchor: String
    /// `81%`, or `n/a` without a live mapping.
    var score: String
    /// `478.58 of 591.00`, or `no live mapping`.
    var scoreDetail: String
    var hasScore: Bool
    /// `Strong`, `Mixed`, `Weak` or `No score`.
    var posture: String
    var postureClass: String
    /// Where the organisation stands, in one sentence.
    var postureSentence: String
    /// Covered leaf entries: `100%`, and `10 of 10`.
    var coverage: String
    var coverageDetail: String
    /// Leaf entries per status.
    var satisfied: String
    var partiallyEvidenced: String
    var gapsFound: String
    var notAssessed: String
    var notApplicable: String
    var notCovered: String
    /// Every entry, groups and leaves, in catalog order.
    var entries: [EntryRow]
    /// Whether any entry lists the identities behind its gaps.
    var hasAffectedIdentities: Bool
    /// Whether some entry (a leaf or a whole group) is not covered by any control.
    var hasNotCovered: Bool
    /// The framework's stacked status bar (SVG, HTML only; absent in Markdown).
    var statusChart: String?

    init(_ assessment: FrameworkAssessment, withChart: Bool) {
        let catalog = assessment.catalog
        let score = assessment.score
        let posture = score?.posture
        id = catalog.id
        title = catalog.title
        shortTitle = catalog.shortTitle
        version = catalog.version
        license = catalog.license ?? "not stated"
        source = catalog.sourceURLs.first ?? catalog.origin
        anchor = HTMLEscaping.anchor("framework", catalog.id)
        self.score = score?.percentText ?? "n/a"
        scoreDetail =
            score.map { "\(FrameworkScore.twoDecimals($0.earned)) of \(FrameworkScore.twoDecimals($0.possible))" }
            ?? "no live mapping"
        hasScore = score != nil
        self.posture = posture?.rawValue ?? "No score"
        postureClass = StatusPresentation.postureClass(posture)
        postureSentence = ReportText.postureSentence(assessment)
        coverage = assessment.coverage.percentText
        coverageDetail = ReportText.fraction(assessment.coverage)
        satisfied = String(assessment.count(.satisfied))
        partiallyEvidenced = String(assessment.count(.partiallyEvidenced))
        gapsFound = String(assessment.count(.gapsFound))
        notAssessed = String(assessment.count(.notAssessed))
        notApplicable = String(assessment.count(.notApplicable))
        notCovered = String(assessment.count(.notCovered))
        entries = assessment.entries.map { EntryRow($0, catalog: catalog) }
        hasAffectedIdentities = entries.contains(where: \.hasAffectedIdentities)
        hasNotCovered = entries.contains { $0.isNotCovered }
        statusChart =
            withChart
            ? HTMLCharts.statusBreakdown([assessment], id: HTMLEscaping.anchor("chart-status", catalog.id)) : nil
    }
}

extension FrameworkRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "title": title
        case "shortTitle": shortTitle
        case "version": version
        case "license": license
        case "source": source
        case "anchor": anchor
        case "score": score
        case "scoreDetail": scoreDetail
        case "hasScore": hasScore
        case "posture": posture
        case "postureClass": postureClass
        case "postureSentence": postureSentence
        case "coverage": coverage
        case "coverageDetail": coverageDetail
        case "satisfied": satisfied
        case "partiallyEvidenced": partiallyEvidenced
        case "gapsFound": gapsFound
        case "notAssessed": notAssessed
        case "notApplicable": notApplicable
        case "notCovered": notCovered
        case "entries": entries
        case "hasAffectedIdentities": hasAffectedIdentities
        case "hasNotCovered": hasNotCovered
        case "statusChart": statusChart
        default: nil
        }
    }
}
