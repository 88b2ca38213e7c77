import Testing

@testable import CrosswalkCore

/// The OSCAL export's restricted data types and identifiers: tokens, property values, URI
/// references, name-based UUIDs and the rule book's entry states.
@Suite struct OSCALTextTests {
    @Test(arguments: [
        ("GV.OC-01", "GV.OC-01"), ("GOVERN 1.1", "GOVERN_1.1"), ("1st", "_1st"), ("-x", "_-x"),
        ("a:b/c", "a_b_c"), ("", "_"), ("über", "über"), ("x\u{202E}y", "x_y"),
    ])
    func makesTokens(_ text: String, _ token: String) {
        #expect(OSCALText.token(text) == token)
    }

    @Test(arguments: [
        ("team-a", "team-a"), ("  padded  ", "padded"), ("line\nbreak", "line break"), ("\u{85}sep\u{2028}", "sep"),
        ("tab\there", "tab here"),
    ])
    func makesPropertyValues(_ text: String, _ value: String) {
        #expect(OSCALText.propertyValue(text) == value)
    }

    @Test func dropsPropertyValuesWithNothingLeft() {
        #expect(OSCALText.propertyValue(" \n\t ") == nil)
        #expect(OSCALText.propertyValue("") == nil)
    }

    @Test func percentEncodesPathsSoTheyStayRelativeReferences() {
        #expect(OSCALText.uriReference("examples/acme/inventory.yaml") == "examples/acme/inventory.yaml")
        #expect(OSCALText.uriReference("c:dir/a b#1?.json") == "c%3Adir/a%20b%231%3F.json")
        #expect(OSCALText.uriReference("é") == "%C3%A9")
    }

    @Test func derivesVersion5LayoutUUIDsFromSHA256() {
        let uuid = OSCALUUID.named("observation\nCW-0000000000000000")
        #expect(uuid == OSCALUUID.observation(findingID: "CW-0000000000000000"))
        #expect(uuid.count == 36)
        let characters = Array(uuid)
        #expect(characters[14] == "5", "version 5")
        #expect("89ab".contains(characters[19]), "RFC 4122 variant")
        #expect(OSCALUUID.named("a") != OSCALUUID.named("b"))
        #expect(
            OSCALUUID.entryFinding(catalog: "a\nb", entry: "c") != OSCALUUID.entryFinding(catalog: "a", entry: "b\nc")
        )
    }

    @Test func mapsEveryEntryStatusAsTheRuleBookSays() {
        #expect(OSCALEntryState(.satisfied) == OSCALEntryState(state: "satisfied", reason: "pass"))
        #expect(OSCALEntryState(.gapsFound) == OSCALEntryState(state: "not-satisfied", reason: "fail"))
        #expect(OSCALEntryState(.partiallyEvidenced) == OSCALEntryState(state: "not-satisfied", reason: "other"))
        #expect(OSCALEntryState(.notAssessed) == OSCALEntryState(state: "not-satisfied", reason: "other"))
        #expect(OSCALEntryState(.notApplicable) == OSCALEntryState(implementationStatus: "not-applicable"))
        #expect(OSCALEntryState(.notCovered) == nil)
    }
}
