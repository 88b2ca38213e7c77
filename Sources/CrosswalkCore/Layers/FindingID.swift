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
        var input = Array(control.utf8)
        input.append(0x0A)
        input += subject.utf8
        input.append(0x0A)
        input += evidenceKey.utf8
        let digest = SHA256.hash(data: input)
        var text = "CW-"
        for byte in digest.prefix(8) {
            text.append(Self.hexDigits[Int(byte >> 4)])
            text.append(Self.hexDigits[Int(byte & 0x0F)])
        }
        return text
    }

    /// The id of `finding`, a result of `control`.
    public static func of(_ finding: Finding, control: String) -> String {
        make(control: control, subject: finding.subject.id, evidenceKey: finding.evidence.first?.field ?? "")
    }

    private static let hexDigits: [Character] = Array("0123456789abcdef")
}
