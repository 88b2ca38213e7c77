/// The posture across all frameworks (key `overall`).
struct OverallView: TemplateView {
    /// The mean framework score: `74%`, or `n/a`.
    var score: String
    /// `Strong`, `Mixed`, `Weak` or `No score`.
    var posture: String
    /// Why the posture cannot read Strong, or empty.
    var criticalNote: String
    /// How many frameworks are reported, and how many have a score.
    var frameworks: String
    var scoredFrameworks: String
    /// Covered leaf entries of all frameworks: `88%`, and `120 of 136`.
    var coverage: String
    var coverageDetail: String
    /// Leaf entries per status, summed over the frameworks.
    var satisfied: String
    var partiallyEvidenced: String
    var gapsFound: String
    var notAssessed: String
    var notApplicable: String
    var notCovered: String

    init(_ overall: OverallPosture) {
        score = overall.scoreText
        posture = overall.posture?.rawValue ?? "No score"
        criticalNote = ReportText.criticalGapNote(overall.criticalGaps)
        frameworks = String(overall.frameworks)
        scoredFrameworks = String(overall.scoredFrameworks)
        coverage = overall.coverage.percentText
        coverageDetail = ReportText.fraction(overall.coverage)
        satisfied = String(overall.count(.satisfied))
        partiallyEvidenced = String(overall.count(.partiallyEvidenced))
        gapsFound = String(overall.count(.gapsFound))
        notAssessed = String(overall.count(.notAssessed))
        notApplicable = String(overall.count(.notApplicable))
        notCovered = String(overall.count(.notCovered))
    }
}
