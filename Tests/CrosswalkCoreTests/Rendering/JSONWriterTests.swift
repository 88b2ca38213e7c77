import Foundation
import Testing

@testable import CrosswalkCore

@Suite struct JSONWriterTests {
    private func text(_ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.write(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func sortsKeysOmitsNilsAndIndentsByTwoSpaces() {
        let value = JSONValue.object([
            ("b", .array([.integer(1), .lazyArray(count: 2) { .integer($0 * 10) }])),
            ("a", .object([])),
            ("skipped", nil),
            ("c", .number(2.5)),
            ("d", .number(3)),
        ])
        #expect(
            text(value) == """
                {
                  "a": {},
                  "b": [
                    1,
                    [
                      0,
                      10
                    ]
                  ],
                  "c": 2.5,
                  "d": 3
                }
                """
        )
    }

    @Test func escapesStringsSoAnyTextRoundTrips() throws {
        let hostile = "quote \" backslash \\ slash / newline \n tab \t bell \u{07} nul \u{0} del \u{7F} é 😀 </script>"
        let written = text(.array([.string(hostile)]))
        #expect(written.contains(#"\u0007"#) && written.contains(#"\u0000"#) && written.contains("/"))
        let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String]
        #expect(parsed == [hostile])
    }
}
