import CrosswalkCore
import CrosswalkTestSupport
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

    @Test(arguments: [
        (
            Array(#"{"id": "agent-"#.utf8) + [0xFE] + Array(#""}"#.utf8), "1:15",
            "byte 0xFE is not valid UTF-8; the file must be UTF-8 text"
        ),
        (
            Array(#"{"id": "a\n"#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8), "1:12",
            "byte 0xED is not valid UTF-8; the file must be UTF-8 text"
        ),
        (
            Array("[\"\u{e9}\", \"x".utf8) + [0xF8, 0x88] + Array("\"]".utf8), "1:9",
            "byte 0xF8 is not valid UTF-8; the file must be UTF-8 text"
        ),
        (
            Array(#"["a\ud800"]"#.utf8), "1:4",
            "lone surrogate escape '\\uD800' in a string; a surrogate must be part of a high-low pair"
        ),
        (
            Array(#"["\udc00b"]"#.utf8), "1:3",
            "lone surrogate escape '\\uDC00' in a string; a surrogate must be part of a high-low pair"
        ),
        (
            Array(#"["\ud83d\u0041"]"#.utf8), "1:3",
            "lone surrogate escape '\\uD83D' in a string; a surrogate must be part of a high-low pair"
        ),
        (
            [0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D], "1:1",
            "the file is UTF-16 (big-endian) text; Crosswalk reads UTF-8 only, so convert the file to UTF-8"
        ),
        (
            [0x7B, 0x00, 0x00, 0x00, 0x7D, 0x00, 0x00, 0x00], "1:1",
            "the file is UTF-32 (little-endian) text; Crosswalk reads UTF-8 only, so convert the file to UTF-8"
        ),
        (Array("[\"a".utf8) + [0x00] + Array("\"]".utf8), "1:4", "unescaped control character in a string"),
    ])
    func rejectsTextThatIsNotUnicodeWithItsPosition(_ bytes: [UInt8], _ position: String, _ message: String) {
        do {
            _ = try JSONSourceParser.parse(bytes)
            Issue.record("\(bytes) should not parse")
        } catch {
            #expect("\(error.location.line):\(error.location.column)" == position)
            #expect(error.message == message)
        }
    }

    @Test func keepsIdsThatDifferOnlyInInvalidBytesApartByRejectingThem() {
        let bytes =
            Array(#"{"version":1,"identities":[{"id":"agent-"#.utf8) + [0xFF]
            + Array(#"","kind":"agent"},{"id":"child","kind":"agent","spawned_by":"agent-"#.utf8) + [0xFE]
            + Array(#""}]}"#.utf8)
        let lines = Fixtures.errorLines {
            _ = try InventoryLoader().load([InputFile(path: "inventory.json", bytes: bytes)])
        }
        #expect(
            lines == [
                "inventory.json:1:41: error: invalid JSON: byte 0xFF is not valid UTF-8; the file must be UTF-8 text"
            ]
        )
    }

    @Test func acceptsEveryWellFormedUTF8LengthAndAByteOrderMark() throws {
        let root = try JSONSourceParser.parse([0xEF, 0xBB, 0xBF] + Array(#"["a\u00e9é€😀"]"#.utf8))
        guard case let .array(elements) = root.value, case let .string(text) = elements[0].value else {
            Issue.record("unexpected shape")
            return
        }
        #expect(text == "aéé€😀")
    }

    @Test func namesAWideEncodingOnlyAtTheStartOfAFile() {
        let lines = Fixtures.errorLines {
            _ = try InventoryLoader().load([InputFile(path: "inventory.jsonl", bytes: [0x7B, 0x00, 0x7D, 0x00])])
        }
        #expect(
            lines.first
                == "inventory.jsonl:1:1: error: invalid JSON: the file is UTF-16 (little-endian) text; Crosswalk reads UTF-8 only, so convert the file to UTF-8"
        )
        let utf16 = Array(
            "{\"version\": 1}\n{\"id\": \"a\", \"kind\": \"bot\"}\n{\"id\": \"b\", \"kind\": \"bot\"}\n".utf16
        )
        .flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let wideFileLines = Fixtures.errorLines {
            _ = try InventoryLoader().load([InputFile(path: "inventory.jsonl", bytes: utf16)])
        }
        #expect(wideFileLines.count == 1, "a UTF-16 JSON Lines file is named once, not once per line: \(wideFileLines)")
        do {
            _ = try JSONSourceParser.parse([0x00, 0x7B, 0x00, 0x7D], firstLine: 2)
            Issue.record("a NUL byte does not parse")
        } catch {
            #expect(error.message == "expected a JSON value, found '\\u{0}'")
        }
    }
}
