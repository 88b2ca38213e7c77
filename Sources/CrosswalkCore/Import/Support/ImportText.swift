/// Free text from an export (names, descriptions, tag values) as Crosswalk keeps it: anything that
/// looks like credential material is redacted, so a secret pasted into a description never
/// reaches a report or a log.
enum ImportText {
    static func screened(_ text: String) -> String {
        SecretScreen.redacting(text)
    }

    /// Whether the text holds something shaped like a credential (it would be redacted).
    static func looksSecret(_ text: String) -> Bool {
        SecretScreen.containsSecret(text)
    }
}
