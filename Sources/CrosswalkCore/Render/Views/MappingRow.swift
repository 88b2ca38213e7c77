import Mustache

/// One framework entry a control maps to (key `mappings` of a ``ControlSection`` and of the
/// control reference's controls).
struct MappingRow: TemplateView {
    /// The framework's short title.
    var catalog: String
    /// The entry as printed: its id (marked when Crosswalk assigned it), in the control
    /// reference followed by its title.
    var entry: String
    /// `subset-of`, …
    var relationship: String
    var strength: String
    /// `all` or `ai-agents`.
    var scope: String
    var rationale: String
    /// The entry's anchor in the HTML page's framework tables.
    var entryAnchor: String

    /// The row of `mapping`, whose catalog is `catalog` when it is loaded; `withTitle` adds the
    /// entry's title after its id.
    init(_ mapping: Mapping, catalog: Catalog?, withTitle: Bool = false) {
        self.catalog = catalog?.shortTitle ?? mapping.catalogID
        let id = ReportText.entryID(mapping.entryID, in: catalog)
        if withTitle {
            let title = catalog?.entries.first { $0.id == mapping.entryID }?.title ?? ""
            entry = "\(id) \(title)"
        } else {
            entry = id
        }
        relationship = mapping.relationship.rawValue
        strength = String(mapping.strength)
        scope = mapping.scope.rawValue
        rationale = mapping.rationale
        entryAnchor = HTMLEscaping.entryAnchor(catalogID: mapping.catalogID, entryID: mapping.entryID)
    }
}

extension MappingRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "catalog": catalog
        case "entry": entry
        case "relationship": relationship
        case "strength": strength
        case "scope": scope
        case "rationale": rationale
        case "entryAnchor": entryAnchor
        default: nil
        }
    }
}
