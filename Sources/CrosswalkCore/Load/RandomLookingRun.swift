/// The secret screen's rule for credentials without a known shape (an AWS secret access key, a
/// random API key): a run of 32 or more base64 or hex characters that looks random rather than
/// named.
///
/// A run is a stretch of letters, digits, `-`, `_`, `+` and `/`. Before judging it, the run is
/// cut at `/`-separated components that are plainly identifiers: hex ids with dashes (UUIDs,
/// Azure object ids), and hex hashes inside a URL path, after `sha256:` or after `@` (commit
/// ids such as `owner/repo@3b1f…`). What is left, or a hex stretch inside it, is random
/// when it is long enough and
/// - all hex (digits and letters mixed, Shannon entropy of at least 3 bits per character), or
/// - mixes upper and lower case, has at least 3.8 bits of entropy per character, switches
///   between upper case, lower case and digits often (same-class stretches of 2.6 characters on
///   average at most, 2.0 without digits), and keeps at most 85% of its lower-case letters in
///   word-like stretches of three or more. Names such as `AWSCodePipelineServiceRole-us-east-1`
///   or `listTrafficPolicyInstancesByHostedZone` fail the last two tests.
enum RandomLookingRun {
    static let minimumLength = 32

    /// Adds to `found` the parts of `run` that look random. `pathFrom` is where the URL path that
    /// contains the run begins, if any.
    static func collect(
        in bytes: UnsafeBufferPointer<UInt8>,
        run: Range<Int>,
        pathFrom: Int?,
        into found: inout [Range<Int>]
    ) {
        guard run.count >= minimumLength else { return }
        var candidateStart = run.lowerBound
        var componentStart = run.lowerBound
        var index = run.lowerBound
        while index <= run.upperBound {
            if index == run.upperBound || bytes[index] == UInt8(ascii: "/") {
                let component = componentStart..<index
                let inPath = pathFrom.map { componentStart > $0 } ?? false
                if isPlainIdentifier(bytes, component, inURLPath: inPath, runStart: run.lowerBound) {
                    judge(bytes, candidateStart..<max(candidateStart, componentStart - 1), into: &found)
                    candidateStart = index + 1
                }
                componentStart = index + 1
            }
            index += 1
        }
        judge(bytes, candidateStart..<max(candidateStart, run.upperBound), into: &found)
    }

    /// A component that names something rather than hiding something: a hex id with dashes, a
    /// hex hash in a URL path, a hex digest labelled `sha256:` (or another `sha…:`), or a hex
    /// revision after `@`.
    private static func isPlainIdentifier(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ component: Range<Int>,
        inURLPath: Bool,
        runStart: Int
    ) -> Bool {
        guard component.count >= 16 else { return false }
        var dashes = 0
        for index in component {
            let byte = bytes[index]
            if byte == UInt8(ascii: "-") {
                dashes += 1
            } else if !ByteClass.isHexDigit(byte) {
                return false
            }
        }
        if dashes > 0 { return bytes[component.lowerBound] != UInt8(ascii: "-") }
        guard component.lowerBound == runStart else { return inURLPath }
        return inURLPath || followsDigestLabel(bytes, at: runStart) || followsRevisionMark(bytes, at: runStart)
    }

    /// Whether the run follows `@`, as a pinned revision does (`owner/repo@3b1f…:path`).
    private static func followsRevisionMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index > 0 && bytes[index - 1] == UInt8(ascii: "@")
    }

    /// Whether `sha1:`, `sha256:`, `sha512:`… ends just before `index`.
    private static func followsDigestLabel(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index >= 5, bytes[index - 1] == UInt8(ascii: ":") else { return false }
        var start = index - 2
        while start > 0, ByteClass.of(bytes[start]) & ByteClass.digit != 0 { start -= 1 }
        guard start >= 2, start < index - 2 else { return false }
        return bytes[start] == UInt8(ascii: "a") && bytes[start - 1] == UInt8(ascii: "h")
            && bytes[start - 2] == UInt8(ascii: "s")
    }

    /// Adds `candidate` when it looks random, or else any hex stretch inside it that does (as in
    /// `svc+3b1f…`). Skips a candidate that holds a credential shape already found: the shape's
    /// own range is the better redaction.
    private static func judge(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ candidate: Range<Int>,
        into found: inout [Range<Int>]
    ) {
        guard candidate.count >= minimumLength, !found.contains(where: { $0.overlaps(candidate) }) else { return }
        if looksRandom(bytes, candidate) {
            found.append(withoutLeadingWords(bytes, candidate))
            return
        }
        var start = candidate.lowerBound
        for index in candidate.lowerBound...candidate.upperBound {
            guard index == candidate.upperBound || !ByteClass.isHexDigit(bytes[index]) else { continue }
            let stretch = start..<index
            if stretch.count >= minimumLength, stretch != candidate, looksRandom(bytes, stretch) {
                found.append(stretch)
            }
            start = index + 1
        }
    }

    /// `candidate` without leading lower-case words joined by `-`, `_` or `/` (`zone-`,
    /// `account/`), as long as what is left is still long and random: those words are the
    /// harmless rest of the value, not part of the secret.
    private static func withoutLeadingWords(_ bytes: UnsafeBufferPointer<UInt8>, _ candidate: Range<Int>) -> Range<Int>
    {
        var start = candidate.lowerBound
        while true {
            var end = start
            while end < candidate.upperBound, ByteClass.of(bytes[end]) == ByteClass.lower { end += 1 }
            guard end - start >= 2, end < candidate.upperBound,
                ByteClass.of(bytes[end]) & (ByteClass.dash | ByteClass.underscore | ByteClass.slash) != 0
            else { break }
            let rest = (end + 1)..<candidate.upperBound
            guard rest.count >= minimumLength, looksRandom(bytes, rest) else { break }
            start = rest.lowerBound
        }
        return start..<candidate.upperBound
    }

    static func looksRandom(_ bytes: UnsafeBufferPointer<UInt8>, _ candidate: Range<Int>) -> Bool {
        var classes: UInt8 = 0
        var allHex = true
        var stretches = 0
        var alphanumerics = 0
        var previousClass: UInt8 = 0
        var lowercase = 0
        var lowercaseInWords = 0
        var lowercaseStretch = 0
        for index in candidate {
            let byte = bytes[index]
            if !ByteClass.isHexDigit(byte) { allHex = false }
            let byteClass = ByteClass.of(byte) & ByteClass.alphanumeric
            classes |= byteClass
            if byteClass == 0 {
                previousClass = 0
            } else {
                alphanumerics += 1
                if byteClass != previousClass { stretches += 1 }
                previousClass = byteClass
            }
            if byteClass == ByteClass.lower {
                lowercase += 1
                lowercaseStretch += 1
            } else {
                if lowercaseStretch >= 3 { lowercaseInWords += lowercaseStretch }
                lowercaseStretch = 0
            }
        }
        if lowercaseStretch >= 3 { lowercaseInWords += lowercaseStretch }
        if allHex {
            guard classes & ByteClass.digit != 0, classes & ByteClass.letter != 0 else { return false }
            return shannonEntropy(bytes, candidate) >= 3.0
        }
        guard classes & ByteClass.upper != 0, classes & ByteClass.lower != 0 else { return false }
        guard Double(lowercaseInWords) <= 0.85 * Double(lowercase) else { return false }
        let averageStretch = Double(alphanumerics) / Double(max(stretches, 1))
        guard averageStretch <= (classes & ByteClass.digit != 0 ? 2.6 : 2.0) else { return false }
        return shannonEntropy(bytes, candidate) >= 3.8
    }

    /// Bits per character of the bytes' own distribution (the bytes are ASCII).
    private static func shannonEntropy(_ bytes: UnsafeBufferPointer<UInt8>, _ candidate: Range<Int>) -> Double {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { counts in
            counts.initialize(repeating: 0)
            for index in candidate { counts[Int(bytes[index] & 0x7F)] += 1 }
            var entropy = 0.0
            let total = Double(candidate.count)
            for count in counts where count > 0 {
                let share = Double(count) / total
                entropy -= share * binaryLogarithm(share)
            }
            return entropy
        }
    }

    /// log2(x) for x > 0 without Foundation: the exponent plus a short series for the significand.
    static func binaryLogarithm(_ value: Double) -> Double {
        let significand = value.significand
        let ratio = (significand - 1) / (significand + 1)
        let square = ratio * ratio
        var term = ratio
        var sum = 0.0
        for denominator in stride(from: 1.0, through: 17.0, by: 2.0) {
            sum += term / denominator
            term *= square
        }
        return Double(value.exponent) + 2 * sum / 0.693_147_180_559_945_3
    }
}
