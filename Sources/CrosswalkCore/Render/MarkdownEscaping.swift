import Mustache

/// Escaping for untrusted text placed in GitHub-flavoured Markdown, inline or in a table cell.
///
/// Identity names, owners, tags and catalog titles are attacker-controlled. After escaping they
/// cannot open a table cell (`|`), code span (`` ` ``), link or image (`[`, `]`, `!`), emphasis or
/// raw HTML (`<`, `&`), cannot break the line they sit on (line breaks and tabs become spaces,
/// other display controls of ``InertText`` become U+FFFD), and cannot start a block when a template
/// line starts with a value: a leading `#`, `-`, `+`, `=`, a list number (`1.` or `1)` followed by
/// a space), and a leading space are escaped. GFM autolinks are broken so that no URL or address in a value becomes
/// a live link, while the text reads the same: the `:` of `://` and the `.` of `www.` get a
/// backslash, and a word joiner (U+2060, invisible) goes before each `@`.
public enum MarkdownEscaping {
    /// Characters that can start inline markup anywhere (`~~~` and `` ``` `` fences too). `$`
    /// opens GitHub math.
    private static let punctuation: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "|", "!", "~", "$"]

    /// Characters that start a block (heading, list item, setext underline) at the start of a line.
    private static let blockMarkers: Set<Unicode.Scalar> = ["#", "-", "+", "="]

    public static func escape(_ text: String) -> String {
        var utf8 = text
        return escapingBlockStart(utf8.withUTF8(escapeInline))
    }

    /// The inline escaping of a text's UTF-8, byte by byte: the rules of ``escapeScalars(_:)``,
    /// which a test checks on every short text of the characters that matter. The Markdown
    /// reports escape every value they show, and going scalar by scalar through a string cost
    /// hundreds of instructions per character.
    static func escapeInline(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x80...:
                // Kept, unless it breaks the line (a space then) or changes how text displays.
                index += InertText.appendInert(characterAt: index, of: bytes, to: &output, separator: 0x20)
                continue
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case 0x0A, 0x0D, 0x09: output.append(0x20)
            case 0x00...0x1F, 0x7F: output.append(contentsOf: "\u{FFFD}".utf8)
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "!"), UInt8(ascii: "~"), UInt8(ascii: "$"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case UInt8(ascii: ":")
            where index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")
                && bytes[index + 2] == UInt8(ascii: "/"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            // Only `W` lowercases to `w`; the last byte of a longer character is never either.
            case UInt8(ascii: ".")
            where output.count >= 3 && output.suffix(3).allSatisfy({ $0 | 0x20 == UInt8(ascii: "w") }):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case UInt8(ascii: "@"): output.append(contentsOf: "\u{2060}@".utf8)
            default: output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The inline escaping of any text, scalar by scalar: the reference ``escapeInline(_:)`` is
    /// tested against.
    static func escapeScalars(_ text: String) -> String {
        let input = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        output.reserveCapacity(input.count)
        for (index, scalar) in input.enumerated() {
            switch scalar {
            case "<":
                output.append(contentsOf: "&lt;".unicodeScalars)
            case ">":
                output.append(contentsOf: "&gt;".unicodeScalars)
            case "&":
                output.append(contentsOf: "&amp;".unicodeScalars)
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}":
                output.append(" ")
            case _ where InertText.isDisplayControl(scalar):
                output.append("\u{FFFD}")
            case _ where punctuation.contains(scalar):
                output.append("\\")
                output.append(scalar)
            case ":" where input[(index + 1)...].starts(with: ["/", "/"]):
                output.append(contentsOf: "\\:".unicodeScalars)
            case "." where endsWithWWW(output):
                output.append(contentsOf: "\\.".unicodeScalars)
            case "@":
                output.append(contentsOf: "\u{2060}@".unicodeScalars)
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Whether `text` ends with `www` (any case), the start of a GFM `www.` autolink.
    private static func endsWithWWW(_ text: String.UnicodeScalarView) -> Bool {
        text.suffix(3).map { Character($0).lowercased() }.joined() == "www"
    }

    /// `text` (already escaped inline) with a leading block marker escaped: `\#`, `\-`, `\+`, `\=`,
    /// a list number followed by a space or the end (`12\. `, `3\)`; not `1.5`), and a leading space
    /// written `&#32;` (four spaces would open a code block).
    /// `>`, `<`, `*`, `_` and the fence characters are escaped everywhere already.
    static func escapingBlockStart(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        if first == " " { return "&#32;" + String(text.unicodeScalars.dropFirst()) }
        if blockMarkers.contains(first) { return "\\" + text }
        let digits = text.unicodeScalars.prefix { ("0"..."9").contains($0) }
        guard !digits.isEmpty, digits.count <= 9 else { return text }
        let rest = text.unicodeScalars.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first ?? " " == " " else {
            return text
        }
        return String(String.UnicodeScalarView(digits)) + "\\" + String(String.UnicodeScalarView(rest))
    }
}

/// The `MARKDOWN` content type for Mustache templates: `{{value}}` is escaped with ``MarkdownEscaping``.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        MarkdownEscaping.escape(text)
    }
}
