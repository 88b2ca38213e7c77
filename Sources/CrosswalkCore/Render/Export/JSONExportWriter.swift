/// Writes the export model as UTF-8 JSON (docs/report-json.md): records are objects, lists are
/// arrays, members keep the order the exporter gives them. Compact by default, with a line break
/// before each record of a list up to ``exportRowDepth`` so that every result is one line;
/// `pretty` indents by two spaces.
///
/// Strings escape `"`, `\` and every control character (`\n`, `\r`, `\t`, else `\u00XX`,
/// including DEL), so any text an inventory holds round-trips and can never end a string early.
public final class JSONExportWriter: ExportWriter {
    private let out: ExportByteBuffer
    private let pretty: Bool
    /// The containers outside the innermost one, innermost last: whether each is a list, and
    /// whether it has members yet.
    @exclusivity(unchecked) private var outer: [(isList: Bool, hasMembers: Bool)] = []
    /// The innermost open container, kept apart from ``outer``: every member reads and marks it,
    /// millions of times, and a field of the writer costs less than an element of an array.
    private var innermost: (isList: Bool, hasMembers: Bool)?
    /// How many containers are open.
    private var depth: Int { outer.count + (innermost == nil ? 0 : 1) }

    public init(sink: any ReportSink, pretty: Bool = false) {
        out = ExportByteBuffer(sink: sink)
        self.pretty = pretty
    }

    public func beginDocument(schema: String, version: String) throws {
        out.append(UInt8(ascii: "{"))
        push(isList: false)
        try field("schema", .identifier(schema))
    }

    public func endDocument() throws {
        close(UInt8(ascii: "}"))
        out.append(0x0A)
        try out.flush()
    }

    public func beginRecord(_ name: ExportName) throws {
        member(name, isRecordInList: true)
        out.append(UInt8(ascii: "{"))
        push(isList: false)
        try out.flushIfFull()
    }

    public func endRecord() throws { close(UInt8(ascii: "}")) }

    public func beginList(_ name: ExportName, item: ExportName, wrapped: Bool) throws {
        member(name, isRecordInList: false)
        out.append(UInt8(ascii: "["))
        push(isList: true)
    }

    public func endList() throws { close(UInt8(ascii: "]")) }

    public func field(_ name: ExportName, _ value: ExportValue?) throws {
        guard let value else { return }
        member(name, isRecordInList: false)
        write(value)
    }

    public func item(_ value: ExportValue) throws {
        member(nil, isRecordInList: false)
        write(value)
    }

    public func field(_ name: ExportName, utf8 text: UnsafeRawBufferPointer, as kind: ExportTextKind) throws {
        member(name, isRecordInList: false)
        string(text.assumingMemoryBound(to: UInt8.self))
    }

    public func item(utf8 text: UnsafeRawBufferPointer, as kind: ExportTextKind) throws {
        member(nil, isRecordInList: false)
        string(text.assumingMemoryBound(to: UInt8.self))
    }

    /// Starts a member of the innermost container: a separator, the line break and indentation
    /// (pretty, or a record in a list), and the key when the container is an object.
    private func member(_ name: ExportName?, isRecordInList: Bool) {
        guard let container = innermost else { return }
        if container.hasMembers { out.append(UInt8(ascii: ",")) }
        innermost = (container.isList, true)
        let inList = container.isList
        if pretty {
            newline(depth: depth)
        } else if inList && isRecordInList && depth <= exportRowDepth {
            out.append(0x0A)
        }
        if !inList, let name {
            if name.jsonKey.isEmpty {
                string(name.json)
                out.append(UInt8(ascii: ":"))
            } else {
                out.append(name.jsonKey)
            }
            if pretty { out.append(0x20) }
        }
    }

    private func push(isList: Bool) {
        if let innermost { outer.append(innermost) }
        innermost = (isList, false)
    }

    private func close(_ bracket: UInt8) {
        guard let closed = innermost else { preconditionFailure("a JSON container closed that was not open") }
        innermost = outer.popLast()
        if pretty && closed.hasMembers { newline(depth: depth) }
        out.append(bracket)
    }

    private func newline(depth: Int) {
        out.append(0x0A)
        for _ in 0..<depth { out.append(0x20); out.append(0x20) }
    }

    private func write(_ value: ExportValue) {
        switch value {
        case let .identifier(text), let .text(text), let .inlineText(text):
            string(text)
        case let .integer(number):
            out.append(decimal: number)
        case let .decimal(number):
            if !number.isFinite {
                out.append("null")
            } else if number.rounded() == number, abs(number) < 1e15 {
                out.append(String(Int(number)))
            } else {
                out.append(String(number))
            }
        case let .bool(flag):
            out.append(flag ? "true" : "false")
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string; runs of bytes that need no escape are copied at once.
    private func string(_ text: String) {
        var text = text
        text.withUTF8 { string($0) }
    }

    /// A JSON string of UTF-8 `bytes`; runs of bytes that need no escape are found a word at a
    /// time (``PlainByteRun``) and copied at once.
    private func string(_ bytes: UnsafeBufferPointer<UInt8>) {
        out.append(UInt8(ascii: "\""))
        var start = 0
        var index = 0
        while true {
            index = PlainByteRun.end(in: bytes, from: index, specials: (0x22, 0x5C, 0x7F, 0x22, 0x22))
            guard index < bytes.count else { break }
            // Exactly a byte to escape: a control, a quote, a backslash or DEL.
            let byte = bytes[index]
            if start < index { out.append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            index += 1
            start = index
            switch byte {
            case UInt8(ascii: "\""): out.append("\\\"")
            case UInt8(ascii: "\\"): out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            default:
                out.append("\\u00")
                out.append(Self.hexDigits[Int(byte >> 4)])
                out.append(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
        if start < bytes.count { out.append(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        out.append(UInt8(ascii: "\""))
    }
}
