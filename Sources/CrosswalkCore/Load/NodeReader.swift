/// Reads typed values out of a ``SourceNode``; every failure is a ``Diagnostic`` that names the
/// file, the line and column, the key path and what was expected. Never quotes the offending
/// value: a misplaced secret must not reach a message.
///
/// Strings go through the secret screen: ``identifier()`` refuses an id or reference that looks
/// like a credential, and ``text(_:)``, ``label(_:)`` and ``textList(_:)`` redact free text.
struct NodeReader {
    let node: SourceNode
    /// Where the node sits, kept as links and spelled out only when a message needs it.
    let location: NodePath
    let file: String

    init(node: SourceNode, path: String, file: String) {
        self.init(node: node, location: .root(path), file: file)
    }

    init(node: SourceNode, location: NodePath, file: String) {
        self.node = node
        self.location = location
        self.file = file
    }

    /// The key path as messages show it, e.g. `identities[3].credentials[0].expires`.
    var path: String { location.text }

    func diagnostic(_ message: String, severity: Diagnostic.Severity = .error) -> Diagnostic {
        Diagnostic(severity, file: file, location: node.location, keyPath: path, message: message)
    }

    func mismatch(_ expected: String) -> Diagnostic {
        diagnostic("expected \(expected), found \(node.typeDescription)")
    }

    var isNull: Bool {
        if case .null = node.value { return true }
        return false
    }

    /// The string as written, unscreened: only for values that are checked against a fixed set
    /// or parsed further. Free text goes through ``text(_:)``, ids through ``identifier()``.
    func string() throws -> String {
        guard case let .string(text) = node.value else { throw mismatch("a string") }
        return text
    }

    /// A string that identifies something and is referred to elsewhere (an id, a reference):
    /// non-empty, and refused when it looks like a credential, since redacting it would break
    /// the references to it.
    func identifier() throws -> String {
        let text = try string()
        guard !text.isEmpty else { throw diagnostic("expected a non-empty identifier") }
        guard !SecretScreen.containsSecret(text) else { throw diagnostic(Self.credentialIdentifier) }
        return text
    }

    static let credentialIdentifier =
        "this identifier looks like a credential (a key, token or other secret); an identifier cannot be redacted without breaking references to it, so it is refused: replace it with a name that is not secret"

    /// Free text (a name, an owner, a title): credential-looking runs are redacted and counted.
    func text(_ tally: inout RedactionTally) throws -> String {
        tally.screen(try string(), at: self)
    }

    /// A non-empty label or vocabulary term (a kind, a platform, a trust zone): screened like text.
    func label(_ tally: inout RedactionTally) throws -> String {
        let text = try string()
        guard !text.isEmpty else { throw diagnostic("expected a non-empty identifier") }
        return tally.screen(text, at: self)
    }

    /// A list of free-text strings, each screened.
    func textList(_ tally: inout RedactionTally) throws -> [String] {
        try list().map { try $0.text(&tally) }
    }

    func integer() throws -> Int64 {
        switch node.value {
        case let .integer(value): return value
        case let .number(value) where value.rounded() == value && abs(value) < 9e15: return Int64(value)
        default: throw mismatch("a whole number")
        }
    }

    func nonNegativeInteger() throws -> Int64 {
        let value = try integer()
        guard value >= 0 else { throw diagnostic("expected a whole number of zero or more") }
        return value
    }

    func bool() throws -> Bool {
        guard case let .bool(value) = node.value else { throw mismatch("true or false") }
        return value
    }

    func timestamp() throws -> Timestamp {
        guard case let .string(text) = node.value else {
            throw mismatch("an ISO 8601 timestamp such as 2025-01-31T12:00:00Z")
        }
        guard let timestamp = Timestamp(iso8601: text) else {
            throw diagnostic(
                "expected an ISO 8601 timestamp such as 2025-01-31T12:00:00Z (a time needs Z or an offset like +02:00)"
            )
        }
        return timestamp
    }

    func list() throws -> [NodeReader] {
        guard case let .array(elements) = node.value else { throw mismatch("a list") }
        return elements.enumerated().map { NodeReader(node: $1, location: .index(location, $0), file: file) }
    }

    func object() throws -> ObjectReader {
        guard case let .object(members) = node.value else { throw mismatch("a mapping") }
        return ObjectReader(members: members, nodePath: location, file: file, location: node.location)
    }
}

/// A mapping being read: fetch known keys, then ask which keys were left unread.
struct ObjectReader {
    let members: [SourceNode.Member]
    let nodePath: NodePath
    let file: String
    let location: SourceLocation?

    var path: String { nodePath.text }

    private func childPath(_ key: String) -> String {
        NodePath.key(nodePath, key).text
    }

    /// The value under `key`, or nil when it is absent or null.
    func optional(_ key: String) -> NodeReader? {
        guard let member = members.first(where: { $0.key == key }) else { return nil }
        if case .null = member.value.value { return nil }
        return NodeReader(node: member.value, location: .key(nodePath, key), file: file)
    }

    func required(_ key: String, _ expected: String) throws -> NodeReader {
        guard let reader = optional(key) else {
            throw Diagnostic(
                .error,
                file: file,
                location: location,
                keyPath: path,
                message: "missing required key '\(key)' (\(expected))"
            )
        }
        return reader
    }

    func contains(_ key: String) -> Bool {
        members.contains { $0.key == key }
    }

    /// Members whose key is not in `known`, in document order.
    func unknownMembers(known: Set<String>) -> [SourceNode.Member] {
        members.filter { !known.contains($0.key) }
    }

    func diagnostic(for member: SourceNode.Member, _ message: String, severity: Diagnostic.Severity) -> Diagnostic {
        Diagnostic(
            severity,
            file: file,
            location: member.keyLocation ?? member.value.location,
            keyPath: childPath(member.displayKey),
            message: message
        )
    }
}

/// A key path built link by link while reading and turned into text only for a diagnostic, so
/// reading a million records does not format a million paths.
indirect enum NodePath: Sendable {
    case root(String)
    case key(NodePath, String)
    case index(NodePath, Int)

    var text: String {
        switch self {
        case let .root(name):
            return name
        case let .key(parent, key):
            let prefix = parent.text
            return prefix.isEmpty ? key : "\(prefix).\(key)"
        case let .index(parent, index):
            return "\(parent.text)[\(index)]"
        }
    }
}
