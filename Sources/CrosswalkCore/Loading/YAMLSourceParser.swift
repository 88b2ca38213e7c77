import Yams

/// Parses YAML text into a ``SourceNode`` tree with line and column for every value.
///
/// Scalars follow YAML 1.2's core schema: quoted scalars are strings; plain `null`/`~`, booleans
/// and numbers are typed; everything else (timestamps included) stays a string for the loaders.
public enum YAMLSourceParser {
    public struct SyntaxError: Error, Sendable {
        public var location: SourceLocation?
        public var message: String
    }

    /// Aliases may expand a small document into a huge one ("billion laughs"); cap the expansion.
    public static let maximumNodes = 5_000_000

    public static func parse(_ text: String) throws(SyntaxError) -> SourceNode {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw describe(error)
        } catch {
            throw SyntaxError(location: nil, message: "cannot read the YAML: \(error)")
        }
        guard let node else { return SourceNode(.null, at: SourceLocation(line: 1, column: 1)) }
        var budget = maximumNodes
        return try convert(node, depth: 0, budget: &budget)
    }

    private static func describe(_ error: YamlError) -> SyntaxError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return SyntaxError(
                location: SourceLocation(line: mark.line, column: mark.column),
                message: "invalid YAML: \(problem)\(detail)"
            )
        case let .reader(problem, _, _, _):
            return SyntaxError(location: nil, message: "cannot read the YAML text: \(problem)")
        default:
            return SyntaxError(location: nil, message: "invalid YAML: \(error)")
        }
    }

    private static func location(_ mark: Mark?) -> SourceLocation? {
        mark.map { SourceLocation(line: $0.line, column: $0.column) }
    }

    private static func convert(_ node: Node, depth: Int, budget: inout Int) throws(SyntaxError) -> SourceNode {
        budget -= 1
        guard budget > 0 else {
            throw SyntaxError(
                location: location(node.mark),
                message: "the document expands to more than \(maximumNodes) values (alias expansion?)"
            )
        }
        guard depth < JSONSourceParser.maximumDepth else {
            throw SyntaxError(
                location: location(node.mark),
                message: "nesting is deeper than \(JSONSourceParser.maximumDepth) levels"
            )
        }
        switch node {
        case let .scalar(scalar):
            return SourceNode(scalarValue(scalar), at: location(node.mark))
        case let .sequence(sequence):
            var elements: [SourceNode] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence {
                elements.append(try convert(element, depth: depth + 1, budget: &budget))
            }
            return SourceNode(.array(elements), at: location(node.mark))
        case let .mapping(mapping):
            var members: [SourceNode.Member] = []
            var seen = Set<String>()
            for (key, value) in mapping {
                guard case let .scalar(keyScalar) = key else {
                    throw SyntaxError(location: location(key.mark), message: "mapping keys must be plain text")
                }
                if !seen.insert(keyScalar.string).inserted {
                    throw SyntaxError(
                        location: location(key.mark),
                        message: "duplicate key '\(keyScalar.string)' in the same mapping"
                    )
                }
                members.append(
                    SourceNode.Member(
                        key: keyScalar.string,
                        keyLocation: location(key.mark),
                        value: try convert(value, depth: depth + 1, budget: &budget)
                    )
                )
            }
            return SourceNode(.object(members), at: location(node.mark))
        case let .alias(alias):
            throw SyntaxError(
                location: location(alias.mark),
                message: "YAML aliases are not supported in Crosswalk inputs"
            )
        }
    }

    private static func scalarValue(_ scalar: Node.Scalar) -> SourceNode.Value {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL":
            return .null
        case "true", "True", "TRUE":
            return .bool(true)
        case "false", "False", "FALSE":
            return .bool(false)
        default:
            break
        }
        if let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || (0x30...0x39).contains(first)
        {
            if let integer = Int64(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .integer(integer) }
            if !text.contains("-") || text.hasPrefix("-"), !text.dropFirst().contains("-"), !text.contains(":"),
                let number = Double(text), number.isFinite
            {
                return .number(number)
            }
        }
        return .string(text)
    }
}
