import Testing

@testable import CrosswalkCore

/// The byte-by-byte escaping must escape exactly as the scalar-by-scalar reference.
@Suite struct MarkdownEscapingBytesTests {
    /// Every character the rules name, characters on each side of the ranges they test (C0, DEL,
    /// C1, the line separators, the bidirectional controls), characters of two, three and four
    /// bytes, and a few ordinary ones.
    static let alphabet: [String] = [
        "<", ">", "&", "\n", "\r", "\t", "\u{00}", "\u{1F}", "\u{7F}", "\\", "`", "*", "_", "[", "]", "|", "!", "~",
        "$", ":", "/", ".", "w", "W", "@", "#", "-", "1", ")", " ", "\u{80}", "\u{9F}", "\u{A0}", "é", "\u{061C}",
        "\u{200E}", "\u{2028}", "\u{2029}", "\u{202E}", "\u{202F}", "\u{2069}", "\u{2060}", "—", "Ｗ", "😀",
    ]

    @Test func escapesEveryShortTextAsTheScalarPathDoes() {
        let texts = ShortTexts.all(from: Self.alphabet, upTo: 3)
        var mismatches: [String] = []
        for text in texts {
            var utf8 = text
            if utf8.withUTF8(MarkdownEscaping.escapeInline) != MarkdownEscaping.escapeScalars(text) {
                mismatches.append(text)
            }
        }
        let count = Self.alphabet.count
        #expect(texts.count == 1 + count + count * count + count * count * count)
        let firstMismatches = mismatches.prefix(5).map(\.debugDescription)
        #expect(firstMismatches.isEmpty, "\(mismatches.count) texts escape differently")
    }

    @Test(arguments: ["www.example", "see WwW.x", "http://a.b/c", "a@b.c", "x:/y", "x://", "ww.w", "éwww.x", "ｗww.x"])
    func escapesAutolinkPartsAsTheScalarPathDoes(_ text: String) {
        var utf8 = text
        #expect(utf8.withUTF8(MarkdownEscaping.escapeInline) == MarkdownEscaping.escapeScalars(text))
    }
}
