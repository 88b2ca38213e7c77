/// A loaded catalog, for the provenance section (key `catalogs`).
struct CatalogRow: TemplateView {
    var id: String
    var title: String
    var version: String
    /// The licence, or `not stated`.
    var license: String
    /// Where it was loaded from: bundled, or the user's file.
    var origin: String
    /// The attribution the licence asks for, or empty.
    var attribution: String

    init(_ catalog: Catalog) {
        id = catalog.id
        title = catalog.title
        version = catalog.version
        license = catalog.license ?? "not stated"
        origin = catalog.origin
        attribution = catalog.attribution ?? ""
    }
}
