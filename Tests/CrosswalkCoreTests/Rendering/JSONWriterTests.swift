import Foundation
import Testing

@testable import CrosswalkCore

@Suite struct JSONWriterTests {
    /// A small document through ``JSONExportWriter``: a record, a scalar list, a list of records.
    private func text(pretty: Bool, name: String = "n") throws -> String {
        let sink = MemorySink()
        let writer = JSONExportWriter(sink: sink, pretty: pretty)
        try writer.beginDocument(schema: "urn:test", version: "1")
        try writer.beginRecord("run")
        try writer.field("count", .integer(2))
        try writer.field("skipped", nil)
        try writer.field("share", .decimal(2.5))
        try writer.field("whole", .decimal(3))
        try writer.endRecord()
        try writer.beginList("tags", item: "tag")
        try writer.item(.text(name))
        try writer.endList()
        try writer.beginList("rows", item: "row")
        for flag in [true, false] {
            try writer.beginRecord("row")
            try writer.field("flag", .bool(flag))
            try writer.endRecord()
        }
        try writer.endList()
        try writer.beginList("empty", item: "none")
        try writer.endList()
        try writer.endDocument()
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    @Test func compactOutputHasOneLinePerRecordOfAListAndKeepsTheGivenOrder() throws {
        #expect(
            try text(pretty: false) == """
                {"schema":"urn:test","run":{"count":2,"share":2.5,"whole":3},"tags":["n"],"rows":[
                {"flag":true},
                {"flag":false}],"empty":[]}

                """
        )
    }

    /// Keys are copied from their names' prepared `"key":` bytes; a name that needs escaping has
    /// none and is escaped like any string.
    @Test func keysAreQuotedAndEscaped() throws {
        #expect(ExportName("count").jsonKey == Array(#""count":"#.utf8))
        let odd = ExportName(json: "a\"b\\c\n", xml: "odd")
        #expect(odd.jsonKey.isEmpty)
        let sink = MemorySink()
        let writer = JSONExportWriter(sink: sink)
        try writer.beginDocument(schema: "urn:test", version: "1")
        try writer.field(odd, .integer(1))
        try writer.field("plain", .integer(2))
        try writer.endDocument()
        #expect(String(decoding: sink.bytes, as: UTF8.self) == #"{"schema":"urn:test","a\"b\\c\n":1,"plain":2}"# + "\n")
    }

    @Test func prettyOutputIndentsByTwoSpaces() throws {
        #expect(
            try text(pretty: true) == """
                {
                  "schema": "urn:test",
                  "run": {
                    "count": 2,
                    "share": 2.5,
                    "whole": 3
                  },
                  "tags": [
                    "n"
                  ],
                  "rows": [
                    {
                      "flag": true
                    },
                    {
                      "flag": false
                    }
                  ],
                  "empty": []
                }

                """
        )
    }

    @Test func escapesStringsSoAnyTextRoundTrips() throws {
        let hostile =
            "quote \" backslash \\ slash / newline \n tab \t bell \u{07} nul \u{0} del \u{7F} é 😀 </script> ]]> \u{FFFE}"
        for pretty in [false, true] {
            let written = try text(pretty: pretty, name: hostile)
            #expect(written.contains(#"\u0007"#) && written.contains(#"\u0000"#) && written.contains(#"\u007f"#))
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
            #expect(parsed["tags"] as? [String] == [hostile])
        }
    }

    /// Plain text is passed over eight bytes at a time: every character that needs escaping is
    /// still found at every place in and across those words.
    @Test func everyCharacterNeedingAnEscapeIsFoundAtEveryPlaceInAWord() throws {
        let characters = (0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) } + ["é", "😀", "\u{FFFE}", "\u{EF}"]
        for character in characters {
            for place in 0..<18 {
                var text = String(repeating: "a", count: 17)
                text.insert(character, at: text.index(text.startIndex, offsetBy: place))
                let written = try self.text(pretty: false, name: text)
                let parsed = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
                #expect(parsed["tags"] as? [String] == [text], "\(character.debugDescription) at \(place)")
            }
        }
    }

    @Test func largeDocumentsReachTheSinkInBlocks() throws {
        final class CountingSink: ReportSink {
            var writes: [Int] = []
            func write(_ bytes: UnsafeRawBufferPointer) throws { writes.append(bytes.count) }
        }
        let sink = CountingSink()
        let writer = JSONExportWriter(sink: sink)
        try writer.beginDocument(schema: "urn:test", version: "1")
        try writer.beginList("rows", item: "row")
        for index in 0..<20_000 {
            try writer.beginRecord("row")
            try writer.field("text", .text("row number \(index)"))
            try writer.endRecord()
        }
        try writer.endList()
        try writer.endDocument()
        #expect(sink.writes.count > 3)
        #expect(sink.writes.allSatisfy { $0 <= ExportByteBuffer.blockSize + 4096 })
    }
}
