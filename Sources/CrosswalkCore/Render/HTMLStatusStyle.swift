/// How the HTML report shows a status or severity: a CSS class (colour lives in the stylesheet),
/// a symbol and a word (so nothing depends on colour alone), and the colours charts fall back to
/// when a replaced stylesheet does not style them.
struct HTMLStatusStyle: Sendable {
    /// CSS class, e.g. `st-gaps-found`.
    var cssClass: String
    /// Plain-text symbol for charts (emoji fonts are not guaranteed in SVG text).
    var symbol: String
    /// The word or words a reader sees.
    var word: String
    /// Fill colour for charts.
    var fill: String
    /// Text colour that reads on `fill`.
    var ink: String

    static func of(_ status: EntryStatus) -> Self {
        switch status {
        case .satisfied: return Self("st-satisfied", "✓", "Satisfied", "#2e7d32", "#ffffff")
        case .partiallyEvidenced:
            return Self("st-partially-evidenced", "◐", "No gaps, partly evidenced", "#f2b233", "#1f1f1f")
        case .gapsFound: return Self("st-gaps-found", "✗", "Gaps found", "#c62828", "#ffffff")
        case .notAssessed: return Self("st-not-assessed", "?", "Not assessed", "#78909c", "#ffffff")
        case .notApplicable: return Self("st-not-applicable", "—", "Not applicable", "#b0bec5", "#1f1f1f")
        case .notCovered: return Self("st-not-covered", "○", "Not covered", "#dde3e8", "#1f1f1f")
        }
    }

    static func of(_ status: ResultStatus) -> Self {
        switch status {
        case .pass: return Self("st-pass", "✓", "Pass", "#2e7d32", "#ffffff")
        case .fail: return Self("st-fail", "✗", "Fail", "#c62828", "#ffffff")
        case .error: return Self("st-error", "!", "Error", "#d84315", "#ffffff")
        case .notAssessed: return Self("st-not-assessed", "?", "Not assessed", "#546e7a", "#ffffff")
        case .accepted: return Self("st-accepted", "☑", "Accepted", "#5e35b1", "#ffffff")
        case .notApplicable: return Self("st-not-applicable", "—", "Not applicable", "#dde3e8", "#1f1f1f")
        }
    }

    static func of(_ status: ControlStatus) -> Self {
        switch status {
        case .pass: return of(ResultStatus.pass)
        case .fail: return of(ResultStatus.fail)
        case .notAssessed: return of(ResultStatus.notAssessed)
        case .notApplicable: return of(ResultStatus.notApplicable)
        }
    }

    static func of(_ severity: Severity) -> Self {
        switch severity {
        case .critical: return Self("sev-critical", "▲", "Critical", "#8e0000", "#ffffff")
        case .high: return Self("sev-high", "▲", "High", "#c62828", "#ffffff")
        case .medium: return Self("sev-medium", "■", "Medium", "#f2b233", "#1f1f1f")
        case .low: return Self("sev-low", "▼", "Low", "#78909c", "#ffffff")
        }
    }

    /// The CSS class of a status label as the shared view model writes it (`"◐ No gaps, partly
    /// evidenced"`), or `st-unknown` for a label it does not know.
    static func cssClass(forLabel label: String) -> String {
        labelClasses[label] ?? "st-unknown"
    }

    /// The CSS class of a severity label as the shared view model writes it (`"High"`).
    static func cssClass(forSeverity label: String) -> String {
        Severity.allCases.first { ReportViewModel.severityLabel($0) == label }.map { of($0).cssClass } ?? "sev-unknown"
    }

    private static let labelClasses: [String: String] = {
        var classes: [String: String] = [:]
        for status in ResultStatus.allCases { classes[ReportViewModel.label(status)] = of(status).cssClass }
        for status in EntryStatus.allCases { classes[ReportViewModel.label(status)] = of(status).cssClass }
        for status in [ControlStatus.pass, .fail, .notAssessed, .notApplicable] {
            classes[ReportViewModel.label(status)] = of(status).cssClass
        }
        return classes
    }()

    private init(_ cssClass: String, _ symbol: String, _ word: String, _ fill: String, _ ink: String) {
        self.cssClass = cssClass
        self.symbol = symbol
        self.word = word
        self.fill = fill
        self.ink = ink
    }
}
