/// A streaming JSON writer for the SARIF log: objects and arrays opened and closed as the
/// renderer goes, bytes handed to the ``ReportSink`` in blocks through an ``ExportByteBuffer``.
///
/// Layout: members of a container opened on ``Layout/lines`` start on a line of their own,
/// indented by two spaces per level; a container opened ``Layout/inline`` (and everything inside
/// it) stays on one line. The renderer writes each rule, artifact and result inline, so a result
/// is one line and a diff of two logs shows changed results line by line.
///
/// Strings escape `"`, `\`, every control character and DEL, and also the Unicode characters that
/// reorder or hide text (bidirectional marks, embeddings, overrides and isolates, U+2028 and
/// U+2029) as `\uXXXX`: a JSON reader gets the same text back, and the raw file shows them.
final class SARIFJSONWriter {
    /// How a container lays out its members.
    enum Layout {
        case lines
        case inline
    }

    private let out: ExportByteBuffer
    /// Open containers, innermost last.
    private var open: [(isArray: Bool, hasMembers: Bool, inline: Bool)] = []

    init(sink: any ReportSink) {
        out = ExportByteBuffer(sink: sink)
    }

    func beginObject(_ key: String? = nil, _ layout: Layout = .inline) {
        begin(key, bracket: UInt8(ascii: "{"), isArray: false, layout: layout)
    }

    func endObject() { end(UInt8(ascii: "}")) }

    func beginArray(_ key: String? = nil, _ layout: Layout = .inline) {
        begin(key, bracket: UInt8(ascii: "["), isArray: true, layout: layout)
    }

    func endArray() { end(UInt8(ascii: "]")) }

    /// A string member (or array element when `key` is nil).
    func string(_ key: String?, _ value: String) {
        member(key)
        Self.writeString(value, to: out)
    }

    /// A string member, left out when `value` is nil.
    func optionalString(_ key: String, _ value: String?) {
        guard let value else { return }
        string(key, value)
    }

    func integer(_ key: String?, _ value: Int) {
        member(key)
        out.append(String(value))
    }

    func bool(_ key: String?, _ value: Bool) {
        member(key)
        out.append(value ? "true" : "false")
    }

    /// A `{"text": …}` object, SARIF's message and multiformat message string.
    func text(_ key: String, _ value: String) {
        beginObject(key)
        string("text", value)
        endObject()
    }

    /// Hands full blocks to the sink; call between records.
    func flushIfFull() throws { try out.flushIfFull() }

    /// Ends the document with a line feed and hands every byte to the sink.
    func finish() throws {
        out.append(0x0A)
        try out.flush()
    }

    private func begin(_ key: String?, bracket: UInt8, isArray: Bool, layout: Layout) {
        member(key)
        out.append(bracket)
        let inline = layout == .inline || (open.last?.inline ?? false)
        open.append((isArray, false, inline))
    }

    private func end(_ bracket: UInt8) {
        let closed = open.removeLast()
        if !closed.inline && closed.hasMembers { newline() }
        out.append(bracket)
    }

    /// Starts a member of the innermost container: separator, line break when the container is
    /// laid out in lines, and the key.
    private func member(_ key: String?) {
        guard let last = open.indices.last else { return }
        if open[last].hasMembers { out.append(UInt8(ascii: ",")) }
        open[last].hasMembers = true
        if !open[last].inline { newline() }
        if let key, !open[last].isArray {
            Self.writeString(key, to: out)
            out.append(UInt8(ascii: ":"))
            if !open[last].inline { out.append(0x20) }
        }
    }

    private func newline() {
        out.append(0x0A)
        for _ in 0..<open.count { out.append(0x20); out.append(0x20) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Writes `text` as a JSON string; runs of bytes that need no escape are copied at once.
    static func writeString(_ text: String, to out: ExportByteBuffer) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let escape: (length: Int, scalar: UInt32)?
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F {
                    escape = (1, UInt32(byte))
                } else if byte == 0xE2 || byte == 0xD8 {
                    escape = hiddenScalar(bytes, at: index).map { (3 - (byte == 0xD8 ? 1 : 0), $0) }
                } else {
                    escape = nil
                }
                guard let escape else {
                    index += 1
                    continue
                }
                if start < index { out.append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                switch escape.scalar {
                case UInt32(UInt8(ascii: "\"")): out.append("\\\"")
                case UInt32(UInt8(ascii: "\\")): out.append("\\\\")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                default:
                    out.append("\\u")
                    for shift in [12, 8, 4, 0] { out.append(hexDigits[Int((escape.scalar >> UInt32(shift)) & 0x0F)]) }
                }
                index += escape.length
                start = index
            }
            if start < bytes.count { out.append(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The scalar at `index` when it is one that reorders or hides text: U+061C, U+200E, U+200F,
    /// U+2028–U+202E, U+2066–U+2069.
    private static func hiddenScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
        if bytes[index] == 0xD8 {
            guard index + 1 < bytes.count, bytes[index + 1] == 0x9C else { return nil }
            return 0x061C
        }
        guard index + 2 < bytes.count else { return nil }
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        switch (second, third) {
        case (0x80, 0x8E...0x8F), (0x80, 0xA8...0xAE):
            return 0x2000 + UInt32(third & 0x3F)
        case (0x81, 0xA6...0xA9):
            return 0x2040 + UInt32(third & 0x3F)
        default:
            return nil
        }
    }
}
