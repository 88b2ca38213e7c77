import CrosswalkCore

/// Writes the export model as XML (docs/report-xml.md) with libxml2's streaming writer: the root
/// `report` in the namespace ``ReportExporter/schema``; records and lists are elements; identifiers,
/// numbers, flags and the observed values of results are attributes; other free text is element
/// content; a scalar list item is an element named for the list's items; the lists inside a
/// result have no wrapper element. Without indentation; each record of a list up to
/// ``exportRowDepth`` starts on a new line, so each result is one line.
final class XMLExportWriter: ExportWriter {
    private let xml: XMLStreamWriter
    /// Open containers, innermost last: the item name when the container is a list.
    private var open: [ExportName?] = []
    /// For each open list, innermost last, whether it has an element of its own.
    private var listWrapped: [Bool] = []

    init(sink: any ReportSink, file: String = ReportDocument.xmlReport.fileName) throws {
        xml = try XMLStreamWriter(file: file, sink: sink, indent: nil)
    }

    func beginDocument(schema: String, version: String) throws {
        try xml.startDocument()
        try xml.startElement("report", namespace: schema)
        try xml.attribute("schemaVersion", version)
        open.append(nil)
    }

    func endDocument() throws {
        try xml.lineBreak()
        try xml.finish()
    }

    func beginRecord(_ name: ExportName) throws {
        if open.last.flatMap({ $0 }) != nil, open.count <= exportRowDepth { try xml.lineBreak() }
        try xml.startElement(name.xml)
        open.append(nil)
    }

    func endRecord() throws {
        open.removeLast()
        try xml.endElement()
    }

    func beginList(_ name: ExportName, item: ExportName, wrapped: Bool) throws {
        if wrapped { try xml.startElement(name.xml) }
        listWrapped.append(wrapped)
        open.append(item)
    }

    func endList() throws {
        open.removeLast()
        if listWrapped.removeLast() { try xml.endElement() }
    }

    func field(_ name: ExportName, _ value: ExportValue?) throws {
        guard let value else { return }
        if case let .text(text) = value {
            try xml.textElement(name.xml, text)
        } else {
            try xml.attribute(name.xml, try lexical(value, name))
        }
    }

    func item(_ value: ExportValue) throws {
        guard let item = open.last.flatMap({ $0 }) else { return }
        try xml.textElement(item.xml, try lexical(value, item))
    }

    /// The value as XML Schema writes it: `xs:decimal` without exponent, `true`/`false`.
    private func lexical(_ value: ExportValue, _ name: ExportName) throws -> String {
        switch value {
        case let .identifier(text), let .text(text), let .inlineText(text): return text
        case let .integer(number): return String(number)
        case let .bool(flag): return flag ? "true" : "false"
        case let .decimal(number):
            guard let text = XMLDecimal.text(number) else {
                throw Diagnostic(
                    .error,
                    file: xml.file,
                    message: "cannot write the XML report: \(name.xml) is \(number), not a number"
                )
            }
            return text
        }
    }
}
