import CrosswalkCore
import CrosswalkTestSupport
import CrosswalkXML
import Foundation
import Testing

/// Documents that are not UTF-8, and libxml2 messages quoting hostile text, as `validate` reports
/// them.
@Suite struct XMLEncodingTests {
    static func reference() throws -> String {
        try Fixtures.text(XMLReferenceReportTests.path)
    }

    @Test(arguments: [
        (String.Encoding.utf16, "UTF-16"), (.utf16BigEndian, "UTF-16"), (.utf16LittleEndian, "UTF-16"),
        (.utf32, "UTF-32"), (.utf32BigEndian, "UTF-32"), (.utf32LittleEndian, "UTF-32"),
    ])
    func wideEncodingsAreNamedAtTheFirstCharacter(_ encoding: String.Encoding, _ name: String) throws {
        let bytes = Array(try #require(try Self.reference().data(using: encoding)))
        #expect(
            try XMLSchemaValidatorTests.validate(bytes) == [
                "tampered.xml:1:1: error: the file is \(name) text; an XML report is UTF-8"
            ]
        )
    }

    @Test func invalidUTF8IsLocated() throws {
        let (bytes, line) = try XMLSchemaValidatorTests.tamper("<organization>Acme", with: "<organization>Ac\u{FFFF}me")
        // Replace the three bytes of U+FFFF with one byte that UTF-8 never uses.
        var document = bytes
        let marker: [UInt8] = [0xEF, 0xBF, 0xBF]
        let index = try #require(document.indices.first { document[$0...].starts(with: marker) })
        document.replaceSubrange(index..<index + 3, with: [0xFF])
        let tampered = String(decoding: bytes, as: UTF8.self).split(separator: "\n")[line - 1]
        let column = try #require(tampered.range(of: "<organization>Ac")).upperBound.utf16Offset(in: tampered) + 1
        #expect(
            try XMLSchemaValidatorTests.validate(document) == [
                "tampered.xml:\(line):\(column): error: the file is not valid UTF-8 here; an XML report is UTF-8"
            ]
        )
    }

    @Test func declaredLegacyEncodingIsRefusedAtItsName() throws {
        let text = try Self.reference().replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        #expect(
            try XMLSchemaValidatorTests.validate(Array(text.utf8)) == [
                "tampered.xml:1:31: error: the XML declaration names the encoding 'ISO-8859-1'; an XML report is UTF-8"
            ]
        )
    }

    @Test func controlAndBidiCharactersInMessagesAreMadeVisible() throws {
        let (bytes, line) = try XMLSchemaValidatorTests.tamper(
            #" status="fail" subject="#,
            with: " status=\"f\u{202E}ail\u{85}\" subject="
        )
        #expect(
            try XMLSchemaValidatorTests.validate(bytes) == [
                "tampered.xml:\(line):1: error: Element 'result', attribute 'status': [facet 'enumeration'] The value 'f\\u{202E}ail\\u{85}' is not an element of the set {'fail', 'not-assessed', 'accepted', 'error'}."
            ]
        )
    }
}
