import ArgumentParser

/// A number of bytes as written on the command line: `1048576`, `64K`, `500M`, `2G` or `1T`
/// (binary multiples; a trailing `B` or `iB` is accepted, as in `500MB` or `2GiB`).
/// Used for `--max-input-size`.
struct ByteCount: ExpressibleByArgument, Comparable, CustomStringConvertible {
    var bytes: Int64

    /// The default input size limit: 2 GiB, room for a JSON Lines inventory of a million identities
    /// (about 600 MB).
    static let defaultInputLimit = ByteCount(bytes: 2 << 30)

    init(bytes: Int64) {
        self.bytes = bytes
    }

    init?(argument: String) {
        var text = Substring(argument.uppercased())
        if text.hasSuffix("IB") {
            text = text.dropLast(2)
        } else if text.hasSuffix("B") {
            text = text.dropLast()
        }
        var multiplier: Int64 = 1
        if let unit = text.last, let power = Self.unitPowers[unit] {
            multiplier = Int64(1) << (10 * power)
            text = text.dropLast()
        }
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), let count = Int64(text) else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: multiplier)
        guard !overflow, bytes > 0 else { return nil }
        self.bytes = bytes
    }

    private static let unitPowers: [Character: Int64] = ["K": 1, "M": 2, "G": 3, "T": 4]

    /// The shortest command-line spelling: `2G`, `500M`, `1536K`, `1000`.
    var description: String {
        for (unit, power) in [("T", 4), ("G", 3), ("M", 2), ("K", 1)] {
            let size = Int64(1) << (10 * power)
            if bytes % size == 0 { return "\(bytes / size)\(unit)" }
        }
        return "\(bytes)"
    }

    /// For messages: `2 GiB (2147483648 bytes)`, `1.5 MiB (1572864 bytes)`.
    var readableText: String {
        let units = [("TiB", 4), ("GiB", 3), ("MiB", 2), ("KiB", 1)]
        for (unit, power) in units {
            let size = Int64(1) << (10 * power)
            guard bytes >= size else { continue }
            var whole = bytes / size
            var tenth = (bytes % size * 10 + size / 2) / size
            if tenth == 10 {
                whole += 1
                tenth = 0
            }
            let number = tenth == 0 ? "\(whole)" : "\(whole).\(tenth)"
            return "\(number) \(unit) (\(bytes) bytes)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    static func < (lhs: ByteCount, rhs: ByteCount) -> Bool {
        lhs.bytes < rhs.bytes
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
