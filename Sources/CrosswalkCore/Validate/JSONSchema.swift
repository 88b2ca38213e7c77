/// A JSON Schema (draft 2020-12) restricted to the keywords Crosswalk's own schemas use: `type`,
/// `properties`, `required`, `additionalProperties`, `items`, `enum`, `const`, `minimum`, and
/// `$ref` to a definition under `$defs` of the same document. Annotations (`$schema`, `$id`,
/// `title`, `description`) are read and ignored; any other keyword is refused when the schema is
/// loaded, so a schema never silently checks less than it says.
public final class JSONSchema: Sendable {
    /// The JSON types a `type` keyword may name.
    public enum JSONType: String, Sendable {
        case object, array, string, integer, number, boolean, null
    }

    /// What `additionalProperties` allows: anything, nothing, or members matching a schema.
    public enum Additional: Sendable {
        case any
        case none
        case schema(JSONSchema)
    }

    let types: [JSONType]?
    let properties: [(key: String, schema: JSONSchema)]
    let required: [String]
    let additional: Additional
    let items: JSONSchema?
    let allowed: [SourceNode.Value]?
    let constant: SourceNode.Value?
    let minimum: Double?
    let reference: String?
    /// The definitions of the root schema, by `#/$defs/` reference; empty below the root.
    let definitions: [String: JSONSchema]

    private init(
        types: [JSONType]?,
        properties: [(key: String, schema: JSONSchema)],
        required: [String],
        additional: Additional,
        items: JSONSchema?,
        allowed: [SourceNode.Value]?,
        constant: SourceNode.Value?,
        minimum: Double?,
        reference: String?,
        definitions: [String: JSONSchema]
    ) {
        self.types = types
        self.properties = properties
        self.required = required
        self.additional = additional
        self.items = items
        self.allowed = allowed
        self.constant = constant
        self.minimum = minimum
        self.reference = reference
        self.definitions = definitions
    }

    /// The schema of the member `key`, when `properties` names it.
    func property(_ key: String) -> JSONSchema? {
        properties.first { $0.key == key }?.schema
    }

    private static let annotations: Set<String> = ["$schema", "$id", "title", "description"]
    private static let keywords: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "const", "minimum", "$ref",
        "$defs",
    ]

    /// Parses a schema document; `file` names it in diagnostics.
    public static func parse(_ bytes: [UInt8], file: String) throws -> JSONSchema {
        let root: SourceNode
        do {
            root = try JSONSourceParser.parse(bytes)
        } catch {
            throw Diagnostic(.error, file: file, location: error.location, message: "invalid JSON: \(error.message)")
        }
        let schema = try Self(root, path: "", file: file, isRoot: true)
        try schema.checkReferences(in: schema, file: file)
        return schema
    }

    private convenience init(_ node: SourceNode, path: String, file: String, isRoot: Bool) throws {
        func fail(
            _ message: String,
            at location: SourceLocation? = node.location,
            _ keyPath: String = path
        ) -> Diagnostic {
            Diagnostic(.error, file: file, location: location, keyPath: keyPath, message: message)
        }
        guard case .object(let members) = node.value else { throw fail("expected a schema object") }
        var types: [JSONType]?
        var properties: [(key: String, schema: JSONSchema)] = []
        var required: [String] = []
        var additional = Additional.any
        var items: JSONSchema?
        var allowed: [SourceNode.Value]?
        var constant: SourceNode.Value?
        var minimum: Double?
        var reference: String?
        var definitions: [String: JSONSchema] = [:]
        for member in members {
            let keyPath = path.isEmpty ? member.key : "\(path).\(member.key)"
            let value = member.value
            switch member.key {
            case "type":
                let names: [SourceNode]
                if case .array(let list) = value.value { names = list } else { names = [value] }
                types = try names.map { name in
                    guard case .string(let text) = name.value, let type = JSONType(rawValue: text) else {
                        throw fail("expected a JSON type name", at: name.location, keyPath)
                    }
                    return type
                }
            case "properties":
                guard case .object(let entries) = value.value else { throw fail("expected an object", keyPath) }
                properties = try entries.map {
                    ($0.key, try JSONSchema($0.value, path: "\(keyPath).\($0.key)", file: file, isRoot: false))
                }
            case "required":
                guard case .array(let list) = value.value else { throw fail("expected a list of keys", keyPath) }
                required = try list.map { key in
                    guard case .string(let text) = key.value else {
                        throw fail("expected a key name", at: key.location, keyPath)
                    }
                    return text
                }
            case "additionalProperties":
                switch value.value {
                case .bool(let allowed): additional = allowed ? .any : .none
                default: additional = .schema(try JSONSchema(value, path: keyPath, file: file, isRoot: false))
                }
            case "items":
                items = try JSONSchema(value, path: keyPath, file: file, isRoot: false)
            case "enum":
                guard case .array(let list) = value.value else { throw fail("expected a list of values", keyPath) }
                allowed = list.map(\.value)
            case "const":
                constant = value.value
            case "minimum":
                switch value.value {
                case .integer(let number): minimum = Double(number)
                case .number(let number): minimum = number
                default: throw fail("expected a number", keyPath)
                }
            case "$ref":
                guard case .string(let text) = value.value, text.hasPrefix("#/$defs/") else {
                    throw fail("expected a reference of the form #/$defs/name", keyPath)
                }
                reference = String(text.dropFirst("#/$defs/".count))
            case "$defs":
                guard isRoot else { throw fail("$defs is supported at the root only", keyPath) }
                guard case .object(let entries) = value.value else { throw fail("expected an object", keyPath) }
                for entry in entries {
                    definitions[entry.key] = try JSONSchema(
                        entry.value,
                        path: "\(keyPath).\(entry.key)",
                        file: file,
                        isRoot: false
                    )
                }
            case let key where Self.annotations.contains(key):
                continue
            default:
                throw fail(
                    "unsupported schema keyword \"\(member.key)\" (supported: \(Self.keywords.sorted().joined(separator: ", ")))",
                    at: member.keyLocation,
                    keyPath
                )
            }
        }
        self.init(
            types: types,
            properties: properties,
            required: required,
            additional: additional,
            items: items,
            allowed: allowed,
            constant: constant,
            minimum: minimum,
            reference: reference,
            definitions: definitions
        )
    }

    /// Fails when a `$ref` anywhere names a definition the root does not have.
    private func checkReferences(in root: JSONSchema, file: String) throws {
        if let reference, root.definitions[reference] == nil {
            throw Diagnostic(
                .error,
                file: file,
                message: "reference to an undefined definition \"#/$defs/\(reference)\""
            )
        }
        for (_, schema) in properties { try schema.checkReferences(in: root, file: file) }
        if case .schema(let schema) = additional { try schema.checkReferences(in: root, file: file) }
        try items?.checkReferences(in: root, file: file)
        for schema in definitions.values { try schema.checkReferences(in: root, file: file) }
    }
}
