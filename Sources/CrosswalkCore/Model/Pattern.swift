/// Glob matching for permission, action, role and tool patterns: `*` matches any run of
/// characters (including none); every other character matches itself, case-sensitively.
public enum Pattern {
    /// Whether `pattern` matches the literal `text`.
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        guard bytes(of: pattern).hasStar else { return pattern == text }
        var pattern = pattern
        var text = text
        return pattern.withUTF8 { pattern in text.withUTF8 { text in matches(pattern, text) } }
    }

    /// `*` matching on UTF-8 bytes; `*` is ASCII, so it never splits a multi-byte character.
    private static func matches(_ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let star = UInt8(ascii: "*")
        var patternIndex = 0
        var textIndex = 0
        var starIndex = -1
        var resumeIndex = 0
        while textIndex < text.count {
            if patternIndex < pattern.count, pattern[patternIndex] != star, pattern[patternIndex] == text[textIndex] {
                patternIndex += 1
                textIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == star {
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
        while patternIndex < pattern.count, pattern[patternIndex] == star { patternIndex += 1 }
        return patternIndex == pattern.count
    }

    public static func anyMatches(_ patterns: [String], _ text: String) -> Bool {
        patterns.contains { matches($0, text) }
    }

    /// Whether everything `inner` can match is also matched by `outer`.
    ///
    /// Exact for literal `inner`; for wildcard `inner`, `outer` must be a prefix pattern (`abc*`)
    /// whose prefix starts `inner`'s literal prefix, or `*` itself. Conservative: may answer false
    /// for exotic pattern pairs that do in fact nest.
    public static func covers(_ outer: String, _ inner: String) -> Bool {
        let outerBytes = bytes(of: outer)
        let innerBytes = bytes(of: inner)
        guard outerBytes.isASCII, innerBytes.isASCII else { return coversByCharacter(outer, inner) }
        // ASCII patterns (permissions and tool names, millions of comparisons at scale) compare
        // byte by byte, with the same rules.
        let star = UInt8(ascii: "*")
        guard innerBytes.hasStar else { return outerBytes.hasStar ? matches(outer, inner) : outer == inner }
        if outer == "*" || outer == inner { return true }
        let outerPrefix = outer.utf8.dropLast()
        guard outer.utf8.last == star, !outerPrefix.contains(star) else { return false }
        return inner.utf8.prefix { $0 != star }.starts(with: outerPrefix)
    }

    /// Whether `text` is ASCII and whether it holds a `*`, read in one pass over its bytes
    /// (patterns are checked millions of times at scale).
    private static func bytes(of text: String) -> (isASCII: Bool, hasStar: Bool) {
        func scan(_ bytes: some Sequence<UInt8>) -> (isASCII: Bool, hasStar: Bool) {
            var combined: UInt8 = 0
            var hasStar = false
            for byte in bytes {
                combined |= byte
                if byte == UInt8(ascii: "*") { hasStar = true }
            }
            return (combined < 0x80, hasStar)
        }
        return text.utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(text.utf8)
    }

    /// ``covers(_:_:)`` by `Character`, as String compares text (canonical equivalence).
    private static func coversByCharacter(_ outer: String, _ inner: String) -> Bool {
        guard inner.contains("*") else { return matches(outer, inner) }
        if outer == "*" { return true }
        if outer == inner { return true }
        guard outer.hasSuffix("*"), !outer.dropLast().contains("*") else { return false }
        let outerPrefix = outer.dropLast()
        let innerPrefix = inner.prefix { $0 != "*" }
        return innerPrefix.hasPrefix(outerPrefix)
    }
}
