/// A framework catalog (NIST CSF 2.0, OWASP NHI Top 10, …): every entry of the framework, with
/// where the data came from and under which licence.
public struct Catalog: Sendable {
    public var id: String
    public var title: String
    /// A name short enough for table cells ("NIST CSF 2.0"); the title when the file gives none.
    public var shortTitle: String
    public var version: String
    public var publisher: String?
    public var license: String?
    public var attribution: String?
    public var sourceURLs: [String]
    /// Entries in the framework's own order; hierarchy only through ``CatalogEntry/parent``.
    public var entries: [CatalogEntry]
    /// Where the catalog was loaded from (`frameworks/catalogs/…` for bundled ones).
    public var origin: String
    public var isBundled: Bool
    /// Whether the entry ids are the framework's own or Crosswalk's.
    public var entryIDs: EntryIDAuthority
    /// The scope of the catalog's mappings unless a mapping sets its own (`scope` key; `all` when absent).
    public var scope: MappingScope

    public init(
        id: String,
        title: String,
        shortTitle: String? = nil,
        version: String,
        publisher: String? = nil,
        license: String? = nil,
        attribution: String? = nil,
        sourceURLs: [String] = [],
        entries: [CatalogEntry],
        origin: String,
        isBundled: Bool,
        entryIDs: EntryIDAuthority = .official,
        scope: MappingScope = .all
    ) {
        self.scope = scope
        self.id = id
        self.title = title
        self.shortTitle = shortTitle ?? title
        self.version = version
        self.publisher = publisher
        self.license = license
        self.attribution = attribution
        self.sourceURLs = sourceURLs
        self.entries = entries
        self.origin = origin
        self.isBundled = isBundled
        self.entryIDs = entryIDs
    }

    /// Entries that no other entry names as parent: the ones controls map to and scores count.
    public var leafEntries: [CatalogEntry] {
        let parents = Set(entries.compactMap(\.parent))
        return entries.filter { !parents.contains($0.id) }
    }

    /// Entry counts by kind, in the order kinds first appear.
    public var countsByKind: [(kind: String, count: Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for entry in entries {
            if counts[entry.kind] == nil { order.append(entry.kind) }
            counts[entry.kind, default: 0] += 1
        }
        return order.map { ($0, counts[$0] ?? 0) }
    }
}

/// One entry of a catalog: a function, category, subcategory, risk, layer or threat.
public struct CatalogEntry: Hashable, Sendable {
    public var id: String
    public var title: String
    public var text: String
    public var parent: String?
    public var kind: String

    public init(id: String, title: String, text: String, parent: String?, kind: String) {
        self.id = id
        self.title = title
        self.text = text
        self.parent = parent
        self.kind = kind
    }
}

/// How a control relates to a catalog entry, in the NIST IR 8477 / OSCAL mapping vocabulary.
/// Read as "the control is <relationship> the entry".
public enum Relationship: String, CaseIterable, Sendable {
    /// The control checks the same thing the entry asks for.
    case equal
    /// The control checks part of what the entry asks for.
    case subsetOf = "subset-of"
    /// The control checks everything the entry asks for, and more.
    case supersetOf = "superset-of"
    /// The control and the entry overlap; each covers something the other does not.
    case intersectsWith = "intersects-with"

    /// Whether the link is full (`equal`, `superset-of`): only a full link of an observed control
    /// can make an entry satisfied (docs/assessment.md §5).
    public var canFullySatisfy: Bool { self == .equal || self == .supersetOf }
}

/// A link from a control to a catalog entry, with its relationship, strength and rationale.
public struct Mapping: Hashable, Sendable {
    public var controlID: String
    public var catalogID: String
    public var entryID: String
    public var relationship: Relationship
    /// 1–10: how strongly the control's result is evidence for the entry.
    public var strength: Int
    public var rationale: String
    /// The mapping file it came from.
    public var origin: String
    /// Whose results count for the entry: the mapping's own `scope`, else its catalog's.
    public var scope: MappingScope

    public init(
        controlID: String,
        catalogID: String,
        entryID: String,
        relationship: Relationship,
        strength: Int,
        rationale: String,
        origin: String,
        scope: MappingScope = .all
    ) {
        self.scope = scope
        self.controlID = controlID
        self.catalogID = catalogID
        self.entryID = entryID
        self.relationship = relationship
        self.strength = strength
        self.rationale = rationale
        self.origin = origin
    }
}

/// The catalogs and mappings in force for a run: the bundled ones plus any the user added.
public struct FrameworkLibrary: Sendable {
    public var catalogs: [Catalog]
    public var mappings: [Mapping]

    public init(catalogs: [Catalog], mappings: [Mapping]) {
        self.catalogs = catalogs
        self.mappings = mappings
    }

    public func catalog(withID id: String) -> Catalog? {
        catalogs.first { $0.id == id }
    }

    public func mappings(forControl id: String) -> [Mapping] {
        mappings.filter { $0.controlID == id }
    }

    /// Keeps only the named catalogs (and their mappings), in the order given.
    public func selecting(_ catalogIDs: [String]) -> FrameworkLibrary {
        let selected = catalogIDs.compactMap { catalog(withID: $0) }
        let ids = Set(catalogIDs)
        return FrameworkLibrary(catalogs: selected, mappings: mappings.filter { ids.contains($0.catalogID) })
    }
}
