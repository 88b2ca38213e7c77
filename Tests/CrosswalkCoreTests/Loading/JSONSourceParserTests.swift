import CrosswalkCore
import Testing

@Suite struct JSONSourceParserTests {
    @Test func recordsLineAndColumnOfNestedValues() throws {
        let text = "{\n  \"a\": [1,\n    {\"b\": \"é\", \"c\": true}]\n}"
        let root = try JSONSourceParser.parse(Array(text.utf8))
        guard case let .object(members) = root.value, case let .array(elements) = members[0].value.value,
            case let .object(inner) = elements[1].value
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(members[0].keyLocation == SourceLocation(line: 2, column: 3))
        #expect(elements[1].location == SourceLocation(line: 3, column: 5))
        #expect(inner[1].keyLocation == SourceLocation(line: 3, column: 16), "columns count characters, not bytes")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "1:9", "expected a quoted key in the object"),
        ("{\"a\": 1, \"a\": 2}", "1:10", "duplicate key 'a' in the same object"),
        ("[1, 2", "1:6", "expected ',' or ']', found the end of the input"),
        ("{\"a\": \"x\ny\"}", "1:9", "unterminated string (a line break inside quotes)"),
        ("{\"a\": tru}", "1:7", "expected 'true'"),
        ("[1] [2]", "1:5", "unexpected text after the JSON value"),
    ])
    func rejectsMalformedJSONWithItsPosition(_ text: String, _ position: String, _ message: String) {
        do {
            _ = try JSONSourceParser.parse(Array(text.utf8))
            Issue.record("\(text) should not parse")
        } catch {
            #expect("\(error.location.line):\(error.location.column)" == position)
            #expect(error.message == message)
        }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let root = try JSONSourceParser.parse(Array(#"["a\"b\\\u00e9\ud83d\ude00\n"]"#.utf8))
        guard case let .array(elements) = root.value, case let .string(text) = elements[0].value else {
            Issue.record("unexpected shape")
            return
        }
        #expect(text == "a\"b\\é😀\n")
    }

    @Test func rejectsHostileNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSourceParser.SyntaxError.self) { try JSONSourceParser.parse(Array(deep.utf8)) }
    }
}
