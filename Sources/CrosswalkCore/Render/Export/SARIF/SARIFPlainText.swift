/// Text for a SARIF plain-text message (`message.text`, SARIF 2.1.0 §3.11.3): viewers read `{n}`
/// as a placeholder (§3.11.5) and `[text](destination)` as an embedded link (§3.11.6), so
/// a name such as `[open](https://…)` taken from an inventory could turn into a link.
///
/// ``escaped(_:)`` doubles `{` and `}` as §3.11.5 requires, and puts a backslash before every
/// `\`, `[` and `]` (the escapes of §3.11.6's grammar), so no run of attacker-controlled text can
/// open a link or a placeholder. The verbatim values are in each result's `properties`.
enum SARIFPlainText {
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { Self.needsEscape($0) }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 8)
        for character in text.unicodeScalars {
            switch character {
            case "{": escaped += "{{"
            case "}": escaped += "}}"
            case "\\", "[", "]":
                escaped += "\\"
                escaped.unicodeScalars.append(character)
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "\\")
            || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
    }
}
