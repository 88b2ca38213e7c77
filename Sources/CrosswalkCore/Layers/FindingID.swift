import Crypto

/// A result's stable id: the same control, subject and evidence key give the same id in every
/// run, whatever else changed (message, observed values, order), so exports can track a finding
/// across runs (a SARIF fingerprint, a CSV row a GRC platform updates).
///
/// `CW-` and the first 16 hexadecimal digits of the SHA-256 of the control id, the subject id and
/// the evidence key (the field of the finding's first piece of evidence, or empty), joined by
/// line feeds.
public enum FindingID {
    public static func make(control: String, subject: String, evidenceKey: String) -> String {
        text(digestPrefix(control: control, subject: subject, evidenceKey: evidenceKey))
    }

    /// The id of `finding`, a result of `control`: the one the evaluate stage computed when it
    /// recorded the finding (``Finding/idPrefix``), else computed now.
    public static func of(_ finding: Finding, control: String) -> String {
        text(finding.idPrefix ?? digestPrefix(of: finding, control: control))
    }

    /// The first 8 bytes of the hash of `finding` as a result of `control`.
    static func digestPrefix(of finding: borrowing Finding, control: String) -> UInt64 {
        let evidenceKey = finding.evidence.first?.field ?? ""
        // A credential's id is `identity/credential`: hashed from its parts, not built as a string.
        if finding.subject.isCredentialOfIdentity {
            return hashed(control, finding.subject.identityID ?? "", credential: finding.subject.storedID, evidenceKey)
        }
        return hashed(control, finding.subject.storedID, credential: nil, evidenceKey)
    }

    /// The first 8 bytes of the SHA-256 of the control id, the subject id and the evidence key
    /// joined by line feeds, big-endian.
    static func digestPrefix(control: String, subject: String, evidenceKey: String) -> UInt64 {
        hashed(control, subject, credential: nil, evidenceKey)
    }

    /// ``digestPrefix(control:subject:evidenceKey:)`` of the subject id `subject`, or, with a
    /// `credential`, of `subject/credential`.
    ///
    /// This runs once per result: the parts are copied into a buffer on the stack and hashed at
    /// once, which costs less than an update per part; by the system's libcrypto where Crosswalk
    /// links it (no allocation per message), else by swift-crypto. The copying captures no variable in a
    /// closure (that would check exclusive access at run time for every part).
    private static func hashed(
        _ control: String,
        _ subject: String,
        credential: String?,
        _ evidenceKey: String
    ) -> UInt64 {
        let count =
            control.utf8.count + subject.utf8.count + (credential.map { $0.utf8.count + 1 } ?? 0)
            + evidenceKey.utf8.count + 2
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            var end = copy(control, into: buffer, at: 0)
            buffer[end] = 0x0A
            end = copy(subject, into: buffer, at: end + 1)
            if let credential {
                buffer[end] = UInt8(ascii: "/")
                end = copy(credential, into: buffer, at: end + 1)
            }
            buffer[end] = 0x0A
            end = copy(evidenceKey, into: buffer, at: end + 1)
            let message = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[..<end])
            return systemDigestPrefix(of: message) ?? swiftCryptoDigestPrefix(of: message)
        }
    }

    /// The first 8 bytes of the SHA-256 of `message`, big-endian, hashed by the system's
    /// libcrypto with a context on the stack (``SystemSHA256``); nil where Crosswalk was
    /// built without libcrypto, or when it could not hash.
    static func systemDigestPrefix(of message: UnsafeRawBufferPointer) -> UInt64? {
        #if CROSSWALK_LIBCRYPTO
            SystemSHA256.prefix(of: message)
        #else
            nil
        #endif
    }

    /// The first 8 bytes of the SHA-256 of `message`, big-endian, hashed by swift-crypto.
    static func swiftCryptoDigestPrefix(of message: UnsafeRawBufferPointer) -> UInt64 {
        SHA256.hash(data: message).withUnsafeBytes { digest in
            var prefix: UInt64 = 0
            for byte in digest.prefix(8) { prefix = prefix << 8 | UInt64(byte) }
            return prefix
        }
    }

    /// Copies the UTF-8 of `text` into `buffer` from `start`; returns the offset after it.
    private static func copy(_ text: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        let utf8 = text.utf8
        let copied = utf8.withContiguousStorageIfAvailable { source in
            UnsafeMutableBufferPointer(rebasing: buffer[start...]).initialize(fromContentsOf: source)
        }
        if let copied { return start + copied }
        var end = start
        for byte in utf8 {
            buffer[end] = byte
            end += 1
        }
        return end
    }

    /// `CW-` and the 16 hexadecimal digits of `prefix`.
    static func text(_ prefix: UInt64) -> String {
        String(unsafeUninitializedCapacity: length) { write(prefix, into: $0) }
    }

    /// Calls `body` with the UTF-8 of ``text(_:)``, without building a string.
    static func withText<Result>(
        _ prefix: UInt64,
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows
        -> Result
    {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { buffer in
            let count = write(prefix, into: buffer)
            return try body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<count]))
        }
    }

    private static let length = 19

    private static func write(_ prefix: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        buffer[0] = UInt8(ascii: "C")
        buffer[1] = UInt8(ascii: "W")
        buffer[2] = UInt8(ascii: "-")
        // Worked out, not looked up: this runs twice per result of a report.
        for index in 0..<16 {
            let nibble = UInt8(truncatingIfNeeded: prefix >> UInt64(60 - 4 * index)) & 0x0F
            buffer[3 + index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
        }
        return length
    }
}
