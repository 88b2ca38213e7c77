/// The export model shared by the machine-readable reports (JSON and XML): ``ReportExporter`` walks
/// a ``GapReport`` once and describes it as records, lists and typed fields to an ``ExportWriter``;
/// each format is one writer. Both formats therefore carry the same facts in the same order and
/// cannot drift apart. See docs/report-json.md and docs/report-xml.md.
public protocol ExportWriter: AnyObject {
    /// Opens the document: `schema` is the report's schema URN, `version` its number.
    func beginDocument(schema: String, version: String) throws
    /// Closes the document and writes what is still buffered.
    func endDocument() throws
    /// Opens a record: a JSON object (a member `name`, or an element of the open list) or an XML
    /// element `name`. Fields that are not ``ExportValue/text(_:)`` come first.
    func beginRecord(_ name: ExportName) throws
    /// Opens a record of the open list that holds no list of records, only fields and lists of
    /// scalars (a row of a table, such as the identity table): a writer may serialise it in one
    /// piece. Closed by ``endRecord()``; written exactly as ``beginRecord(_:)`` would write it.
    func beginRow(_ name: ExportName) throws
    func endRecord() throws
    /// Opens a list `name` whose records or items are each called `item` (XML element names).
    /// An unwrapped list is written in XML as its items alone, without an element `name`
    /// (for the lists inside every result); JSON writes every list the same way.
    func beginList(_ name: ExportName, item: ExportName, wrapped: Bool) throws
    func endList() throws
    /// One field of the open record; nothing when `value` is nil.
    func field(_ name: ExportName, _ value: ExportValue?) throws
    /// One scalar of the open list.
    func item(_ value: ExportValue) throws
    /// One text field of the open record whose value is UTF-8 read in place (a result's values,
    /// copied from the run's spool without building a string), written as `kind` says.
    func field(_ name: ExportName, utf8 text: UnsafeRawBufferPointer, as kind: ExportTextKind) throws
    /// One text scalar of the open list, UTF-8 read in place.
    func item(utf8 text: UnsafeRawBufferPointer, as kind: ExportTextKind) throws
}

extension ExportWriter {
    /// Opens the row as any other record.
    public func beginRow(_ name: ExportName) throws {
        try beginRecord(name)
    }

    /// Writes the text as a string value; writers override this to copy the bytes directly.
    public func field(_ name: ExportName, utf8 text: UnsafeRawBufferPointer, as kind: ExportTextKind) throws {
        try field(name, kind.value(String(decoding: text, as: UTF8.self)))
    }

    /// Writes the text as a string value; writers override this to copy the bytes directly.
    public func item(utf8 text: UnsafeRawBufferPointer, as kind: ExportTextKind) throws {
        try item(kind.value(String(decoding: text, as: UTF8.self)))
    }

    /// Opens a wrapped list.
    public func beginList(_ name: ExportName, item: ExportName) throws {
        try beginList(name, item: item, wrapped: true)
    }
}

/// How deep a list may sit for its records to start on a line of their own in compact output
/// (the document counts as 1): each result, framework entry or identity is then one line,
/// with its evidence or links on the same line.
public let exportRowDepth = 4

/// A field value with the kind that decides how each format writes it: XML writes identifiers,
/// numbers and flags as attributes, free text as element content; JSON writes strings, numbers
/// and booleans.
public enum ExportValue: Sendable {
    /// An id, a vocabulary word (status, severity), a path or a hash: short, machine-meant text.
    case identifier(String)
    /// Free text: names, messages, rationales. Attacker-controlled; escaped.
    case text(String)
    /// Free text repeated in every result (an observed value): XML writes it as an attribute,
    /// which costs less than an element for millions of results. Attacker-controlled; escaped.
    case inlineText(String)
    case integer(Int)
    /// A fraction or score; whole numbers print without a fraction.
    case decimal(Double)
    case bool(Bool)

    /// `.identifier(text)` when present.
    public static func identifier(_ text: String?) -> ExportValue? { text.map(ExportValue.identifier) }
    /// `.text(text)` when present.
    public static func text(_ text: String?) -> ExportValue? { text.map(ExportValue.text) }
}

/// Which of the text kinds of ``ExportValue`` a text read in place is written as.
public enum ExportTextKind: Sendable {
    case identifier
    case text
    case inlineText

    /// The value of this kind holding `text`.
    public func value(_ text: String) -> ExportValue {
        switch self {
        case .identifier: return .identifier(text)
        case .text: return .text(text)
        case .inlineText: return .inlineText(text)
        }
    }
}

/// A field, record or list name, spelled once in snake case (`affected_identities`, the JSON key)
/// and derived in camel case (`affectedIdentities`, the XML name). Hyphens are kept.
public struct ExportName: ExpressibleByStringLiteral, Sendable {
    /// The JSON spelling.
    public let json: String
    /// The XML spelling.
    public let xml: String
    /// The JSON spelling as an object key, quoted and followed by `:`, for a writer to copy as
    /// it is; empty when the spelling needs escaping (then the writer escapes it).
    public let jsonKey: [UInt8]
    /// The XML spelling's bytes when it has at most 16, for a writer to copy with two stores.
    public let xmlShort: ShortUTF8?

    public init(_ name: String) {
        json = name
        jsonKey = Self.key(name)
        var xml = ""
        var upper = false
        for character in name {
            if character == "_" {
                upper = true
            } else {
                xml += upper ? character.uppercased() : String(character)
                upper = false
            }
        }
        self.xml = xml
        xmlShort = ShortUTF8(xml)
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// A name spelled differently in each format: a status or scope used as a key is snake case
    /// in JSON (`not_applicable`) and keeps its own spelling in XML (`not-applicable`).
    public init(json: String, xml: String) {
        self.json = json
        self.xml = xml
        jsonKey = Self.key(json)
        xmlShort = ShortUTF8(xml)
    }

    /// `"name":`, or empty when `name` holds a byte a JSON string escapes.
    private static func key(_ name: String) -> [UInt8] {
        let utf8 = Array(name.utf8)
        guard !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) else { return [] }
        return [UInt8(ascii: "\"")] + utf8 + [UInt8(ascii: "\""), UInt8(ascii: ":")]
    }

    /// The name of a key taken from a vocabulary value (a status, a scope): hyphens become
    /// underscores in JSON; XML keeps the value as it is.
    public static func keyed(_ value: String) -> ExportName {
        ExportName(json: String(value.map { $0 == "-" ? "_" : $0 }), xml: value)
    }
}

/// The identities the results of a report are about, for the identity table of the
/// machine-readable reports (id, name, kind, owner, platform, stated once per identity).
public struct IdentityDirectory: Sendable {
    private let inventory: Inventory?

    public init(_ inventory: Inventory? = nil) { self.inventory = inventory }

    /// Every identity of the inventory, in inventory order (by ordinal, for a run's peer records).
    public var identities: [Identity] { inventory?.identities ?? [] }

    /// The position of the identity with this id.
    public func position(of id: String) -> Int? { inventory?.identityPosition(of: id) }
}
