import CrosswalkCore

/// Counts as the command line prints them: thousands separators and the right plural, so a run
/// over one identity says "1 identity" and a run over a million says "1,000,000 identities".
enum Counted {
    /// `1234567` → `1,234,567`.
    static func number(_ value: Int) -> String { CountText.grouped(value) }

    /// `count` with its noun: `1 identity`, `2 identities`, `12,000 controls`.
    static func phrase(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(number(count)) \(count == 1 ? singular : plural)"
    }
}
