import Testing

@testable import CrosswalkCore

/// The word-at-a-time search the JSON and XML writers escape with, against a plain byte-by-byte
/// search: the first control byte or special, exactly, from any start, in texts of any length.
@Suite struct PlainByteRunTests {
    /// The byte-by-byte answer.
    static func firstSpecial(_ bytes: [UInt8], from start: Int, _ specials: [UInt8]) -> Int {
        var index = start
        while index < bytes.count, bytes[index] >= 0x20, !specials.contains(bytes[index]) { index += 1 }
        return index
    }

    /// Texts made of the bytes where a word-wide comparison can go wrong: controls and their
    /// neighbours, each special and its neighbours, spaces, high bytes; drawn by a fixed
    /// generator, so every run checks the same texts.
    static func texts() -> [[UInt8]] {
        let pool: [UInt8] = [
            0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x25, 0x26, 0x27, 0x3B, 0x3C, 0x3D, 0x3E,
            0x3F, 0x41, 0x5B, 0x5C, 0x5D, 0x61, 0x7E, 0x7F, 0x80, 0xA0, 0xBF, 0xC3, 0xEE, 0xEF, 0xF0, 0xFF,
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var texts: [[UInt8]] = []
        for length in 0...40 {
            for _ in 0..<60 {
                // Mostly plain letters, so that runs of several words occur before a special.
                texts.append((0..<length).map { _ in next() % 4 == 0 ? pool[next() % pool.count] : 0x61 })
            }
        }
        return texts
    }

    @Test(
        arguments: [
            [0x22, 0x5C, 0x7F, 0x22, 0x22],  // the JSON writer's
            [0x26, 0x3C, 0x3E, 0x22, 0xEF],  // the XML writer's
        ] as [[UInt8]]
    )
    func findsTheFirstSpecialExactly(_ specials: [UInt8]) {
        let tuple = (specials[0], specials[1], specials[2], specials[3], specials[4])
        for text in Self.texts() {
            text.withUnsafeBufferPointer { buffer in
                for start in 0...text.count {
                    let found = PlainByteRun.end(in: buffer, from: start, specials: tuple)
                    #expect(found == Self.firstSpecial(text, from: start, specials), "\(text) from \(start)")
                }
            }
        }
    }
}
