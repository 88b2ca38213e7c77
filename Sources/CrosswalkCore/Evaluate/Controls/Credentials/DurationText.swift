/// Writes an exact duration in words for messages and evidence, without rounding: a lifetime of
/// 365 days and 1 second must not read as "365 days" next to a limit of 365 days.
enum DurationText {
    /// `31536000` → `365 days`; `31536001` → `365 days and 1 second`;
    /// `31622399` → `365 days, 23 hours, 59 minutes and 59 seconds`; `0` → `0 seconds`.
    static func describe(seconds: Int64) -> String {
        guard seconds > 0 else { return seconds == 0 ? "0 seconds" : "minus \(describe(magnitude: seconds.magnitude))" }
        return describe(magnitude: seconds.magnitude)
    }

    /// Written byte by byte into one string: credentials' lifetimes are described millions of
    /// times a run, and building the text from parts (each number a string, each part appended)
    /// cost thousands of instructions per duration.
    private static func describe(magnitude seconds: UInt64) -> String {
        let counts = [seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60]
        let parts = counts.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        guard parts > 0 else { return "0 seconds" }
        // The longest text: 15 digits of days and every other unit at its widest, about 60 bytes.
        return String(unsafeUninitializedCapacity: 96) { buffer in
            var position = 0
            func put(_ text: StaticString) {
                text.withUTF8Buffer { bytes in
                    for byte in bytes {
                        buffer[position] = byte
                        position += 1
                    }
                }
            }
            func put(_ number: UInt64) {
                var digits = 1
                var scale: UInt64 = 1
                while number / scale >= 10 {
                    scale *= 10
                    digits += 1
                }
                var rest = number
                for _ in 0..<digits {
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest / scale)
                    rest %= scale
                    scale /= 10
                    position += 1
                }
            }
            var written = 0
            for (index, count) in counts.enumerated() where count > 0 {
                if written > 0 { put(written == parts - 1 ? " and " : ", ") }
                put(count)
                switch index {
                case 0: put(" day")
                case 1: put(" hour")
                case 2: put(" minute")
                default: put(" second")
                }
                if count != 1 { put("s") }
                written += 1
            }
            return position
        }
    }
}
