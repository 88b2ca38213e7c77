import Testing

@testable import CrosswalkCore

/// The byte writers that format numbers without building strings write what the standard
/// library's formatting would, and a short text held in words appends the text's own bytes.
@Suite struct ByteFormattingTests {
    static let numbers: [Int] = Array(-12...12) + [99, 100, 101, 65_535, 1_000_000, .max, .min, .max - 1, .min + 1]

    @Test func decimalsAreWrittenAsStringFormatsThem() {
        let bytes = ByteAccumulator(capacity: 8)
        for number in Self.numbers {
            bytes.removeAll()
            bytes.append(decimal: number)
            #expect(String(decoding: bytes.array, as: UTF8.self) == String(number))
        }
    }

    static let prefixes: [UInt64] = [0, 1, 9, 10, 15, 16, 0xABCD_EF01_2345_6789, 0x0123_4567_89AB_CDEF, .max, .max - 1]

    @Test func findingIDsAreCWAndSixteenLowercaseHexDigits() {
        for prefix in Self.prefixes {
            let digits = String(prefix, radix: 16)
            let expected = "CW-" + String(repeating: "0", count: 16 - digits.count) + digits
            #expect(FindingID.text(prefix) == expected)
            FindingID.withText(prefix) { #expect(String(decoding: $0, as: UTF8.self) == expected) }
        }
    }

    static let texts = [
        "", "a", "id", "observation", "sixteen-bytes-ok", "seventeen-bytes-no", "é", "🦊🦊🦊🦊", "ab\u{0}c",
    ]

    @Test func shortTextsAppendTheirOwnBytesAndLongerOnesAreRefused() {
        for text in Self.texts {
            let utf8 = Array(text.utf8)
            guard let short = ShortUTF8(text) else {
                #expect(utf8.count > 16, "\(text.debugDescription) refused")
                continue
            }
            #expect(short.count == utf8.count)
            #expect(short.bytes == utf8)
            let bytes = ByteAccumulator(capacity: 8)
            bytes.append(UInt8(ascii: "<"))
            bytes.append(short)
            bytes.append(short)
            bytes.append(UInt8(ascii: ">"))
            #expect(bytes.array == [UInt8(ascii: "<")] + utf8 + utf8 + [UInt8(ascii: ">")], "\(text.debugDescription)")
        }
    }
}
