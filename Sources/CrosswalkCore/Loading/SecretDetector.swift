/// Recognises text that looks like credential material, so a secret pasted into a name, owner or
/// tag is redacted at load time instead of reaching a report.
///
/// Matches well-known token shapes (AWS access key ids, GitHub, Slack, Stripe, OpenAI-style and
/// Google API keys, JWTs, PEM private keys). It is a safety net, not a scanner: the dropped-key
/// rule in ``SecretKeys`` is the primary defence.
enum SecretDetector {
    static let redaction = "[redacted: looked like a credential]"

    private static let prefixes: [(prefix: String, minimumLength: Int)] = [
        ("AKIA", 20), ("ASIA", 20), ("ghp_", 36), ("gho_", 36), ("ghs_", 36), ("ghu_", 36), ("github_pat_", 40),
        ("xoxb-", 20), ("xoxp-", 20), ("xoxa-", 20), ("sk_live_", 20), ("rk_live_", 20), ("sk-", 24), ("AIza", 39),
        ("glpat-", 20),
    ]

    /// Whether any whitespace-separated word of `text` looks like a credential.
    static func containsSecret(_ text: String) -> Bool {
        // Every shape recognised is at least 20 characters long; most names and tags are shorter.
        guard text.utf8.count >= 20 else { return false }
        if text.contains("-----BEGIN") && text.contains("PRIVATE KEY") { return true }
        for word in text.split(whereSeparator: {
            $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "=" || $0 == ":" || $0 == "\"" || $0 == "'"
        }) {
            for (prefix, minimumLength) in prefixes where word.hasPrefix(prefix) && word.count >= minimumLength {
                if word.dropFirst(prefix.count).allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
                    return true
                }
            }
            if word.hasPrefix("eyJ"), word.split(separator: ".").count == 3, word.count >= 40 { return true }
        }
        return false
    }
}
