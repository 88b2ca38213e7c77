/// Remembers which unknown values have been reported, so each distinct value gets one warning
/// however many records carry it.
struct AzureDistinctWarnings {
    private var seen: Set<String> = []

    /// Logs the warning unless one with the same `key` was logged before.
    mutating func warnOnce(
        _ key: String,
        _ file: String,
        at location: SourceLocation?,
        keyPath: String?,
        _ message: String,
        log: inout ImportLog
    ) {
        guard seen.insert(key).inserted else { return }
        log.warning(file, at: location, keyPath: keyPath, message)
    }
}
