/// One tag of a Mustache template, as ``MustacheTagScanner`` finds it.
struct MustacheTag: Equatable {
    enum Kind: Equatable {
        /// `{{name}}`: an escaped value.
        case variable
        /// `{{{name}}}` or `{{& name}}`: a value written without escaping.
        case unescapedVariable
        /// `{{#name}}`, `{{^name}}`, `{{$name}}` or `{{<name}}`: opens a block closed by `{{/name}}`.
        case sectionStart
        /// `{{/name}}`.
        case sectionEnd
        /// `{{> name}}`: includes the template `name`.
        case partial
        /// `{{<name}}`: includes the template `name` as a parent; also opens a block.
        case parent
        /// `{{>*name}}` or `{{<*name}}`: includes the template whose name is the value of `name`.
        case dynamicPartial
        /// `{{% CONTENT_TYPE: name }}`.
        case contentType
        /// Comments and set-delimiter tags.
        case other
    }

    var kind: Kind
    /// The value, section or partial name (for `contentType`, the type's name).
    var name: String
    /// Where the tag's opening delimiter starts.
    var location: SourceLocation
    /// How many `(` the name holds (Mustache transforms such as `uppercased(name)`).
    var transformDepth: Int = 0
}

/// Lists the tags of a Mustache template without building it, following set-delimiter tags
/// (`{{=<% %>=}}`), so that a template can be checked before swift-mustache parses it: its parser
/// recurses once per nested section and per `(` in a name, so hostile nesting must be refused first.
///
/// It reads tags the way swift-mustache 2 does (same name characters, same delimiter rules). At a
/// tag swift-mustache would reject, it stops and returns the tags found so far: the parser then
/// reports that error itself, no deeper than the tags already returned.
enum MustacheTagScanner {
    private static let nameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*"
    )
    private static let partialNameCharacters = nameCharacters.union(["/"])
    private static let configurationCharacters = nameCharacters.subtracting(["(", ")"])

    static func tags(in text: String) -> [MustacheTag] {
        var reader = Reader(Array(text))
        var tags: [MustacheTag] = []
        var opening: [Character] = ["{", "{"]
        var closing: [Character] = ["}", "}"]
        while reader.skip(toNext: opening) {
            let location = reader.location
            reader.advance(by: opening.count)
            guard let first = reader.current else { break }
            var tag = MustacheTag(kind: .variable, name: "", location: location)
            switch first {
            case "#", "^", "$", "/", "&":
                reader.advance()
                guard let name = reader.name(nameCharacters, closedBy: closing) else { return tags }
                tag.name = name
                tag.kind = first == "/" ? .sectionEnd : first == "&" ? .unescapedVariable : .sectionStart
            case "{":
                reader.advance()
                guard let name = reader.name(nameCharacters, closedBy: closing), reader.consume(["}"]) else {
                    return tags
                }
                tag.name = name
                tag.kind = .unescapedVariable
            case ">", "<":
                reader.advance()
                reader.skipWhitespace()
                let dynamic = reader.current == "*"
                if first == ">" && dynamic { reader.advance() }
                guard var name = reader.name(partialNameCharacters, closedBy: closing) else { return tags }
                if first == "<" && dynamic { name.removeFirst() }
                tag.name = name
                tag.kind = dynamic ? .dynamicPartial : first == ">" ? .partial : .parent
            case "!":
                guard reader.skip(past: closing) else { return tags }
                tag.kind = .other
            case "=":
                reader.advance()
                guard let delimiters = reader.delimiters(closedBy: closing) else { return tags }
                (opening, closing) = delimiters
                tag.kind = .other
            case "%":
                reader.advance()
                guard let value = reader.configurationValue(configurationCharacters, closedBy: closing) else {
                    return tags
                }
                tag.name = value
                tag.kind = .contentType
            default:
                guard let name = reader.name(nameCharacters, closedBy: closing) else { return tags }
                tag.name = name
            }
            tag.transformDepth = tag.name.filter { $0 == "(" }.count
            tags.append(tag)
        }
        return tags
    }

    /// A cursor over the template's characters that keeps its line and column (in Unicode
    /// scalars, as diagnostics count them).
    private struct Reader {
        let characters: [Character]
        var index = 0
        var location = SourceLocation(line: 1, column: 1)

        init(_ characters: [Character]) {
            self.characters = characters
        }

        var current: Character? { index < characters.count ? characters[index] : nil }

        mutating func advance(by count: Int = 1) {
            for _ in 0..<count {
                guard let character = current else { return }
                if character.isNewline {
                    location = SourceLocation(line: location.line + 1, column: 1)
                } else {
                    location.column += character.unicodeScalars.count
                }
                index += 1
            }
        }

        func starts(with prefix: [Character]) -> Bool {
            index + prefix.count <= characters.count && characters[index..<index + prefix.count].elementsEqual(prefix)
        }

        /// Moves to the next occurrence of `delimiter`; false (at the end) when there is none.
        mutating func skip(toNext delimiter: [Character]) -> Bool {
            while current != nil {
                if starts(with: delimiter) { return true }
                advance()
            }
            return false
        }

        /// Moves past the next occurrence of `delimiter`; false when there is none.
        mutating func skip(past delimiter: [Character]) -> Bool {
            guard skip(toNext: delimiter) else { return false }
            advance(by: delimiter.count)
            return true
        }

        mutating func consume(_ expected: [Character]) -> Bool {
            guard starts(with: expected) else { return false }
            advance(by: expected.count)
            return true
        }

        mutating func skipWhitespace() {
            while let character = current, character.isWhitespace { advance() }
        }

        mutating func read(while allowed: (Character) -> Bool) -> String {
            var text = ""
            while let character = current, allowed(character) {
                text.append(character)
                advance()
            }
            return text
        }

        /// `  name  }}`: the name, or nil when the closing delimiter does not follow it.
        mutating func name(_ allowed: Set<Character>, closedBy closing: [Character]) -> String? {
            skipWhitespace()
            let name = read { allowed.contains($0) }
            skipWhitespace()
            return consume(closing) ? name : nil
        }

        /// ` <% %> =}}`: the new opening and closing delimiters, or nil when malformed.
        mutating func delimiters(closedBy closing: [Character]) -> ([Character], [Character])? {
            skipWhitespace()
            let opening = read { !$0.isWhitespace }
            skipWhitespace()
            let newClosing = read { $0 != "=" && !$0.isWhitespace }
            skipWhitespace()
            guard consume(["="]), consume(closing), !opening.isEmpty, !newClosing.isEmpty else { return nil }
            return (Array(opening), Array(newClosing))
        }

        /// ` CONTENT_TYPE: HTML }}`: the value, or nil when malformed or another setting.
        mutating func configurationValue(_ allowed: Set<Character>, closedBy closing: [Character]) -> String? {
            skipWhitespace()
            let variable = read { allowed.contains($0) }
            skipWhitespace()
            guard variable == "CONTENT_TYPE", consume([":"]) else { return nil }
            skipWhitespace()
            let value = read { allowed.contains($0) }
            skipWhitespace()
            return consume(closing) && !value.isEmpty ? value : nil
        }
    }
}
