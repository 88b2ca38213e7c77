/// The well-known credential shapes the secret screen recognises: a fixed prefix followed by a
/// body of a given alphabet and minimum length, found at any word boundary inside a value (after
/// `(`, `+`, `:`, `@`, a quote, a space…), plus JWTs and PEM blocks.
struct CredentialShape {
    let prefix: [UInt8]
    /// ``ByteClass`` bits every body byte must have one of.
    let body: UInt8
    let minimumBody: Int
    /// The byte before the prefix must have none of these bits (a word boundary).
    let boundary: UInt8
    /// Whether the body must mix letters and digits (for short, common prefixes such as `sk-`).
    let needsLettersAndDigits: Bool
    /// The body's exact length, for shapes that have one (AWS access key ids).
    let exactBody: Int?

    init(
        _ prefix: String,
        body: UInt8,
        minimumBody: Int,
        boundary: UInt8 = ByteClass.alphanumeric,
        needsLettersAndDigits: Bool = false,
        exactBody: Int? = nil
    ) {
        self.prefix = Array(prefix.utf8)
        self.body = body
        self.minimumBody = minimumBody
        self.boundary = boundary
        self.needsLettersAndDigits = needsLettersAndDigits
        self.exactBody = exactBody
    }

    static let all: [CredentialShape] = {
        var shapes: [CredentialShape] = []
        // AWS access key ids: long-term, temporary, bearer and context keys; 20 characters.
        for prefix in ["AKIA", "ASIA", "ABIA", "ACCA"] {
            shapes.append(
                CredentialShape(
                    prefix,
                    body: ByteClass.upper | ByteClass.digit,
                    minimumBody: 16,
                    boundary: ByteClass.upper | ByteClass.digit,
                    exactBody: 16
                )
            )
        }
        // GitHub tokens.
        for prefix in ["ghp_", "gho_", "ghs_", "ghu_", "ghr_"] {
            shapes.append(CredentialShape(prefix, body: ByteClass.alphanumeric, minimumBody: 30))
        }
        shapes.append(
            CredentialShape("github_pat_", body: ByteClass.alphanumeric | ByteClass.underscore, minimumBody: 30)
        )
        // GitLab tokens.
        for prefix in [
            "glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "gloas-", "glsoat-", "glffct-", "glimt-", "glagent-",
            "glft-", "glwt-",
        ] {
            shapes.append(CredentialShape(prefix, body: ByteClass.base64URL, minimumBody: 20))
        }
        // Slack bot, user, app, refresh and session tokens.
        for prefix in ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xapp-"] {
            shapes.append(CredentialShape(prefix, body: ByteClass.alphanumeric | ByteClass.dash, minimumBody: 10))
        }
        // Stripe secret, restricted and publishable keys, and webhook secrets.
        for prefix in ["sk_live_", "rk_live_", "sk_test_", "rk_test_", "pk_live_", "pk_test_", "whsec_"] {
            shapes.append(CredentialShape(prefix, body: ByteClass.alphanumeric, minimumBody: 16))
        }
        // OpenAI- and Anthropic-style keys (`sk-…`, `sk-proj-…`, `sk-ant-…`).
        shapes.append(
            CredentialShape("sk-", body: ByteClass.base64URL, minimumBody: 20, needsLettersAndDigits: true)
        )
        // Google API keys.
        shapes.append(CredentialShape("AIza", body: ByteClass.base64URL, minimumBody: 30))
        return shapes
    }()

    /// The shapes indexed by their first byte, so a position is checked against a handful at most.
    private static let byFirstByte: [[CredentialShape]] = {
        var table = [[CredentialShape]](repeating: [], count: 256)
        for shape in all { table[Int(shape.prefix[0])].append(shape) }
        return table
    }()

    /// The credential that starts at `index`, if any: its byte range.
    static func match(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Range<Int>? {
        let first = bytes[index]
        if first == UInt8(ascii: "-") { return PEMBlock.match(in: bytes, at: index) }
        if first == UInt8(ascii: "e"), let token = JSONWebToken.match(in: bytes, at: index) { return token }
        for shape in byFirstByte[Int(first)] {
            if let range = shape.match(in: bytes, at: index) { return range }
        }
        return nil
    }

    func match(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Range<Int>? {
        if index > 0, ByteClass.of(bytes[index - 1]) & boundary != 0 { return nil }
        guard index + prefix.count + minimumBody <= bytes.count else { return nil }
        for offset in 1..<prefix.count where bytes[index + offset] != prefix[offset] { return nil }
        var end = index + prefix.count
        var classes: UInt8 = 0
        while end < bytes.count {
            let byteClass = ByteClass.of(bytes[end])
            guard byteClass & body != 0 else { break }
            classes |= byteClass
            end += 1
        }
        let bodyLength = end - index - prefix.count
        guard bodyLength >= minimumBody, exactBody.map({ $0 == bodyLength }) ?? true else { return nil }
        if needsLettersAndDigits, classes & ByteClass.letter == 0 || classes & ByteClass.digit == 0 { return nil }
        return index..<end
    }
}

/// A JSON Web Token: `eyJ` and three base64url parts joined by dots (the last may be empty).
enum JSONWebToken {
    static func match(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Range<Int>? {
        guard index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "y"), bytes[index + 2] == UInt8(ascii: "J")
        else { return nil }
        if index > 0, ByteClass.of(bytes[index - 1]) & ByteClass.alphanumeric != 0 { return nil }
        var end = index
        var partLengths: [Int] = []
        var length = 0
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: ".") {
                partLengths.append(length)
                length = 0
                if partLengths.count == 3 { break }
            } else if ByteClass.of(byte) & ByteClass.base64URL != 0 {
                length += 1
            } else {
                break
            }
            end += 1
        }
        if partLengths.count < 3 { partLengths.append(length) }
        guard partLengths.count == 3, partLengths[0] >= 10, partLengths[1] >= 4 else { return nil }
        return index..<end
    }
}

/// A PEM block (`-----BEGIN …-----` through `-----END …-----`, or to the end of the text when
/// the end line is missing): private keys, certificates, anything PEM-armoured.
enum PEMBlock {
    private static let begin = Array("-----BEGIN".utf8)
    private static let end = Array("-----END".utf8)
    private static let dashes = Array("-----".utf8)

    static func match(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Range<Int>? {
        guard starts(with: begin, in: bytes, at: index) else { return nil }
        guard let endMarker = find(end, in: bytes, from: index + begin.count) else { return index..<bytes.count }
        guard let closing = find(dashes, in: bytes, from: endMarker + end.count) else {
            return index..<bytes.count
        }
        return index..<(closing + dashes.count)
    }

    private static func starts(with pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private static func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if starts(with: pattern, in: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }
}
