import CLibXML2
import CrosswalkCore

/// A streaming XML writer over libxml2's `xmlTextWriter`, writing UTF-8 to a ``ReportSink`` through
/// an `xmlOutputBuffer` whose write callback hands each block to the sink (or into memory, for
/// tests).
///
/// Elements and attributes are written as they come (no document tree), so writing a report with
/// a million results takes time proportional to its bytes and bounded memory. Every libxml2 call
/// is checked; a failure throws a ``Diagnostic`` naming the call and the element, or the sink's own
/// error (disk full). Text and attribute values pass through ``XMLCharacters/sanitized(_:)``
/// first, so the output is always well-formed.
final class XMLStreamWriter {
    /// The file named in diagnostics.
    let file: String
    private let target: XMLOutputTarget
    private let writer: xmlTextWriterPtr
    /// Open elements, innermost last, for messages.
    private var openElements: [String] = []
    private var isFinished = false

    /// Creates a writer into memory that indents nested elements by `indent`; ``finish()`` returns
    /// the bytes.
    convenience init(file: String, indent: String? = "  ") throws {
        try self.init(file: file, sink: MemorySink(), indent: indent)
    }

    /// Creates a writer that streams to `sink`, indenting nested elements by `indent` (nil: none).
    init(file: String, sink: any ReportSink, indent: String? = nil) throws {
        XMLLibrary.initialize()
        self.file = file
        let target = XMLOutputTarget(sink: sink)
        guard
            let output = xmlOutputBufferCreateIO(
                xmlOutputTargetWrite,
                nil,
                Unmanaged.passUnretained(target).toOpaque(),
                nil
            )
        else {
            throw Diagnostic(.error, file: file, message: "libxml2 could not allocate an output buffer (out of memory)")
        }
        guard let writer = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            throw Diagnostic(.error, file: file, message: "libxml2 could not create a text writer (out of memory)")
        }
        self.target = target
        self.writer = writer
        if let indent {
            try check(xmlTextWriterSetIndent(writer, 1), "xmlTextWriterSetIndent")
            try indent.withCString { indent in
                try check(
                    xmlTextWriterSetIndentString(writer, XMLLibrary.xmlString(indent)),
                    "xmlTextWriterSetIndentString"
                )
            }
        }
    }

    deinit {
        xmlFreeTextWriter(writer)
    }

    /// Writes the XML declaration: `<?xml version="1.0" encoding="UTF-8"?>`.
    func startDocument() throws {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "xmlTextWriterStartDocument")
    }

    /// Opens an element; with `namespace`, declares it as the default namespace of the element.
    func startElement(_ name: String, namespace: String? = nil) throws {
        openElements.append(name)
        try name.withCString { name in
            if let namespace {
                try namespace.withCString { uri in
                    try check(
                        xmlTextWriterStartElementNS(writer, nil, XMLLibrary.xmlString(name), XMLLibrary.xmlString(uri)),
                        "xmlTextWriterStartElementNS"
                    )
                }
            } else {
                try check(xmlTextWriterStartElement(writer, XMLLibrary.xmlString(name)), "xmlTextWriterStartElement")
            }
        }
    }

    /// Writes an attribute of the element just opened; libxml2 escapes the value.
    func attribute(_ name: String, _ value: String) throws {
        try name.withCString { name in
            try XMLCharacters.sanitized(value).withCString { value in
                try check(
                    xmlTextWriterWriteAttribute(writer, XMLLibrary.xmlString(name), XMLLibrary.xmlString(value)),
                    "xmlTextWriterWriteAttribute",
                    detail: "attribute '\(String(cString: name))'"
                )
            }
        }
    }

    /// Writes an attribute when `value` is present; nothing otherwise.
    func attribute(_ name: String, _ value: String?) throws {
        if let value { try attribute(name, value) }
    }

    func attribute(_ name: String, _ value: Int) throws {
        try attribute(name, String(value))
    }

    func attribute(_ name: String, _ value: Bool) throws {
        try attribute(name, value ? "true" : "false")
    }

    /// Writes character data inside the open element; libxml2 escapes `<`, `>`, `&` and CR.
    func text(_ value: String) throws {
        try XMLCharacters.sanitized(value).withCString { value in
            try check(xmlTextWriterWriteString(writer, XMLLibrary.xmlString(value)), "xmlTextWriterWriteString")
        }
    }

    /// Closes the innermost open element (as `<name/>` when it has no content).
    func endElement() throws {
        try check(xmlTextWriterEndElement(writer), "xmlTextWriterEndElement")
        openElements.removeLast()
    }

    /// Writes `<name>text</name>`.
    func textElement(_ name: String, _ value: String) throws {
        try startElement(name)
        try text(value)
        try endElement()
    }

    /// Writes `<name>text</name>` when `value` is present; nothing otherwise.
    func textElement(_ name: String, _ value: String?) throws {
        if let value { try textElement(name, value) }
    }

    /// Writes an element whose attributes and children `body` writes.
    func element(_ name: String, namespace: String? = nil, _ body: () throws -> Void) throws {
        try startElement(name, namespace: namespace)
        try body()
        try endElement()
    }

    /// Writes a line break between elements (in element-only content, where it is insignificant).
    func lineBreak() throws {
        try check(xmlTextWriterWriteRaw(writer, "\n"), "xmlTextWriterWriteRaw")
    }

    /// Writes `bytes` as they are, already well-formed and escaped (rows serialised by
    /// ``XMLRowSerializer``); closes the start tag of the innermost open element first. The bytes
    /// go straight to the sink after what libxml2 has buffered, without a copy through libxml2.
    func raw(_ bytes: ByteAccumulator) throws {
        guard !bytes.isEmpty else { return }
        // An empty raw write closes an open start tag; the flush hands libxml2's buffer on first.
        try check(xmlTextWriterWriteRawLen(writer, "", 0), "xmlTextWriterWriteRawLen")
        try check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
        try bytes.withUnsafeBytes { try target.sink.write($0) }
    }

    /// Closes every open element, ends the document and flushes it to the sink; returns the bytes
    /// when writing into memory, and nothing otherwise.
    @discardableResult
    func finish() throws -> [UInt8] {
        precondition(!isFinished, "XMLStreamWriter.finish() called twice")
        isFinished = true
        try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
        openElements.removeAll()
        try check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
        return (target.sink as? MemorySink)?.bytes ?? []
    }

    /// Throws when a libxml2 writer call reports failure (a negative result).
    private func check(_ result: Int32, _ call: String, detail: String? = nil) throws {
        guard result < 0 else { return }
        if let error = target.error { throw error }
        var place = openElements.last.map { " in element '\($0)'" } ?? ""
        if let detail { place = " for \(detail)" + place }
        throw Diagnostic(
            .error,
            file: file,
            message: "cannot write the XML document: libxml2's \(call) failed\(place) (out of memory?)"
        )
    }
}

/// Where libxml2's output buffer writes: the sink, and the first error it threw.
final class XMLOutputTarget {
    let sink: any ReportSink
    var error: (any Error)?

    init(sink: any ReportSink) { self.sink = sink }
}

/// libxml2's write callback: hands a block to the ``XMLOutputTarget`` in `context`.
private func xmlOutputTargetWrite(
    _ context: UnsafeMutableRawPointer?,
    _ buffer: UnsafePointer<CChar>?,
    _ length: Int32
) -> Int32 {
    guard let context else { return -1 }
    let target = Unmanaged<XMLOutputTarget>.fromOpaque(context).takeUnretainedValue()
    guard target.error == nil else { return -1 }
    guard length > 0, let buffer else { return 0 }
    do {
        try target.sink.write(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
        return length
    } catch {
        target.error = error
        return -1
    }
}
