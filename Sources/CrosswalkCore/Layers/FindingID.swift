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
        // Hashed part by part from each string's own UTF-8 bytes, with no joined copy: this runs
        // once per result in each of the JSON and XML reports.
        var hasher = SHA256()
        var parts = (control, subject, evidenceKey)
        parts.0.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0x0A)) { hasher.update(bufferPointer: $0) }
        parts.1.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0x0A)) { hasher.update(bufferPointer: $0) }
        parts.2.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        let digest = hasher.finalize()
        return String(unsafeUninitializedCapacity: 19) { buffer in
            buffer[0] = UInt8(ascii: "C")
            buffer[1] = UInt8(ascii: "W")
            buffer[2] = UInt8(ascii: "-")
            var index = 3
            for byte in digest.prefix(8) {
                buffer[index] = Self.hexDigits[Int(byte >> 4)]
                buffer[index + 1] = Self.hexDigits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    /// The id of `finding`, a result of `control`.
    public static func of(_ finding: Finding, control: String) -> String {
        make(control: control, subject: finding.subject.id, evidenceKey: finding.evidence.first?.field ?? "")
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
