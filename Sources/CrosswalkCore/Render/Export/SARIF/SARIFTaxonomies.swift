/// The framework catalogs as SARIF taxonomies (`run.taxonomies`): one tool component per catalog
/// of the run, whose taxa are the catalog's entries that some control maps to, in catalog order.
/// Each rule then names the entries it maps to as `relationships`, with a kind from the mapping's
/// relationship (``relationshipKind(_:)``) and the mapping's strength.
///
/// A taxonomy is referenced by name (the catalog id) and by its index in `run.taxonomies`; a taxon
/// by id (the entry id) and by its index in the taxonomy's `taxa`.
struct SARIFTaxonomies {
    /// One catalog and the entries written as its taxa.
    struct Taxonomy {
        var catalog: Catalog
        var taxa: [CatalogEntry]
        /// Position in ``taxa`` of each entry id.
        var taxonIndex: [String: Int]
    }

    let taxonomies: [Taxonomy]
    private let taxonomyIndex: [String: Int]

    init(_ library: FrameworkLibrary) {
        var mapped: [String: Set<String>] = [:]
        for mapping in library.mappings { mapped[mapping.catalogID, default: []].insert(mapping.entryID) }
        var taxonomies: [Taxonomy] = []
        var taxonomyIndex: [String: Int] = [:]
        for catalog in library.catalogs where taxonomyIndex[catalog.id] == nil {
            let entries = mapped[catalog.id] ?? []
            var taxa: [CatalogEntry] = []
            var taxonIndex: [String: Int] = [:]
            for entry in catalog.entries where entries.contains(entry.id) && taxonIndex[entry.id] == nil {
                taxonIndex[entry.id] = taxa.count
                taxa.append(entry)
            }
            taxonomyIndex[catalog.id] = taxonomies.count
            taxonomies.append(Taxonomy(catalog: catalog, taxa: taxa, taxonIndex: taxonIndex))
        }
        self.taxonomies = taxonomies
        self.taxonomyIndex = taxonomyIndex
    }

    /// The SARIF relationship kind of a mapping: `equal`, `subset`, `superset`, or `relevant` for
    /// `intersects-with` (the control and the entry overlap, neither containing the other).
    static func relationshipKind(_ relationship: Relationship) -> String {
        switch relationship {
        case .equal: return "equal"
        case .subsetOf: return "subset"
        case .supersetOf: return "superset"
        case .intersectsWith: return "relevant"
        }
    }

    /// Where a mapping's entry is: the taxonomy's index and the taxon's index in it.
    func position(of mapping: Mapping) -> (taxonomy: Int, taxon: Int)? {
        guard let taxonomy = taxonomyIndex[mapping.catalogID],
            let taxon = taxonomies[taxonomy].taxonIndex[mapping.entryID]
        else { return nil }
        return (taxonomy, taxon)
    }

    /// `tool.driver.supportedTaxonomies`: every taxonomy by name and index.
    func writeSupported(to json: SARIFJSONWriter) {
        json.beginArray("supportedTaxonomies")
        for (index, taxonomy) in taxonomies.enumerated() {
            json.beginObject()
            json.string("name", taxonomy.catalog.id)
            json.integer("index", index)
            json.endObject()
        }
        json.endArray()
    }

    /// `run.taxonomies`, one line per catalog.
    func write(to json: SARIFJSONWriter) {
        json.beginArray("taxonomies", .lines)
        for taxonomy in taxonomies {
            let catalog = taxonomy.catalog
            json.beginObject()
            json.string("name", catalog.id)
            json.string("fullName", catalog.title)
            json.string("version", catalog.version)
            json.optionalString("organization", catalog.publisher)
            json.bool("isComprehensive", false)
            json.text("shortDescription", catalog.shortTitle)
            json.beginArray("taxa")
            for entry in taxonomy.taxa {
                json.beginObject()
                json.string("id", entry.id)
                json.text("shortDescription", entry.title)
                json.endObject()
            }
            json.endArray()
            json.beginObject("properties")
            json.string("entryIds", catalog.entryIDs == .crosswalk ? "crosswalk" : "official")
            json.endObject()
            json.endObject()
        }
        json.endArray()
    }

    /// A rule's `relationships`: one per mapping onto an entry of a taxonomy.
    func writeRelationships(_ mappings: [Mapping], to json: SARIFJSONWriter) {
        json.beginArray("relationships")
        for mapping in mappings {
            guard let position = position(of: mapping) else { continue }
            json.beginObject()
            json.beginObject("target")
            json.string("id", mapping.entryID)
            json.integer("index", position.taxon)
            json.beginObject("toolComponent")
            json.string("name", mapping.catalogID)
            json.integer("index", position.taxonomy)
            json.endObject()
            json.endObject()
            json.beginArray("kinds")
            json.string(nil, Self.relationshipKind(mapping.relationship))
            json.endArray()
            json.beginObject("properties")
            json.string("relationship", mapping.relationship.rawValue)
            json.integer("strength", mapping.strength)
            json.endObject()
            json.endObject()
        }
        json.endArray()
    }
}
