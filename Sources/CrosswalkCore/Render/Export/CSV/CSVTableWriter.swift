/// Writes one CSV document to a ``ReportSink`` as it goes: a UTF-8 byte order mark, a header row,
/// then rows, each cell quoted and neutralised by ``CSVCell`` and each row ended by CR LF
/// (RFC 4180). Rows are handed to the sink in blocks, so a table of millions of rows takes bounded
/// memory.
///
/// The byte order mark (EF BB BF) is there for Excel, which otherwise reads a CSV file in the
/// system's legacy code page and garbles every non-ASCII name; LibreOffice, Google Sheets and
/// Python's `utf-8-sig` codec skip it.
final class CSVTableWriter {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private let out: ExportByteBuffer
    private let columnCount: Int

    /// Starts the document with the byte order mark and the header row.
    init(sink: any ReportSink, header: [String]) {
        out = ExportByteBuffer(sink: sink)
        columnCount = header.count
        out.append(Self.byteOrderMark)
        appendRow(header)
    }

    /// Writes one row; it must have as many cells as the header.
    func row(_ cells: [String]) throws {
        precondition(cells.count == columnCount, "a CSV row has \(cells.count) cells for \(columnCount) columns")
        appendRow(cells)
        try out.flushIfFull()
    }

    /// Writes what is still buffered.
    func finish() throws {
        try out.flush()
    }

    private func appendRow(_ cells: [String]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            CSVCell.append(cell, to: out)
        }
        out.append(0x0D)
        out.append(0x0A)
    }
}
