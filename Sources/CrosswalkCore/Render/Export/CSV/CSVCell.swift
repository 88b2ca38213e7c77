/// How one value becomes one CSV cell (RFC 4180) that no spreadsheet evaluates.
///
/// Every cell is enclosed in double quotes and each `"` inside it is doubled, so commas, quotes,
/// line breaks and any other character in a value stay inside its cell. A value that starts with a
/// character a spreadsheet reads as the start of a formula or command (`=`, `+`, `-`, `@`, TAB or
/// CR, OWASP's list for CSV injection) gets a leading `'`, which makes spreadsheets treat the cell
/// as text. Readers that are not spreadsheets see the `'`: ``neutralised(_:)`` is what they read.
public enum CSVCell {
    /// The first characters that make a spreadsheet evaluate a cell.
    public static let formulaTriggers: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// What a value becomes inside its cell: `value` with a leading `'` when it starts with a
    /// formula trigger, else `value` itself.
    public static func neutralised(_ value: String) -> String {
        guard let first = value.utf8.first, formulaTriggers.contains(first) else { return value }
        return "'" + value
    }

    /// Appends `value` to `out` as a quoted, neutralised cell.
    static func append(_ value: String, to out: ExportByteBuffer) {
        out.append(UInt8(ascii: "\""))
        if let first = value.utf8.first, formulaTriggers.contains(first) { out.append(UInt8(ascii: "'")) }
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\"") {
                // Copy the run up to and including the quote, then double it.
                out.append(UnsafeBufferPointer(rebasing: bytes[start...index]))
                out.append(UInt8(ascii: "\""))
                start = index + 1
            }
            if start < bytes.count { out.append(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
