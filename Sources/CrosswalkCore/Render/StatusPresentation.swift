/// How reports show a status or a severity, in one table: the label Markdown and HTML print
/// (`✓ Satisfied`), its symbol and words, the CSS class HTML styles it with (colour lives in the
/// stylesheet), and what the SVG charts draw (a plain symbol, since emoji fonts are not guaranteed
/// in SVG text, and the colours they fall back to when a replaced stylesheet does not style them).
///
/// Views take every one of these from the typed status, never from a label: renaming a label
/// cannot change a class.
struct StatusPresentation: Sendable, Equatable {
    /// What starts the label: `✓`, `◐`, `—`; empty for a severity, whose label is its word. Every
    /// symbol is a plain text character that DejaVu Sans draws (never an emoji), so reports read the
    /// same on a machine without an emoji font, on screen, in print and in a Markdown viewer.
    var symbol: String
    /// The word or words a reader sees: `No gaps, partly evidenced`.
    var word: String
    /// CSS class, e.g. `st-gaps-found` or `sev-high`.
    var cssClass: String
    /// Plain-text symbol for charts: `✓`, `✗`, `▲`.
    var chartSymbol: String
    /// Fill colour for charts.
    var fill: String
    /// Text colour that reads on ``fill``.
    var ink: String

    /// The label reports print: `✓ Satisfied`; a severity's is its word, `High`.
    var label: String { symbol.isEmpty ? word : symbol + " " + word }

    /// The value HTML rows carry in `data-status` or `data-severity` for the page's filter:
    /// the CSS class without its prefix, `gaps-found`, `fail`, `critical`.
    var filterKey: String {
        for prefix in ["st-", "sev-"] where cssClass.hasPrefix(prefix) {
            return String(cssClass.dropFirst(prefix.count))
        }
        return cssClass
    }

    static func of(_ status: EntryStatus) -> Self {
        switch status {
        case .satisfied: return Self("✓", "Satisfied", "st-satisfied", "✓", "#2e7d32", "#ffffff")
        case .partiallyEvidenced:
            return Self("◐", "No gaps, partly evidenced", "st-partially-evidenced", "◐", "#f2b233", "#1f1f1f")
        case .gapsFound: return Self("✗", "Gaps found", "st-gaps-found", "✗", "#c62828", "#ffffff")
        case .notAssessed: return Self("?", "Not assessed", "st-not-assessed", "?", "#78909c", "#ffffff")
        case .notApplicable: return Self("—", "Not applicable", "st-not-applicable", "—", "#b0bec5", "#1f1f1f")
        case .notCovered: return Self("○", "Not covered", "st-not-covered", "○", "#dde3e8", "#1f1f1f")
        }
    }

    static func of(_ status: ResultStatus) -> Self {
        switch status {
        case .pass: return Self("✓", "Pass", "st-pass", "✓", "#2e7d32", "#ffffff")
        case .fail: return Self("✗", "Fail", "st-fail", "✗", "#c62828", "#ffffff")
        case .error: return Self("!", "Error", "st-error", "!", "#d84315", "#ffffff")
        case .notAssessed: return Self("?", "Not assessed", "st-not-assessed", "?", "#546e7a", "#ffffff")
        case .accepted: return Self("☑", "Accepted", "st-accepted", "☑", "#5e35b1", "#ffffff")
        case .notApplicable: return Self("—", "Not applicable", "st-not-applicable", "—", "#dde3e8", "#1f1f1f")
        }
    }

    /// A control's status is shown as the result status of the same name.
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
        case .critical: return Self("", "Critical", "sev-critical", "▲", "#8e0000", "#ffffff")
        case .high: return Self("", "High", "sev-high", "▲", "#c62828", "#ffffff")
        case .medium: return Self("", "Medium", "sev-medium", "■", "#f2b233", "#1f1f1f")
        case .low: return Self("", "Low", "sev-low", "▼", "#78909c", "#ffffff")
        }
    }

    /// The CSS class of a framework's posture: `posture-strong`, …, `posture-none` without a score.
    static func postureClass(_ posture: Posture?) -> String {
        switch posture {
        case .strong: return "posture-strong"
        case .mixed: return "posture-mixed"
        case .weak: return "posture-weak"
        case nil: return "posture-none"
        }
    }

    private init(
        _ symbol: String,
        _ word: String,
        _ cssClass: String,
        _ chartSymbol: String,
        _ fill: String,
        _ ink: String
    ) {
        self.symbol = symbol
        self.word = word
        self.cssClass = cssClass
        self.chartSymbol = chartSymbol
        self.fill = fill
        self.ink = ink
    }
}
