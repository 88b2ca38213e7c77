/// Lenient reading of export trees. Platform exports are looser than Crosswalk's own format: a
/// list may come as a single object, a boolean as the string `"true"`, a number as a string. These
/// accessors take each such form and return nil only when the value is truly absent or unusable.
extension SourceNode {
    /// The member named `key` of an object (the first, if repeated); nil for other values.
    subscript(key: String) -> SourceNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The first member present of several spellings (`iam_policy` / `iamPolicy`).
    subscript(anyOf keys: String...) -> SourceNode? {
        for key in keys { if let found = self[key] { return found } }
        return nil
    }

    /// The object's members, or none.
    var members: [Member] {
        if case .object(let members) = value { return members }
        return []
    }

    var isObject: Bool {
        if case .object = value { return true }
        return false
    }

    var isArray: Bool {
        if case .array = value { return true }
        return false
    }

    var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// A string, or a number or boolean written as text; nil for null, lists and objects.
    var text: String? {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    /// A non-blank string (see ``text``), or nil.
    var nonBlankText: String? {
        guard let text, !text.trimmedOfSpaces.isEmpty else { return nil }
        return text
    }

    /// A boolean, or the strings `true`/`false` in any case; nil otherwise.
    var flag: Bool? {
        switch value {
        case .bool(let flag): return flag
        case .string(let text):
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// An integer, or a string of digits.
    var integer: Int64? {
        switch value {
        case .integer(let number): return number
        case .string(let text): return Int64(text.trimmedOfSpaces)
        case .number(let number) where number.rounded() == number && abs(number) < 9e18: return Int64(number)
        default: return nil
        }
    }

    /// The elements of a list; a single value counts as a list of one; null as an empty list.
    var elements: [SourceNode] {
        switch value {
        case .array(let nodes): return nodes
        case .null: return []
        default: return [self]
        }
    }

    /// The strings of a list (or of a single string); other elements are skipped.
    var texts: [String] {
        elements.compactMap(\.text)
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmedOfSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
