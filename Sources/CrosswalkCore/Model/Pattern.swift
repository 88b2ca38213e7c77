/// Glob matching for permission, action, role and tool patterns: `*` matches any run of
/// characters (including none); every other character matches itself, case-sensitively.
public enum Pattern {
    /// Whether `pattern` matches the literal `text`.
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        if !pattern.contains("*") { return pattern == text }
        let pattern = Array(pattern.utf8)
        let text = Array(text.utf8)
        var patternIndex = 0
        var textIndex = 0
        var starIndex = -1
        var resumeIndex = 0
        while textIndex < text.count {
            if patternIndex < pattern.count, pattern[patternIndex] != UInt8(ascii: "*"),
                pattern[patternIndex] == text[textIndex]
            {
                patternIndex += 1
                textIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == UInt8(ascii: "*") {
                starIndex = patternIndex
                resumeIndex = textIndex
                patternIndex += 1
            } else if starIndex >= 0 {
                patternIndex = starIndex + 1
                resumeIndex += 1
                textIndex = resumeIndex
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == UInt8(ascii: "*") { patternIndex += 1 }
        return patternIndex == pattern.count
    }

    /// Whether any of `patterns` matches `text`.
    public static func anyMatches(_ patterns: [String], _ text: String) -> Bool {
        patterns.contains { matches($0, text) }
    }

    /// Whether everything `inner` can match is also matched by `outer`.
    ///
    /// Exact for literal `inner`; for wildcard `inner`, `outer` must be a prefix pattern (`abc*`)
    /// whose prefix starts `inner`'s literal prefix, or `*` itself. Conservative: may answer false
    /// for exotic pattern pairs that do in fact nest.
    public static func covers(_ outer: String, _ inner: String) -> Bool {
        guard inner.contains("*") else { return matches(outer, inner) }
        if outer == "*" { return true }
        if outer == inner { return true }
        guard outer.hasSuffix("*"), !outer.dropLast().contains("*") else { return false }
        let outerPrefix = outer.dropLast()
        let innerPrefix = inner.prefix { $0 != "*" }
        return innerPrefix.hasPrefix(outerPrefix)
    }
}
