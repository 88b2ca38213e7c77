import CrosswalkCore
import CrosswalkTestSupport
import Testing

@testable import CrosswalkXML

/// Rows of the XML report are serialised by Crosswalk and handed to libxml2 as raw text; they
/// must be byte for byte what libxml2's writer makes of the same calls in a UTF-8 document (the
/// report declares UTF-8, so libxml2 writes non-ASCII characters as they are), for any text.
@Suite struct XMLRowSerializerTests {
    /// Text that exercises every escape and replacement: markup, quotes, whitespace that
    /// attributes escape, forbidden characters, non-characters, multi-byte and empty text.
    static let samples: [String] = [
        "", "plain", "<script>alert(1)</script>", "]]>", #"say "hi" & 'bye'"#, "a\tb\nc\rd",
        "bell\u{07}nul\u{0}esc\u{1B}", "non\u{FFFE}\u{FFFF}char", "fox 🦊 é ≤ 中文", "&amp; already", "\r\n\r",
        String(repeating: "<&>\"", count: 50),
    ]

    @Test func rowsAreWhatLibxml2WritesForTheSameCalls() throws {
        for (index, text) in Self.samples.enumerated() {
            for other in Self.samples {
                let reference = try XMLStreamWriter(file: "row.xml", indent: nil)
                try reference.startDocument()
                try reference.startElement("rows")
                try reference.lineBreak()
                try reference.startElement("row")
                try reference.attribute("a", text)
                try reference.attribute("b", other)
                try reference.textElement("name", text)
                try reference.startElement("empty")
                try reference.endElement()
                try reference.textElement("value", other)
                try reference.endElement()
                try reference.endElement()
                let expected = try reference.finish()

                var rows = XMLRowSerializer()
                rows.start("row", lineBreak: true)
                let first = rows.attribute("a", text)
                let second = rows.attribute("b", other)
                #expect(first && second)
                rows.start("name")
                rows.text(text)
                rows.end()
                let late = rows.attribute("late", "x")
                #expect(!late, "no attribute after content")
                rows.start("empty")
                rows.end()
                rows.start("value")
                rows.text(other)
                rows.end()
                rows.end()
                #expect(!rows.inRow)
                let written = try XMLStreamWriter(file: "row.xml", indent: nil)
                try written.startDocument()
                try written.startElement("rows")
                try written.raw(rows.bytes)
                try written.endElement()
                #expect(try written.finish() == expected, "sample \(index) with \(other.debugDescription)")
            }
        }
    }

    /// Plain text is passed over eight bytes at a time: markup, controls and the non-characters
    /// U+FFFE and U+FFFF are still escaped or replaced exactly as libxml2 does, at every place in
    /// and across those words.
    @Test func everyCharacterNeedingCareIsFoundAtEveryPlaceInAWord() throws {
        let characters: [Character] = [
            "&", "<", ">", "\"", "'", "\r", "\n", "\t", "\u{07}", "\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}",
            "\u{F000}", "\u{EF}", "é", "🦊",
        ]
        for character in characters {
            for place in 0..<18 {
                var text = String(repeating: "a", count: 17)
                text.insert(character, at: text.index(text.startIndex, offsetBy: place))
                let reference = try XMLStreamWriter(file: "row.xml", indent: nil)
                try reference.startDocument()
                try reference.startElement("row")
                try reference.attribute("a", text)
                try reference.textElement("name", text)
                try reference.endElement()
                let expected = try reference.finish()

                var rows = XMLRowSerializer()
                rows.start("row")
                let attributed = rows.attribute("a", text)
                #expect(attributed)
                rows.start("name")
                rows.text(text)
                rows.end()
                rows.end()
                let written = try XMLStreamWriter(file: "row.xml", indent: nil)
                try written.startDocument()
                try written.raw(rows.bytes)
                #expect(try written.finish() == expected, "\(character.debugDescription) at \(place)")
            }
        }
    }

    @Test func integerAttributesAreWrittenAsTheirDecimalText() {
        for number in [0, 7, 10, 1_000_000, -42, Int.max, Int.min] {
            var direct = XMLRowSerializer()
            direct.start("r")
            let first = direct.attribute("n", integer: number)
            var viaText = XMLRowSerializer()
            viaText.start("r")
            let second = viaText.attribute("n", String(number))
            #expect(first && second)
            #expect(direct.bytes.array == viaText.bytes.array, "\(number)")
        }
    }

    /// The whole report, with rows serialised and without: identical bytes, on the example and
    /// on identities with hostile names, ids, owners and tags.
    @Test func theReportIsTheSameWithAndWithoutSerialisedRows() throws {
        let hostile = XMLReportRendererTests.hostileNames.enumerated().map { index, entry in
            let text = XMLReportRendererTests.jsonString(entry.name)
            return
                #"{"id": "h-\#(index) \#(index % 2 == 0 ? "<&>" : "'q'")", "kind": "bot", "name": \#(text), "owner": \#(text), "tags": {"t": \#(text)}, "credentials": [{"id": \#(text), "type": "api-key", "created": "2020-01-01"}]}"#
        }
        let json = #"{"version": 1, "identities": [\#(hostile.joined(separator: ", "))]}"#
        let reports = [
            try XMLReferenceReportTests.exampleReport(),
            try XMLReportRendererTests.report(inventoryJSON: json, includePassing: true),
        ]
        for report in reports {
            var outputs: [[UInt8]] = []
            for serializesRows in [true, false] {
                let sink = MemorySink()
                try ReportExporter(report).export(to: XMLExportWriter(sink: sink, serializesRows: serializesRows))
                outputs.append(sink.bytes)
            }
            #expect(outputs[0] == outputs[1])
            #expect(outputs[0].count > 1000)
        }
    }
}

/// Names given as strings in these tests.
extension XMLRowSerializer {
    fileprivate mutating func start(_ name: String, lineBreak: Bool = false) {
        start(XMLName(name), lineBreak: lineBreak)
    }

    fileprivate mutating func attribute(_ name: String, _ value: String) -> Bool {
        attribute(XMLName(name), value)
    }

    fileprivate mutating func attribute(_ name: String, integer value: Int) -> Bool {
        attribute(XMLName(name), integer: value)
    }
}
