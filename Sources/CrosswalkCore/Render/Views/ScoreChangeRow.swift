import Mustache

/// A framework's score now and at the previous run (key `scoreChanges` of a ``ChangesView``).
struct ScoreChangeRow: TemplateView {
    var framework: String
    /// Whole percents, or `—` when the framework had no score then.
    var previous: String
    var current: String
    /// `+3 points`, `−2 points`, `no change`, or `—` when either score is missing.
    var change: String
    /// `up`, `down` or `same` (a CSS class), empty when either score is missing.
    var direction: String
    /// `; ` between rows, nothing after the last (for rows written on one line).
    var separator = ""

    init(_ change: FrameworkScoreChange, name: String) {
        framework = name
        previous = change.previous.map(FrameworkScore.percentText) ?? "—"
        current = change.current.map(FrameworkScore.percentText) ?? "—"
        guard let points = change.pointChange else {
            self.change = "—"
            direction = ""
            return
        }
        // Whole points, as the percents beside them are whole.
        let whole = Int(points.rounded())
        switch whole {
        case 0:
            self.change = "no change"
            direction = "same"
        case 1...:
            self.change = "+\(whole) \(whole == 1 ? "point" : "points")"
            direction = "up"
        default:
            self.change = "−\(-whole) \(whole == -1 ? "point" : "points")"
            direction = "down"
        }
    }
}

extension ScoreChangeRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "framework": framework
        case "previous": previous
        case "current": current
        case "change": change
        case "direction": direction
        case "separator": separator
        default: nil
        }
    }
}

/// Mean time to resolve one severity's findings (key `resolutionTimes` of a ``ChangesView``).
struct ResolutionTimeRow: TemplateView {
    var severity: String
    var severityClass: String
    /// `4 findings`.
    var resolved: String
    /// `3.5 days`.
    var meanTime: String

    init(_ time: ResolutionTime) {
        let severity = StatusPresentation.of(time.severity)
        self.severity = severity.label
        severityClass = severity.cssClass
        resolved = ReportText.counted(time.resolvedCount, "finding", "findings")
        let days = HTMLSVGWriter.number(time.meanDays)
        meanTime = "\(days) \(days == "1" ? "day" : "days")"
    }
}

extension ResolutionTimeRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "severity": severity
        case "severityClass": severityClass
        case "resolved": resolved
        case "meanTime": meanTime
        default: nil
        }
    }
}

/// One run of the trend table (key `trendRows` of a ``ChangesView``).
struct TrendRow: TemplateView {
    /// The run's day: `1 November 2026`.
    var day: String
    /// One whole percent per framework, in the columns' order; `—` where it had no score.
    var scores: [String]

    init(_ point: TrendPoint, catalogIDs: [String]) {
        day = ReportText.readableDay(point.run.generatedAt)
        scores = catalogIDs.map { point.scores[$0].map(FrameworkScore.percentText) ?? "—" }
    }
}

extension TrendRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "day": day
        case "scores": scores
        default: nil
        }
    }
}
