/// A JSON value to be written by ``JSONWriter``. Large arrays can be ``lazyArray``: their elements
/// are built one at a time while writing, so a million results never exist as one tree.
indirect enum JSONValue {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case lazyArray(count: Int, element: (Int) -> JSONValue)
    /// Members in any order; the writer sorts them by key. Nil values are left out.
    case object([(String, JSONValue?)])

    static func optional(_ text: String?) -> JSONValue? {
        text.map(JSONValue.string)
    }

    static func strings(_ texts: [String]) -> JSONValue {
        .array(texts.map(JSONValue.string))
    }

    static func counts(_ pairs: [(String, Int)]) -> JSONValue {
        .object(pairs.map { ($0.0, .integer($0.1)) })
    }
}

/// Writes ``JSONValue``s as pretty-printed UTF-8 JSON with sorted keys: two-space indentation,
/// `"key": value`, `/` unescaped, control characters as `\uXXXX`. Deterministic byte for byte.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: JSONValue, indent: Int = 0) {
        switch value {
        case let .string(text):
            writeString(text)
        case let .integer(number):
            append(String(number))
        case let .number(number):
            if number.rounded() == number, abs(number) < 1e15 {
                append(String(Int(number)))
            } else {
                append(String(number))
            }
        case let .bool(flag):
            append(flag ? "true" : "false")
        case .null:
            append("null")
        case let .array(elements):
            writeArray(count: elements.count, indent: indent) { elements[$0] }
        case let .lazyArray(count, element):
            writeArray(count: count, indent: indent, element: element)
        case let .object(members):
            let present = members.compactMap { key, value in value.map { (key, $0) } }.sorted { $0.0 < $1.0 }
            if present.isEmpty {
                append("{}")
                return
            }
            append("{\n")
            for (position, member) in present.enumerated() {
                pad(indent + 2)
                writeString(member.0)
                append(": ")
                write(member.1, indent: indent + 2)
                append(position == present.count - 1 ? "\n" : ",\n")
            }
            pad(indent)
            append("}")
        }
    }

    private mutating func writeArray(count: Int, indent: Int, element: (Int) -> JSONValue) {
        if count == 0 {
            append("[]")
            return
        }
        append("[\n")
        for position in 0..<count {
            pad(indent + 2)
            write(element(position), indent: indent + 2)
            append(position == count - 1 ? "\n" : ",\n")
        }
        pad(indent)
        append("]")
    }

    private mutating func pad(_ count: Int) {
        bytes.append(contentsOf: repeatElement(0x20, count: count))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x00..<0x20, 0x7F:
                append("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
