extension Diagnostic {
    /// The longest excerpt of an input value a message may quote, in characters.
    public static let quoteLimit = 60

    /// An input value (a key, an id, a reference, a term) as a message may quote it: in single
    /// quotes, with anything that looks like a credential redacted and long values cut to
    /// ``quoteLimit`` characters with `…`.
    public static func quoted(_ value: String) -> String {
        let screened = SecretScreen.redacting(value)
        guard screened.count > quoteLimit else { return "'\(screened)'" }
        return "'\(screened.prefix(quoteLimit - 1))…'"
    }
}
