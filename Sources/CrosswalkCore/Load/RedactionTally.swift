/// Counts the free-text values a load redacted because they looked like credentials, and turns
/// the count into the one warning per load that says so (at the first occurrence).
struct RedactionTally {
    private(set) var count = 0
    private var first: Diagnostic?

    /// `text` with credential-looking runs redacted; counted when anything was.
    mutating func screen(_ text: String, at reader: NodeReader) -> String {
        let found = SecretScreen.matches(in: text)
        guard !found.isEmpty else { return text }
        note(reader.diagnostic("", severity: .warning))
        return SecretScreen.redacting(text, at: found)
    }

    /// Counts one redaction found at `place` (a diagnostic whose message is replaced). The warning
    /// names the earliest place: loaders read sections in their own order, not the file's.
    mutating func note(_ place: Diagnostic) {
        count += 1
        guard let current = first else {
            first = place
            return
        }
        if place.file == current.file, let new = place.location, let old = current.location, new < old {
            first = place
        }
    }

    /// The warning for the whole load, or nil when nothing was redacted. `what` names the input,
    /// e.g. "the inventory".
    func warning(in what: String) -> Diagnostic? {
        guard var warning = first else { return nil }
        warning.message =
            "redacted \(count) text value(s) in \(what) that looked like credentials (this is the first); Crosswalk never stores, logs or reports credential values"
        return warning
    }
}
