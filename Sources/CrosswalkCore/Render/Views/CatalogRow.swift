import Mustache

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

extension CatalogRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "title": title
        case "version": version
        case "license": license
        case "origin": origin
        case "attribution": attribution
        default: nil
        }
    }
}
