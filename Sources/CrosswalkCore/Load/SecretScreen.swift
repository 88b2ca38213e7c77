/// Finds credential material inside text, wherever it sits in the value, so loaders can refuse an
/// identifier or redact free text, and so no diagnostic can carry a secret.
///
/// Two kinds of rule run over the UTF-8 bytes in one pass: ``CredentialShape`` recognises
/// well-known token shapes (AWS access key ids, GitHub, GitLab, Slack, Stripe, OpenAI- and
/// Anthropic-style keys, Google API keys, JWTs, PEM blocks) at any word boundary, and
/// ``RandomLookingRun`` recognises long base64 or hex runs that look random rather than named.
/// It is a safety net, not a scanner: the dropped-key rule in ``SecretKeys`` is the primary
/// defence, and `docs/secret-screen.md` lists what it cannot catch.
enum SecretScreen {
    /// What replaces each matching run inside a value.
    static let redaction = "[redacted]"

    /// No rule matches fewer bytes than this, so shorter text is never scanned.
    static let minimumLength = 20

    /// Whether any part of `text` looks like a credential.
    static func containsSecret(_ text: String) -> Bool {
        !matches(in: text).isEmpty
    }

    /// `text` with every run that looks like a credential replaced by ``redaction``; the harmless
    /// rest is kept, so `deploy key (AKIA…)` becomes `deploy key ([redacted])`.
    static func redacting(_ text: String) -> String {
        redacting(text, at: matches(in: text))
    }

    /// `text` with the byte ranges `found` (from ``matches(in:)``) replaced by ``redaction``.
    static func redacting(_ text: String, at found: [Range<Int>]) -> String {
        guard !found.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var next = 0
        for range in found {
            result += bytes[next..<range.lowerBound]
            result += redaction.utf8
            next = range.upperBound
        }
        result += bytes[next...]
        return String(decoding: result, as: UTF8.self)
    }

    /// The byte ranges of `text.utf8` that look like credentials, in order and not overlapping.
    static func matches(in text: String) -> [Range<Int>] {
        let utf8 = text.utf8
        guard utf8.count >= minimumLength else { return [] }
        if let found = utf8.withContiguousStorageIfAvailable({ screen($0) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { screen($0) }
    }

    /// ``scan(_:)`` behind the prefilter.
    private static func screen(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        SecretPrefilter.isCertainlyClean(bytes) ? [] : scan(bytes)
    }

    /// Whether any part of the UTF-8 `bytes` looks like a credential (the same answer as
    /// ``containsSecret(_:)`` for the text they spell), ruling most ordinary text out first with
    /// ``SecretPrefilter``.
    static func mayContainSecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= minimumLength, !SecretPrefilter.isCertainlyClean(bytes) else { return false }
        return !scan(bytes).isEmpty
    }

    /// One pass over the bytes: credential shapes at each position, random-looking runs as they end.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var url = URLTracker()
        var runStart = -1
        var shapeEnd = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if index >= shapeEnd, index + 1 < bytes.count, ByteClass.mayStartShape(byte, bytes[index + 1]),
                let shape = CredentialShape.match(in: bytes, at: index)
            {
                found.append(shape)
                shapeEnd = shape.upperBound
            }
            if ByteClass.isRunByte(byte) {
                if runStart < 0 { runStart = index }
            } else if runStart >= 0 {
                RandomLookingRun.collect(in: bytes, run: runStart..<index, pathFrom: url.pathFrom, into: &found)
                runStart = -1
            }
            url.advance(over: bytes, at: index)
            index += 1
        }
        if runStart >= 0 {
            RandomLookingRun.collect(in: bytes, run: runStart..<bytes.count, pathFrom: url.pathFrom, into: &found)
        }
        return merged(found)
    }

    /// Sorts ranges and joins those that overlap or touch.
    private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        guard ranges.count > 1 else { return ranges }
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

/// Follows URLs while the screen scans, so a hex commit hash in a URL path (`/blob/3b1f…/`) is
/// told apart from a hex secret. Userinfo, host, query and fragment are screened as usual.
struct URLTracker {
    private enum State {
        case outside
        case host
        case path
    }

    private var state = State.outside
    /// Where the current URL's path begins, while the scan is inside one.
    private(set) var pathFrom: Int?

    mutating func advance(over bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
        let byte = bytes[index]
        switch state {
        case .outside:
            if byte == UInt8(ascii: ":"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"),
                bytes[index + 2] == UInt8(ascii: "/")
            {
                state = .host
            }
        case .host:
            if ByteClass.endsURL(byte) {
                state = .outside
            } else if byte == UInt8(ascii: "/"), index > 0, bytes[index - 1] != UInt8(ascii: "/"),
                bytes[index - 1] != UInt8(ascii: ":")
            {
                state = .path
                pathFrom = index
            }
        case .path:
            if ByteClass.endsURL(byte) || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") {
                state = .outside
                pathFrom = nil
            }
        }
    }
}
