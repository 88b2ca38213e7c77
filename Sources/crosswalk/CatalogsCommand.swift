import ArgumentParser
import CrosswalkCore
import Foundation

/// `crosswalk catalogs`: lists the catalogs in force with their versions and entry counts.
struct CatalogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogs",
        abstract: "List the framework catalogs: id, title, version and entry counts by kind."
    )

    @OptionGroup var options: LibraryOptions

    func run() throws {
        let library = try options.loadLibrary()
        if options.json {
            let list = library.catalogs.map { catalog in
                CatalogListing(
                    id: catalog.id,
                    title: catalog.title,
                    version: catalog.version,
                    license: catalog.license,
                    origin: catalog.origin,
                    entries: catalog.entries.count,
                    entriesByKind: Dictionary(uniqueKeysWithValues: catalog.countsByKind.map { ($0.kind, $0.count) }),
                    mappings: library.mappings.filter { $0.catalogID == catalog.id }.count
                )
            }
            Terminal.printJSON(try JSONOutput.encode(list))
            return
        }
        for catalog in library.catalogs {
            let kinds = catalog.countsByKind.map { "\($0.count) \(Self.plural($0.kind, $0.count))" }.joined(
                separator: ", "
            )
            let mappings = library.mappings.filter { $0.catalogID == catalog.id }.count
            Terminal.printLine("\(catalog.id)  \(catalog.title) (\(catalog.version))")
            Terminal.printLine("    \(catalog.entries.count) entries: \(kinds); \(mappings) control mappings")
        }
    }

    /// `category` → `categories`, `threat` → `threats`.
    static func plural(_ noun: String, _ count: Int) -> String {
        guard count != 1 else { return noun }
        if noun.hasSuffix("y") { return noun.dropLast() + "ies" }
        return noun + "s"
    }

    struct CatalogListing: Encodable {
        var id: String
        var title: String
        var version: String
        var license: String?
        var origin: String
        var entries: Int
        var entriesByKind: [String: Int]
        var mappings: Int
    }
}

/// Pretty, key-sorted JSON for the listing commands.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
