import Testing

@testable import CrosswalkCore

/// The byte writers that format numbers without building strings write what the standard
/// library's formatting would.
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
}
