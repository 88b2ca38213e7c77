import Testing

@testable import CrosswalkCore

/// The byte-by-byte HTML escaping must escape exactly as the scalar-by-scalar reference.
@Suite struct HTMLEscapingBytesTests {
    /// Every character the rules name, characters on each side of the ranges they test (C0, DEL,
    /// C1, the line separators, the bidirectional controls), characters of two, three and four
    /// bytes, and a few ordinary ones.
    static let alphabet: [String] = [
        "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{00}", "\u{08}", "\u{1F}", " ", "\u{7F}", "a", "/", "=", ";",
        "#", "\u{80}", "\u{9F}", "\u{A0}", "é", "\u{061C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2028}",
        "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "—", "＜",
        "😀",
    ]

    @Test func escapesEveryShortTextAsTheScalarPathDoes() {
        let texts = ShortTexts.all(from: Self.alphabet, upTo: 3)
        var mismatches: [String] = []
        for text in texts {
            var utf8 = text
            if utf8.withUTF8(HTMLEscaping.escapeUTF8) != HTMLEscaping.escapeScalars(text) { mismatches.append(text) }
        }
        let count = Self.alphabet.count
        #expect(texts.count == 1 + count + count * count + count * count * count)
        let firstMismatches = mismatches.prefix(5).map(\.debugDescription)
        #expect(firstMismatches.isEmpty, "\(mismatches.count) texts escape differently")
    }
}
