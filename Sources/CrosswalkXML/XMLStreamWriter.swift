import CLibXML2
import CrosswalkCore

/// A streaming XML writer over libxml2's `xmlTextWriter`, writing indented UTF-8 into memory.
///
/// Elements and attributes are written as they come (no document tree), so writing a report with
/// a million results takes time and memory proportional to its bytes. Every libxml2 call is
/// checked; a failure throws a ``Diagnostic`` naming the call and the element. Text and attribute
/// values pass through ``XMLCharacters/sanitized(_:)`` first, so the output is always well-formed.
final class XMLStreamWriter {
    /// The file named in diagnostics.
    let file: String
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    /// Open elements, innermost last, for messages.
    private var openElements: [String] = []
    private var isFinished = false

    /// Creates a writer that indents nested elements by `indent`.
    init(file: String, indent: String = "  ") throws {
        XMLLibrary.initialize()
        self.file = file
        guard let buffer = xmlBufferCreate() else {
            throw Diagnostic(.error, file: file, message: "libxml2 could not allocate an output buffer (out of memory)")
        }
        // Grow by doubling: the default scheme reallocates to the exact size on every flush.
        xmlBufferSetAllocationScheme(buffer, XML_BUFFER_ALLOC_DOUBLEIT)
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw Diagnostic(.error, file: file, message: "libxml2 could not create a text writer (out of memory)")
        }
        self.buffer = buffer
        self.writer = writer
        try check(xmlTextWriterSetIndent(writer, 1), "xmlTextWriterSetIndent")
        try indent.withCString { indent in
            try check(
                xmlTextWriterSetIndentString(writer, XMLLibrary.xmlString(indent)),
                "xmlTextWriterSetIndentString"
            )
        }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
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

    /// Closes every open element, ends the document and returns its bytes.
    func finish() throws -> [UInt8] {
        precondition(!isFinished, "XMLStreamWriter.finish() called twice")
        isFinished = true
        try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
        openElements.removeAll()
        try check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
        let count = Int(xmlBufferLength(buffer))
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: count))
    }

    /// Throws when a libxml2 writer call reports failure (a negative result).
    private func check(_ result: Int32, _ call: String, detail: String? = nil) throws {
        guard result < 0 else { return }
        var place = openElements.last.map { " in element '\($0)'" } ?? ""
        if let detail { place = " for \(detail)" + place }
        throw Diagnostic(
            .error,
            file: file,
            message: "cannot write the XML document: libxml2's \(call) failed\(place) (out of memory?)"
        )
    }
}
