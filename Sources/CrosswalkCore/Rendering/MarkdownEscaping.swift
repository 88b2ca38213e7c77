import Mustache

/// Escaping for untrusted text placed in GitHub-flavoured Markdown, inline or in a table cell.
///
/// Identity names, owners and tags are attacker-controlled. After escaping they cannot open a
/// table cell (`|`), code span (`` ` ``), link or image (`[`, `]`, `!`), emphasis, heading or raw
/// HTML (`<`, `&`), and cannot break the line they sit on: line breaks and tabs become spaces and
/// other control characters become U+FFFD.
public enum MarkdownEscaping {
    /// Characters that can start inline markup mid-line (templates never start a line with a
    /// value, so block markers such as `#`, `-` or `1.` need no escape). `$` opens GitHub math.
    private static let punctuation: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "|", "!", "~", "$"]

    public static func escape(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        output.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<":
                output.append(contentsOf: "&lt;".unicodeScalars)
            case ">":
                output.append(contentsOf: "&gt;".unicodeScalars)
            case "&":
                output.append(contentsOf: "&amp;".unicodeScalars)
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}":
                output.append(" ")
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                output.append("\u{FFFD}")
            case "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}":
                // Bidirectional overrides could make a name read as something else.
                output.append("\u{FFFD}")
            case _ where punctuation.contains(scalar):
                output.append("\\")
                output.append(scalar)
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }
}

/// The `MARKDOWN` content type for Mustache templates: `{{value}}` is escaped with ``MarkdownEscaping``.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        MarkdownEscaping.escape(text)
    }
}
