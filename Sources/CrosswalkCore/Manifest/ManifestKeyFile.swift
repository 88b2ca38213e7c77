/// The text form of Crosswalk's Ed25519 key and signature files: a header line naming what the
/// file holds, then the raw bytes in standard base64 (RFC 4648 §4, padded) on one line, then a
/// line feed. Private and public keys are the 32-byte raw representations of RFC 8032; a
/// signature is the 64-byte RFC 8032 signature.
///
/// ```text
/// crosswalk ed25519 private key v1
/// Vq3mR…=
/// ```
enum ManifestKeyFile {
    static let privateKeyHeader = "crosswalk ed25519 private key v1"
    static let publicKeyHeader = "crosswalk ed25519 public key v1"
    static let signatureHeader = "crosswalk ed25519 signature v1"

    static func encode(header: String, bytes: [UInt8]) -> [UInt8] {
        Array("\(header)\n\(HTMLStylesheet.base64(bytes))\n".utf8)
    }

    /// The bytes of a file with this header and `count` bytes of payload; nil for anything else
    /// (a trailing line feed, or CR LF line ends, are accepted).
    static func decode(_ file: [UInt8], header: String, count: Int) -> [UInt8]? {
        guard let text = String(validating: file, as: UTF8.self) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        let content = lines.last == "" ? lines.dropLast() : lines[...]
        guard content.count == 2, content.first == Substring(header), let payload = content.last,
            let bytes = Base64Text.decode(String(payload)), bytes.count == count
        else { return nil }
        return bytes
    }
}
