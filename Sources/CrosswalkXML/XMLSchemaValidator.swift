import CLibXML2
import CrosswalkCore

/// Validates XML documents against an XSD with libxml2's streaming reader: what
/// `crosswalk validate report.xml` runs.
///
/// The schema is parsed once, from memory. Each document is read node by node with the schema
/// plugged into the reader (`xmlTextReaderSetSchema`), so no document tree is built and a report
/// with a million results validates in bounded memory. Problems come back as compiler-style
/// diagnostics, `report.xml:1935:9: error: Element 'result', attribute 'status': …`: parser
/// errors at the parser's position, schema errors at the start of the element on the line
/// libxml2 names (see ``XMLProblemCollector``).
public final class XMLSchemaValidator {
    /// How many problems one document reports before the rest are only counted.
    public static let maximumReportedProblems = 100

    private let schema: xmlSchemaPtr
    /// A namespace left out of messages (`{urn:crosswalk:report:2}result` reads as `result`).
    private let quietNamespace: String?

    /// The validator for Crosswalk XML reports, from the schema embedded at build time.
    public static func crosswalkReport() throws -> XMLSchemaValidator {
        let path = XMLReportRenderer.schemaPath
        guard let text = BundledResources.text(at: path) else {
            throw Diagnostic(.error, file: path, message: "this build does not bundle the XML report schema")
        }
        return try XMLSchemaValidator(schema: Array(text.utf8), file: path, quietNamespace: XMLReportRenderer.namespace)
    }

    /// Parses an XSD; throws ``InputError`` with libxml2's messages when it is not a valid schema.
    public init(schema bytes: [UInt8], file: String, quietNamespace: String? = nil) throws {
        XMLLibrary.initialize()
        self.quietNamespace = quietNamespace
        let collector = XMLProblemCollector(file: file, quietNamespace: quietNamespace)
        let parsed: xmlSchemaPtr? = collector.capturingThreadErrors {
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, let size = Int32(exactly: buffer.count),
                    let parser = xmlSchemaNewMemParserCtxt(
                        UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                        size
                    )
                else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                xmlSchemaSetParserStructuredErrors(parser, collector.handler, collector.context)
                return xmlSchemaParse(parser)
            }
        }
        guard let parsed else {
            let problems = collector.diagnostics(in: bytes)
            throw InputError(
                problems.isEmpty
                    ? [Diagnostic(.error, file: file, message: "libxml2 could not parse the XML schema")] : problems
            )
        }
        schema = parsed
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// Validates the document `bytes`, named `file` in diagnostics. Returns every problem found
    /// (up to ``maximumReportedProblems``, then a count of the rest); no errors means valid.
    public func validate(_ bytes: [UInt8], file: String) -> [Diagnostic] {
        guard !bytes.isEmpty else {
            return [Diagnostic(.error, file: file, message: "the file is empty; expected an XML report")]
        }
        guard let size = Int32(exactly: bytes.count) else {
            return [
                Diagnostic(.error, file: file, message: "the file is larger than 2 GB, which libxml2 cannot validate")
            ]
        }
        if let encodingProblem = XMLEncodingCheck.problem(in: bytes, file: file) {
            return [encodingProblem]
        }
        if let doctype = Self.documentTypeDeclaration(in: bytes) {
            return [Diagnostic(.error, file: file, location: doctype, message: Self.documentTypeMessage)]
        }
        let collector = XMLProblemCollector(file: file, quietNamespace: quietNamespace)
        let verdict: Diagnostic? = collector.capturingThreadErrors {
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return nil }
                return read(UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), size, file, collector)
            }
        }
        return collector.diagnostics(in: bytes) + (verdict.map { [$0] } ?? [])
    }

    /// Reads the document to its end through a schema-validating reader; returns a diagnostic
    /// when the failure left no libxml2 message behind.
    private func read(
        _ buffer: UnsafePointer<CChar>,
        _ size: Int32,
        _ file: String,
        _ collector: XMLProblemCollector
    ) -> Diagnostic? {
        // No network access, no DTD loading and no entity substitution: a report needs none.
        let options = Int32(XML_PARSE_NONET.rawValue)
        guard let reader = xmlReaderForMemory(buffer, size, file, nil, options) else {
            return Diagnostic(.error, file: file, message: "libxml2 could not create a reader (out of memory?)")
        }
        defer { xmlFreeTextReader(reader) }
        // Schema errors reach the reader's structured handler, which must be set before the schema
        // is plugged in: set afterwards, libxml2 2.9 passes parser errors to the reader's relay
        // with the schema plug as context, and crashes. Well-formedness errors then bypass the
        // reader and reach the thread's handler (see `capturingThreadErrors`).
        xmlTextReaderSetStructuredErrorHandler(reader, collector.handler, collector.context)
        guard xmlTextReaderSetSchema(reader, schema) == 0 else {
            return Diagnostic(.error, file: file, message: "libxml2 could not attach the schema to the reader")
        }
        var status: Int32
        repeat {
            status = xmlTextReaderRead(reader)
            if status == 1, xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
                // Only documents the prolog scan cannot read (UTF-16) get here.
                return Diagnostic(.error, file: file, message: Self.documentTypeMessage)
            }
        } while status == 1
        if status < 0, collector.errorCount == 0 {
            return Diagnostic(.error, file: file, message: "the file is not well-formed XML")
        }
        if xmlTextReaderIsValid(reader) != 1, collector.errorCount == 0 {
            return Diagnostic(.error, file: file, message: "the document does not match the report schema")
        }
        return nil
    }

    static let documentTypeMessage =
        "a document type declaration (<!DOCTYPE …>) is not allowed in an XML report; remove it"

    /// Where a `<!DOCTYPE` starts in the prolog of a UTF-8 document, if it has one. A DTD could
    /// declare entities and default attributes, which a report never uses, and libxml2's streaming
    /// schema validation does not support entity references, so such documents are rejected
    /// before parsing. Scans only the prolog: the XML declaration, comments, processing
    /// instructions and white space before the first element.
    static func documentTypeDeclaration(in bytes: [UInt8]) -> SourceLocation? {
        func starts(with prefix: String, at index: Int) -> Bool {
            let prefix = Array(prefix.utf8)
            return index + prefix.count <= bytes.count && Array(bytes[index..<index + prefix.count]) == prefix
        }
        func skip(past terminator: String, from index: Int) -> Int {
            var index = index
            while index < bytes.count, !starts(with: terminator, at: index) { index += 1 }
            return index + terminator.utf8.count
        }
        var index = starts(with: "\u{FEFF}", at: 0) ? 3 : 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D:
                index += 1
            case _ where starts(with: "<?", at: index):
                index = skip(past: "?>", from: index + 2)
            case _ where starts(with: "<!--", at: index):
                index = skip(past: "-->", from: index + 4)
            case _ where starts(with: "<!DOCTYPE", at: index):
                let before = bytes[..<index]
                let line = before.filter { $0 == 0x0A }.count + 1
                let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                return SourceLocation(line: line, column: column)
            default:
                return nil
            }
        }
        return nil
    }
}
