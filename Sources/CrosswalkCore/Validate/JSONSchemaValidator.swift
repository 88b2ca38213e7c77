/// Checks a parsed JSON document against a ``JSONSchema`` and reports every violation, located:
/// file, line and column of the offending value (or of the object missing a key), its key path
/// (`controls[3].results[0].status`) and what was expected.
///
/// The document is a ``SourceNode`` tree from the project's JSON parser, so it is held in memory
/// whole: callers bound the file's size before parsing (`crosswalk validate` refuses files larger
/// than `--max-input-size`).
public struct JSONSchemaValidator: Sendable {
    public let schema: JSONSchema
    /// The most violations reported per document; one more diagnostic says how many were left out.
    public var limit: Int

    public init(_ schema: JSONSchema, limit: Int = 100) {
        self.schema = schema
        self.limit = limit
    }

    /// Every violation of the schema in `document`, at most ``limit`` of them plus a count of the rest.
    public func validate(_ document: SourceNode, file: String) -> [Diagnostic] {
        var run = Run(root: schema, file: file, limit: limit)
        run.check(document, against: schema, path: "")
        if run.omitted > 0 {
            run.diagnostics.append(
                Diagnostic(.error, file: file, message: "\(run.omitted) more schema violations not shown")
            )
        }
        return run.diagnostics
    }

    /// One validation: the violations found so far.
    private struct Run {
        let root: JSONSchema
        let file: String
        let limit: Int
        var diagnostics: [Diagnostic] = []
        var omitted = 0

        mutating func report(_ message: String, at location: SourceLocation?, path: String) {
            guard diagnostics.count < limit else {
                omitted += 1
                return
            }
            diagnostics.append(
                Diagnostic(.error, file: file, location: location, keyPath: path.isEmpty ? nil : path, message: message)
            )
        }

        mutating func check(_ node: SourceNode, against schema: JSONSchema, path: String) {
            if let reference = schema.reference, let definition = root.definitions[reference] {
                check(node, against: definition, path: path)
            }
            if let types = schema.types, !types.contains(where: { Self.matches(node.value, $0) }) {
                let expected = types.map(Self.describe).joined(separator: " or ")
                report("expected \(expected), found \(node.typeDescription)", at: node.location, path: path)
                return
            }
            if let constant = schema.constant, !Self.equal(node.value, constant) {
                report("expected \(Self.show(constant)), found \(Self.show(node.value))", at: node.location, path: path)
            }
            if let allowed = schema.allowed, !allowed.contains(where: { Self.equal(node.value, $0) }) {
                let choices = allowed.map(Self.show).joined(separator: ", ")
                report("expected one of \(choices); found \(Self.show(node.value))", at: node.location, path: path)
            }
            if let minimum = schema.minimum, let number = Self.number(node.value), number < minimum {
                report(
                    "expected a number of at least \(Self.show(minimum)), found \(Self.show(node.value))",
                    at: node.location,
                    path: path
                )
            }
            switch node.value {
            case .object(let members):
                checkObject(node, members, against: schema, path: path)
            case .array(let elements):
                if let items = schema.items {
                    for (index, element) in elements.enumerated() {
                        check(element, against: items, path: "\(path)[\(index)]")
                    }
                }
            default:
                break
            }
        }

        private mutating func checkObject(
            _ node: SourceNode,
            _ members: [SourceNode.Member],
            against schema: JSONSchema,
            path: String
        ) {
            for key in schema.required where !members.contains(where: { $0.key == key }) {
                report("missing required key \"\(key)\"", at: node.location, path: path)
            }
            for member in members {
                let memberPath = path.isEmpty ? member.displayKey : "\(path).\(member.displayKey)"
                if let property = schema.property(member.key) {
                    check(member.value, against: property, path: memberPath)
                    continue
                }
                switch schema.additional {
                case .any:
                    break
                case .none:
                    let known = schema.properties.map(\.key).joined(separator: ", ")
                    report(
                        "unexpected key \"\(member.displayKey)\" (expected only: \(known))",
                        at: member.keyLocation ?? member.value.location,
                        path: memberPath
                    )
                case .schema(let additional):
                    check(member.value, against: additional, path: memberPath)
                }
            }
        }

        static func matches(_ value: SourceNode.Value, _ type: JSONSchema.JSONType) -> Bool {
            switch (type, value) {
            case (.object, .object), (.array, .array), (.string, .string), (.boolean, .bool), (.null, .null):
                return true
            case (.integer, .integer), (.number, .integer), (.number, .number):
                return true
            case (.integer, .number(let number)):
                return number.rounded() == number && number.isFinite
            default:
                return false
            }
        }

        static func describe(_ type: JSONSchema.JSONType) -> String {
            switch type {
            case .object: return "a mapping"
            case .array: return "a list"
            case .string: return "a string"
            case .integer: return "an integer"
            case .number: return "a number"
            case .boolean: return "a boolean"
            case .null: return "null"
            }
        }

        static func number(_ value: SourceNode.Value) -> Double? {
            switch value {
            case .integer(let number): return Double(number)
            case .number(let number): return number
            default: return nil
            }
        }

        /// JSON equality: numbers by value, strings and booleans exactly, lists and mappings
        /// member by member (mappings in any order).
        static func equal(_ lhs: SourceNode.Value, _ rhs: SourceNode.Value) -> Bool {
            switch (lhs, rhs) {
            case (.null, .null): return true
            case (.bool(let a), .bool(let b)): return a == b
            case (.string(let a), .string(let b)): return a == b
            case (.array(let a), .array(let b)):
                return a.count == b.count && zip(a, b).allSatisfy { equal($0.value, $1.value) }
            case (.object(let a), .object(let b)):
                return a.count == b.count
                    && a.allSatisfy { member in
                        b.contains { $0.key == member.key && equal($0.value.value, member.value.value) }
                    }
            default:
                guard let a = number(lhs), let b = number(rhs) else { return false }
                return a == b
            }
        }

        /// A value as a message shows it: strings quoted (and cut short), containers by type.
        static func show(_ value: SourceNode.Value) -> String {
            switch value {
            case .null: return "null"
            case .bool(let flag): return flag ? "true" : "false"
            case .integer(let number): return String(number)
            case .number(let number): return show(number)
            case .string(let text):
                let visible = InertText.visible(text.count > 60 ? String(text.prefix(60)) + "…" : text)
                return "\"\(visible)\""
            case .array: return "a list"
            case .object: return "a mapping"
            }
        }

        static func show(_ number: Double) -> String {
            number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        }
    }
}
