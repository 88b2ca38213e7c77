import CrosswalkCore
import CrosswalkTestSupport
import CrosswalkXML
import Foundation
import Testing

/// Validation of XML reports against the bundled schema, with the messages a user reads.
@Suite struct XMLSchemaValidatorTests {
    static let file = "tampered.xml"

    /// The reference report with `original` (on the first line holding it) replaced; returns the
    /// document and the 1-based line of the change.
    static func tamper(_ original: String, with replacement: String) throws -> (bytes: [UInt8], line: Int) {
        var lines = try Fixtures.text(XMLReferenceReportTests.path).split(
            separator: "\n",
            omittingEmptySubsequences: false
        )
        .map(String.init)
        let index = try #require(lines.firstIndex { $0.contains(original) }, "the reference holds \(original)")
        lines[index] = lines[index].replacingOccurrences(of: original, with: replacement)
        return (Array(lines.joined(separator: "\n").utf8), index + 1)
    }

    static func validate(_ bytes: [UInt8]) throws -> [String] {
        try XMLSchemaValidator.crosswalkReport().validate(bytes, file: file).map(\.description)
    }

    @Test func acceptsTheReferenceReport() throws {
        #expect(try Self.validate(Array(try Fixtures.text(XMLReferenceReportTests.path).utf8)) == [])
    }

    @Test func rejectsAnUnknownResultStatusAtItsLine() throws {
        let (bytes, line) = try Self.tamper(#" status="fail" subject="#, with: #" status="bogus" subject="#)
        #expect(
            try Self.validate(bytes) == [
                "\(Self.file):\(line):1: error: Element 'result', attribute 'status': [facet 'enumeration'] The value 'bogus' is not an element of the set {'fail', 'not-assessed', 'accepted', 'error'}."
            ]
        )
    }

    @Test func rejectsAPassListedAsAResult() throws {
        let (bytes, line) = try Self.tamper(#" status="fail" subject="#, with: #" status="pass" subject="#)
        #expect(
            try Self.validate(bytes) == [
                "\(Self.file):\(line):1: error: Element 'result', attribute 'status': [facet 'enumeration'] The value 'pass' is not an element of the set {'fail', 'not-assessed', 'accepted', 'error'}."
            ]
        )
    }

    @Test func rejectsAMissingRequiredAttributeAtItsLine() throws {
        let (bytes, line) = try Self.tamper(
            #"<input role="inventory" bytes="#,
            with: #"<input role="inventory" size="#
        )
        #expect(
            try Self.validate(bytes) == [
                "\(Self.file):\(line):1: error: Element 'input', attribute 'size': The attribute 'size' is not allowed.",
                "\(Self.file):\(line):1: error: Element 'input': The attribute 'bytes' is required but missing.",
            ]
        )
    }

    @Test func rejectsAMissingSection() throws {
        let (bytes, line) = try Self.tamper("<warnings/>", with: "")
        let tampered = String(decoding: bytes, as: UTF8.self).split(separator: "\n")[line - 1]
        let column = try #require(tampered.range(of: "<inventory ")).lowerBound.utf16Offset(in: tampered) + 1
        #expect(
            try Self.validate(bytes) == [
                "\(Self.file):\(line):\(column): error: Element 'inventory': This element is not expected. Expected is ( warnings )."
            ]
        )
    }

    @Test func rejectsAnotherSchemaVersion() throws {
        let (bytes, line) = try Self.tamper(#"schemaVersion="2""#, with: #"schemaVersion="3""#)
        #expect(
            try Self.validate(bytes) == [
                "\(Self.file):\(line):1: error: Element 'report', attribute 'schemaVersion': The value '3' does not match the fixed value constraint '2'."
            ]
        )
    }

    @Test func rejectsAReferenceToAControlTheReportLacks() throws {
        let (bytes, _) = try Self.tamper(
            #"<gap control="CW-CRED-05""#,
            with: #"<gap control="CW-NOPE""#
        )
        let lastLine = String(decoding: bytes, as: UTF8.self).split(separator: "\n").count
        #expect(
            try Self.validate(bytes) == [
                "\(Self.file):\(lastLine):1: error: Element 'gap': No match found for key-sequence ['CW-NOPE'] of keyref 'gapControl'."
            ]
        )
    }

    @Test func rejectsIllFormedXMLAtTheParsersPosition() throws {
        let (bytes, line) = try Self.tamper("Acme Financial</organization>", with: "Acme Financial</organizaton>")
        let text = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // The parser's position: just past the mistyped end tag.
        let tampered = text[line - 1]
        let column = try #require(tampered.range(of: "</organizaton>")).upperBound.utf16Offset(in: tampered) + 1
        let problems = try Self.validate(bytes)
        #expect(
            problems == [
                "\(Self.file):\(line):\(column): error: Opening and ending tag mismatch: organization line \(line) and organizaton"
            ],
            "\(problems)"
        )
    }

    @Test func rejectsAnUnescapedControlCharacter() throws {
        let (bytes, line) = try Self.tamper("<name>DevOps copilot</name>", with: "<name>DevOps\u{07} copilot</name>")
        let tampered = String(decoding: bytes, as: UTF8.self).split(separator: "\n")[line - 1]
        // libxml2 reports the column of the bell itself.
        let bell = try #require(tampered.firstIndex(of: "\u{07}")).utf16Offset(in: tampered) + 1
        let problems = try Self.validate(bytes)
        #expect(problems == ["\(Self.file):\(line):\(bell): error: PCDATA invalid Char value 7"], "\(problems)")
    }

    @Test func reportsATruncatedDocumentOnceWhereItEnds() throws {
        let lines = try Fixtures.text(XMLReferenceReportTests.path).split(separator: "\n")
        let cut = lines.prefix(2).joined(separator: "\n") + "\n<input role=\"inv"
        // Column 17 is just past the last character: the parser's follow-up errors are dropped.
        #expect(try Self.validate(Array(cut.utf8)) == ["\(Self.file):3:17: error: AttValue: ' expected"])
    }

    @Test func rejectsADocumentTypeDeclarationBeforeParsing() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <!DOCTYPE report [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <report xmlns="urn:crosswalk:report:2" schemaVersion="2">&secret;</report>
            """
        #expect(
            try Self.validate(Array(text.utf8)) == [
                "\(Self.file):3:1: error: a document type declaration (<!DOCTYPE …>) is not allowed in an XML report; remove it"
            ]
        )
    }

    @Test func rejectsADocumentInAnotherNamespace() throws {
        let text = "<?xml version=\"1.0\"?>\n<report xmlns=\"urn:example:other\" schemaVersion=\"1\"/>\n"
        #expect(
            try Self.validate(Array(text.utf8)) == [
                "\(Self.file):2:1: error: Element '{urn:example:other}report': No matching global declaration available for the validation root."
            ]
        )
    }

    @Test func rejectsEmptyAndNonXMLFiles() throws {
        #expect(try Self.validate([]) == ["\(Self.file): error: the file is empty; expected an XML report"])
        #expect(try Self.validate(Array("report: yes\n".utf8)) == ["\(Self.file):1:1: error: Document is empty"])
    }

    @Test func listsAtMostAHundredProblemsAndCountsTheRest() throws {
        let text = try Fixtures.text(XMLReferenceReportTests.path)
            .replacingOccurrences(of: #" status="not-covered""#, with: #" status="uncovered""#)
        let messages = try Self.validate(Array(text.utf8))
        #expect(messages.count == XMLSchemaValidator.maximumReportedProblems + 1)
        let hidden =
            text.components(separatedBy: #" status="uncovered""#).count - 1 - XMLSchemaValidator.maximumReportedProblems
        #expect(
            messages.last == "\(Self.file): error: \(hidden) more problems not shown (only the first 100 are listed)"
        )
    }

    @Test func rejectsASchemaThatIsNotValidXSD() throws {
        let schema =
            #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="xs:nothing"/></xs:schema>"#
        let lines = Fixtures.errorLines {
            _ = try XMLSchemaValidator(schema: Array(schema.utf8), file: "broken.xsd")
        }
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("broken.xsd:1:") && $0.contains("error:") }, "\(lines)")
    }

    @Test func validatesAgainstAnyGivenSchema() throws {
        let schema = #"""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="count" type="xs:integer"/>
            </xs:schema>
            """#
        let validator = try XMLSchemaValidator(schema: Array(schema.utf8), file: "count.xsd")
        #expect(validator.validate(Array("<count>12</count>".utf8), file: "good.xml") == [])
        #expect(
            validator.validate(Array("<count>twelve</count>".utf8), file: "bad.xml").map(\.description) == [
                "bad.xml:1:1: error: Element 'count': 'twelve' is not a valid value of the atomic type 'xs:integer'."
            ]
        )
    }
}
