/// How a control's severity reads in SARIF: the rule's default `level` and the numeric
/// `security-severity` GitHub code scanning ranks security alerts by (over 9.0 critical, 7.0–8.9
/// high, 4.0–6.9 medium, 0.1–3.9 low).
extension Severity {
    /// `error` for critical and high, `warning` for medium, `note` for low.
    var sarifLevel: String {
        switch self {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low: return "note"
        }
    }

    /// The `security-severity` property, a number in a string: 9.5, 8.0, 5.5, 3.0.
    var sarifSecuritySeverity: String {
        switch self {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        }
    }
}
