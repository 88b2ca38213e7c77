import CrosswalkCore

/// Writes the export model as XML (docs/report-xml.md) with libxml2's streaming writer: the root
/// `report` in the namespace ``ReportExporter/schema``; records and lists are elements; identifiers,
/// numbers, flags and the observed values of results are attributes; other free text is element
/// content; a scalar list item is an element named for the list's items; the lists inside a
/// result have no wrapper element. Without indentation; each record of a list up to
/// ``exportRowDepth`` starts on a new line, so each result is one line.
///
/// The records of lists at ``exportRowDepth`` (results, framework entries) and the rows the
/// exporter opens with ``beginRow(_:)`` (the identity table): millions of rows at scale, are
/// serialised by ``XMLRowSerializer`` with the same markup and escaping, and handed to the sink
/// after libxml2's buffer a block at a time; everything else goes through libxml2's writer call
/// by call.
final class XMLExportWriter: ExportWriter {
    private let xml: XMLStreamWriter
    // The writer is used from one thread at a time and its state is private: the run-time
    // exclusivity checks on it (millions of calls at scale) are left out.
    /// Open containers, innermost last: the XML name of its items when the container is a list.
    /// Only that spelling is kept: a whole ``ExportName`` also holds its JSON key's bytes, whose
    /// reference count every push and pop would change, millions of times, on memory the JSON
    /// writer's thread reads too.
    @exclusivity(unchecked) private var open: [XMLName?] = []
    /// For each open list, innermost last, whether it has an element of its own.
    @exclusivity(unchecked) private var listWrapped: [Bool] = []
    /// Rows serialised and not yet handed to libxml2, and the row being written.
    @exclusivity(unchecked) private var rows = XMLRowSerializer()
    /// Whether rows go through ``XMLRowSerializer`` (false: every call through libxml2's writer,
    /// which tests compare against).
    private let serializesRows: Bool

    init(sink: any ReportSink, file: String = ReportDocument.xmlReport.fileName, serializesRows: Bool = true) throws {
        xml = try XMLStreamWriter(file: file, sink: sink, indent: nil)
        self.serializesRows = serializesRows
    }

    func beginDocument(schema: String, version: String) throws {
        try xml.startDocument()
        try xml.startElement("report", namespace: schema)
        try xml.attribute("schemaVersion", version)
        open.append(nil)
    }

    func endDocument() throws {
        try flushRows()
        try xml.lineBreak()
        try xml.finish()
    }

    func beginRecord(_ name: ExportName) throws {
        let inList = open.last.flatMap({ $0 }) != nil
        if rows.inRow {
            rows.start(name)
        } else if serializesRows && inList && open.count == exportRowDepth {
            rows.start(name, lineBreak: true)
        } else {
            try flushRows()
            if inList, open.count <= exportRowDepth { try xml.lineBreak() }
            try xml.startElement(name.xml)
        }
        open.append(nil)
    }

    /// A row outside the depth of results (the identity table: a million rows at scale) is
    /// serialised like a result row instead of call by call through libxml2.
    func beginRow(_ name: ExportName) throws {
        let inList = open.last.flatMap({ $0 }) != nil
        guard serializesRows, inList, !rows.inRow, open.count <= exportRowDepth else {
            try beginRecord(name)
            return
        }
        rows.start(name, lineBreak: true)
        open.append(nil)
    }

    func endRecord() throws {
        open.removeLast()
        if rows.inRow {
            rows.end()
            if !rows.inRow, rows.bytes.count >= XMLRowSerializer.blockSize { try flushRows() }
        } else {
            try flushRows()
            try xml.endElement()
        }
    }

    func beginList(_ name: ExportName, item: ExportName, wrapped: Bool) throws {
        if rows.inRow {
            if wrapped { rows.start(name) }
        } else {
            try flushRows()
            if wrapped { try xml.startElement(name.xml) }
        }
        listWrapped.append(wrapped)
        open.append(XMLName(item))
    }

    func endList() throws {
        open.removeLast()
        let wrapped = listWrapped.removeLast()
        if rows.inRow {
            if wrapped { rows.end() }
        } else {
            try flushRows()
            if wrapped { try xml.endElement() }
        }
    }

    func field(_ name: ExportName, _ value: ExportValue?) throws {
        guard let value else { return }
        if rows.inRow {
            let written: Bool
            switch value {
            case let .text(text):
                rows.start(name)
                rows.text(text)
                rows.end()
                written = true
            case let .integer(number):
                written = rows.attribute(name, integer: number)
            default:
                written = rows.attribute(name, try lexical(value, name.xml))
            }
            if !written { throw attributeAfterContent(name) }
            return
        }
        try flushRows()
        if case let .text(text) = value {
            try xml.textElement(name.xml, text)
        } else {
            try xml.attribute(name.xml, try lexical(value, name.xml))
        }
    }

    func item(_ value: ExportValue) throws {
        guard let item = open.last.flatMap({ $0 }) else { return }
        if rows.inRow {
            rows.start(item)
            rows.text(try lexical(value, item.xml))
            rows.end()
            return
        }
        try flushRows()
        try xml.textElement(item.xml, try lexical(value, item.xml))
    }

    func field(_ name: ExportName, utf8 text: UnsafeRawBufferPointer, as kind: ExportTextKind) throws {
        guard rows.inRow else {
            try field(name, kind.value(String(decoding: text, as: UTF8.self)))
            return
        }
        let utf8 = text.assumingMemoryBound(to: UInt8.self)
        if kind == .text {
            rows.start(name)
            rows.text(utf8: utf8)
            rows.end()
        } else if !rows.attribute(name, utf8: utf8) {
            throw attributeAfterContent(name)
        }
    }

    /// The error of an attribute written after the row's element has content (an exporter bug).
    private func attributeAfterContent(_ name: ExportName) -> Diagnostic {
        Diagnostic(
            .error,
            file: xml.file,
            message: "cannot write the XML report: attribute \(name.xml) comes after element content"
        )
    }

    func item(utf8 text: UnsafeRawBufferPointer, as kind: ExportTextKind) throws {
        guard rows.inRow, let item = open.last.flatMap({ $0 }) else {
            try item(kind.value(String(decoding: text, as: UTF8.self)))
            return
        }
        rows.start(item)
        rows.text(utf8: text.assumingMemoryBound(to: UInt8.self))
        rows.end()
    }

    /// Hands the rows gathered so far to libxml2.
    private func flushRows() throws {
        guard !rows.bytes.isEmpty else { return }
        try xml.raw(rows.bytes)
        rows.clear()
    }

    /// The value as XML Schema writes it: `xs:decimal` without exponent, `true`/`false`.
    private func lexical(_ value: ExportValue, _ name: String) throws -> String {
        switch value {
        case let .identifier(text), let .text(text), let .inlineText(text): return text
        case let .integer(number): return String(number)
        case let .bool(flag): return flag ? "true" : "false"
        case let .decimal(number):
            guard let text = XMLDecimal.text(number) else {
                throw Diagnostic(
                    .error,
                    file: xml.file,
                    message: "cannot write the XML report: \(name) is \(number), not a number"
                )
            }
            return text
        }
    }
}
