import Mustache

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
    /// The critical note in plain words for the executive summaries, without control ids:
    /// `2 critical controls fail, so the overall posture cannot read Strong until they pass.`
    var plainCriticalNote: String

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
        let critical = overall.criticalGaps.count
        plainCriticalNote =
            critical == 0
            ? ""
            : critical == 1
                ? "A critical control fails, so the overall posture cannot read Strong until it passes."
                : "\(critical) critical controls fail, so the overall posture cannot read Strong until they pass."
    }
}

extension OverallView: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "score": score
        case "posture": posture
        case "criticalNote": criticalNote
        case "plainCriticalNote": plainCriticalNote
        case "frameworks": frameworks
        case "scoredFrameworks": scoredFrameworks
        case "coverage": coverage
        case "coverageDetail": coverageDetail
        case "satisfied": satisfied
        case "partiallyEvidenced": partiallyEvidenced
        case "gapsFound": gapsFound
        case "notAssessed": notAssessed
        case "notApplicable": notApplicable
        case "notCovered": notCovered
        default: nil
        }
    }
}
