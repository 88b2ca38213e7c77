/// A parsed JSON or YAML value that remembers where it came from, so loaders can name the line and
/// column of anything they reject. Both parsers produce this tree; the typed loaders read only it.
public struct SourceNode: Sendable {
    public indirect enum Value: Sendable {
        case null
        case bool(Bool)
        case integer(Int64)
        case number(Double)
        case string(String)
        case array([SourceNode])
        case object([Member])
    }

    /// One key of an object, in document order.
    public struct Member: Sendable {
        public var key: String
        public var keyLocation: SourceLocation?
        public var value: SourceNode

        /// The key as messages and key paths may show it: credential-looking runs redacted.
        public var displayKey: String {
            SecretScreen.redacting(key)
        }
    }

    public var value: Value
    public var location: SourceLocation?

    public init(_ value: Value, at location: SourceLocation?) {
        self.value = value
        self.location = location
    }

    /// Names the value's type the way messages speak of it: "a string", "a list", …
    public var typeDescription: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "a mapping"
        }
    }
}
