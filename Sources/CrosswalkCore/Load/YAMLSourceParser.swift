import Yams

/// Parses YAML text into a ``SourceNode`` tree with line and column for every value.
///
/// Scalars follow YAML 1.2's core schema: quoted scalars are strings; plain `null`/`~`, booleans
/// and numbers are typed; everything else (timestamps included) stays a string for the loaders.
/// The input must be UTF-8 (a leading byte-order mark is skipped). Aliases, merge keys (`<<`) and
/// explicit tags (`!!str`, `!custom`) are refused with their position. Messages never quote the
/// document, only the key or name at fault.
public enum YAMLSourceParser {
    public struct SyntaxError: Error, Sendable {
        public var location: SourceLocation?
        public var message: String
    }

    /// Caps the number of values in one document, so a hostile file cannot exhaust memory.
    public static let maximumNodes = 5_000_000

    /// Parses a YAML file's bytes: checks the encoding, then the YAML.
    public static func parse(bytes: [UInt8]) throws(SyntaxError) -> SourceNode {
        if let encoding = TextEncoding.wideEncoding(of: bytes[...]) {
            throw SyntaxError(
                location: SourceLocation(line: 1, column: 1),
                message: TextEncoding.wideEncodingMessage(encoding)
            )
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let offset = TextEncoding.firstInvalidByte(in: bytes, start..<bytes.count) {
            throw SyntaxError(
                location: TextEncoding.location(ofByte: offset, in: bytes, from: start),
                message: TextEncoding.invalidByteMessage(bytes[offset])
            )
        }
        if let (offset, message) = firstUnprintableCharacter(in: bytes, from: start) {
            throw SyntaxError(location: TextEncoding.location(ofByte: offset, in: bytes, from: start), message: message)
        }
        return try parse(String(decoding: bytes[start...], as: UTF8.self))
    }

    /// Parses YAML text (already decoded).
    public static func parse(_ text: String) throws(SyntaxError) -> SourceNode {
        let parser: Yams.Parser
        let node: Node?
        do {
            parser = try Yams.Parser(yaml: text, encoding: .utf8)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            throw describe(error, in: text)
        } catch {
            throw SyntaxError(location: SourceLocation(line: 1, column: 1), message: "cannot read the YAML text")
        }
        guard let node else { return SourceNode(.null, at: SourceLocation(line: 1, column: 1)) }
        // Anchors are held weakly by nodes and strongly by the parser: keep it alive while converting.
        return try withExtendedLifetime(parser) { () throws(SyntaxError) -> SourceNode in
            var converter = Converter(text: text)
            return try converter.convert(node, depth: 0, aliasSearchStart: nil)
        }
    }

    /// Finds the first character YAML does not allow in a document (C0 controls other than tab,
    /// line feed and carriage return, DEL, C1 controls other than NEL, U+FFFE and U+FFFF), in
    /// valid UTF-8 bytes.
    private static func firstUnprintableCharacter(in bytes: [UInt8], from start: Int) -> (Int, String)? {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F {
                if byte != 0x09, byte != 0x0A, byte != 0x0D {
                    return (
                        index,
                        byte == 0
                            ? "a NUL byte (U+0000) is not allowed in YAML text"
                            : "control character \(codePoint(UInt32(byte))) is not allowed in YAML text; "
                                + "write it as an escape inside double quotes"
                    )
                }
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]),
                bytes[index + 1] != 0x85
            {
                return (
                    index,
                    "control character \(codePoint(UInt32(bytes[index + 1]))) is not allowed in YAML text; "
                        + "write it as an escape inside double quotes"
                )
            } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                return (
                    index,
                    "the noncharacter \(codePoint(0xFF00 + UInt32(bytes[index + 2]) + 0x40)) is not allowed in YAML text"
                )
            }
            index += 1
        }
        return nil
    }

    private static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Turns a Yams error into a located message. Every case is listed: the library's own
    /// description (and, for duplicate keys, its context) embeds the whole document, so only its
    /// fixed problem and context phrases are kept.
    private static func describe(_ error: YamlError, in text: String) -> SyntaxError {
        let start = SourceLocation(line: 1, column: 1)
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            // libyaml's context is a fixed phrase ("while parsing a flow mapping"); anything else
            // in that slot could be document text and is left out.
            if problem.hasPrefix("Maximum nesting level") {
                return SyntaxError(
                    location: location(mark) ?? start,
                    message: "nesting is deeper than \(JSONSourceParser.maximumDepth) levels"
                )
            }
            var message = "invalid YAML: \(problem)"
            if let phrase = context?.text, phrase.hasPrefix("while "), phrase.count < 80 { message += " (\(phrase))" }
            return SyntaxError(location: location(mark) ?? start, message: message)
        case let .reader(problem, offset, _, _):
            return SyntaxError(
                location: offset.map { location(ofCharacter: $0, in: text) } ?? start,
                message: "cannot read the YAML text: \(problem)"
            )
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.sorted().first ?? ""
            let first = location(context.mark) ?? start
            return SyntaxError(
                location: YAMLTextSearch.repeatedKey(key, firstAt: first, in: text) ?? first,
                message: "duplicate key '\(key)' in the same mapping"
            )
        case .memory:
            return SyntaxError(location: start, message: "the YAML document is too large to read")
        case .dataCouldNotBeDecoded:
            return SyntaxError(location: start, message: "the file is not UTF-8 text")
        case .no, .writer, .emitter, .representer:
            return SyntaxError(location: start, message: "cannot read the YAML text")
        }
    }

    private static func location(_ mark: Mark?) -> SourceLocation? {
        mark.map { SourceLocation(line: $0.line, column: $0.column) }
    }

    /// Yams reports reader problems as a character offset into the text.
    private static func location(ofCharacter offset: Int, in text: String) -> SourceLocation {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourceLocation(line: line, column: column)
    }

    /// Converts Yams nodes into ``SourceNode``s, refusing what Crosswalk inputs do not allow.
    private struct Converter {
        /// The document, read again only to locate an alias.
        let text: String
        var budget = YAMLSourceParser.maximumNodes
        /// Anchors met so far: meeting one again means the node came through an alias.
        var anchors = Set<ObjectIdentifier>()

        /// Converts `node`; `aliasSearchStart` is where the text is searched for the alias when the
        /// node turns out to have come through one (its key, or the list element before it).
        mutating func convert(
            _ node: Node,
            depth: Int,
            aliasSearchStart: SourceLocation?
        ) throws(SyntaxError) -> SourceNode {
            let here = location(node.mark)
            if let anchor = node.anchor, !anchors.insert(ObjectIdentifier(anchor)).inserted {
                let searchStart = aliasSearchStart ?? here ?? SourceLocation(line: 1, column: 1)
                throw SyntaxError(
                    location: YAMLTextSearch.alias(named: anchor.rawValue, from: searchStart, in: text) ?? searchStart,
                    message:
                        "YAML aliases (*\(anchor.rawValue)) are not supported in Crosswalk inputs; write the value out in full"
                )
            }
            budget -= 1
            guard budget > 0 else {
                throw SyntaxError(
                    location: here,
                    message: "the document has more than \(YAMLSourceParser.maximumNodes) values"
                )
            }
            guard depth < JSONSourceParser.maximumDepth else {
                throw SyntaxError(
                    location: here,
                    message: "nesting is deeper than \(JSONSourceParser.maximumDepth) levels"
                )
            }
            if let tag = Self.explicitTag(of: node) {
                throw SyntaxError(
                    location: here,
                    message:
                        "YAML tags (\(tag)) are not supported in Crosswalk inputs; remove the tag (quote a value to make it text)"
                )
            }
            switch node {
            case let .scalar(scalar):
                return SourceNode(YAMLSourceParser.scalarValue(scalar), at: here)
            case let .sequence(sequence):
                var elements: [SourceNode] = []
                elements.reserveCapacity(sequence.count)
                for element in sequence {
                    elements.append(
                        try convert(element, depth: depth + 1, aliasSearchStart: elements.last?.location ?? here)
                    )
                }
                return SourceNode(.array(elements), at: here)
            case let .mapping(mapping):
                return SourceNode(.object(try members(of: mapping, depth: depth)), at: here)
            case let .alias(alias):
                throw SyntaxError(
                    location: location(alias.mark) ?? here,
                    message: "YAML aliases are not supported in Crosswalk inputs; write the value out in full"
                )
            }
        }

        private mutating func members(of mapping: Node.Mapping, depth: Int) throws(SyntaxError) -> [SourceNode.Member] {
            var members: [SourceNode.Member] = []
            var seen = Set<String>()
            for (key, value) in mapping {
                let keyLocation = location(key.mark)
                // Yams resolves key tags while checking for duplicates, so only a tag outside the
                // core schema still shows on a key.
                guard case let .scalar(keyScalar) = key, key.anchor == nil,
                    Self.explicitTag(of: key).map({ $0.hasPrefix("!!") }) ?? true
                else {
                    throw SyntaxError(location: keyLocation, message: "mapping keys must be plain text")
                }
                if keyScalar.string == "<<", keyScalar.style == .plain || keyScalar.style == .any {
                    throw SyntaxError(
                        location: keyLocation,
                        message:
                            "YAML merge keys ('<<') are not supported in Crosswalk inputs; write the keys out in the mapping"
                    )
                }
                if !seen.insert(keyScalar.string).inserted {
                    throw SyntaxError(
                        location: keyLocation,
                        message: "duplicate key '\(keyScalar.string)' in the same mapping"
                    )
                }
                members.append(
                    SourceNode.Member(
                        key: keyScalar.string,
                        keyLocation: keyLocation,
                        value: try convert(value, depth: depth + 1, aliasSearchStart: keyLocation)
                    )
                )
            }
            return members
        }

        private func location(_ mark: Mark?) -> SourceLocation? {
            YAMLSourceParser.location(mark)
        }

        /// The tag written on a node (`!!str`, `!custom`, `!`), or nil when the node has none.
        /// A quoted or block scalar without a tag reports `!!str` and counts as untagged.
        static func explicitTag(of node: Node) -> String? {
            let core = "tag:yaml.org,2002:"
            let name: String
            switch node {
            case let .scalar(scalar):
                name = scalar.tag.rawValue
                let isPlain = scalar.style == .plain || scalar.style == .any
                if name.isEmpty || (!isPlain && name == core + "str") { return nil }
            case let .sequence(sequence):
                name = sequence.tag.rawValue
            case let .mapping(mapping):
                name = mapping.tag.rawValue
            case .alias:
                return nil
            }
            guard !name.isEmpty else { return nil }
            return name.hasPrefix(core) ? "!!" + name.dropFirst(core.count) : name
        }
    }

    static func scalarValue(_ scalar: Node.Scalar) -> SourceNode.Value {
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
