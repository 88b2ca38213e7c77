import Testing

@testable import CrosswalkCore

/// Every time-stamp form and sentinel the format reference lists.
struct ExportTimeTests {
    private func seconds(_ text: String) -> Int64? { ExportTime(text).timestamp?.secondsSinceEpoch }

    @Test func readsEveryDateTimeForm() {
        let utc: Int64 = 1_576_696_208  // 2019-12-18T19:10:08Z
        #expect(seconds("2019-12-18T19:10:08+00:00") == utc)
        #expect(seconds("2019-12-18T19:10:08Z") == utc)
        #expect(seconds("2019-12-18 19:10:08+00:00") == utc)
        #expect(seconds("2019-12-18T19:10:08.696575Z") == utc)
        #expect(seconds("2019-12-18T19:10:08.4439540Z") == utc)
        // A local time with an offset is converted to UTC: 15:47 at -06:00 is 21:47Z.
        #expect(seconds("2019-10-17T15:47:00.587000-06:00") == seconds("2019-10-17T21:47:00Z"))
        #expect(seconds("2024-03-01") == seconds("2024-03-01T00:00:00Z"))
    }

    @Test func readsEpochSecondsAsIntegerOrText() {
        #expect(seconds("1552410266") == 1_552_410_266)
        let node = SourceNode(.integer(1_552_410_266), at: nil)
        #expect(ExportTime(node).timestamp?.secondsSinceEpoch == 1_552_410_266)
    }

    @Test func sentinelsMeanNoDateNeverEpochZero() {
        for sentinel in ["N/A", "no_information", "not_supported", "", "  ", "0", "9999-12-31T23:59:59Z"] {
            #expect(ExportTime(sentinel) == .none, "\(sentinel)")
        }
        #expect(ExportTime(SourceNode(.null, at: nil)) == .none)
        #expect(ExportTime(nil as SourceNode?) == .none)
        #expect(ExportTime(SourceNode(.integer(0), at: nil)) == .none)
    }

    @Test func rejectsTextThatIsNoTime() {
        #expect(ExportTime("yesterday") == .invalid)
        #expect(ExportTime("2019-13-01") == .invalid)
        #expect(ExportTime("2019-12-18T19:10:08") == .invalid)  // a time needs Z or an offset
        #expect(ExportTime(SourceNode(.array([]), at: nil)) == .invalid)
    }
}
