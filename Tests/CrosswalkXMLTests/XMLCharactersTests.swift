import Testing

@testable import CrosswalkXML

/// The XML 1.0 character rule applied to text before libxml2 writes it.
@Suite struct XMLCharactersTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("tab\t, line feed\n and carriage return\r stay", "tab\t, line feed\n and carriage return\r stay"),
        ("nul \u{0}", "nul \u{FFFD}"),
        ("bell \u{07} and escape \u{1B}", "bell \u{FFFD} and escape \u{FFFD}"),
        ("vertical tab \u{0B} form feed \u{0C}", "vertical tab \u{FFFD} form feed \u{FFFD}"),
        ("non-characters \u{FFFE}\u{FFFF}", "non-characters \u{FFFD}\u{FFFD}"),
        ("allowed \u{FFFD} \u{FEFF} \u{7F} \u{85} \u{10FFFF}", "allowed \u{FFFD} \u{FEFF} \u{7F} \u{85} \u{10FFFF}"),
        ("emoji 🦊 and ]]> stay", "emoji 🦊 and ]]> stay"),
    ])
    func replacesOnlyCharactersXML10Forbids(_ input: String, _ expected: String) {
        #expect(XMLCharacters.sanitized(input) == expected)
        #expect(XMLCharacters.containsForbidden(input) == (input != expected))
    }

    @Test func keepsTheSameNumberOfCharactersSoPositionsStayVisible() {
        let input = "a\u{0}b\u{1}c\u{FFFF}d"
        #expect(XMLCharacters.sanitized(input).unicodeScalars.count == input.unicodeScalars.count)
    }
}
