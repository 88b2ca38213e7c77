import ArgumentParser
import CrosswalkCore

/// `crosswalk controls`: lists the built-in controls with their severity and mappings.
struct ControlsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "controls",
        abstract: "List the built-in controls with severity and framework mappings."
    )

    @OptionGroup var options: LibraryOptions

    func run() throws {
        let library = try options.loadLibrary()
        let controls = ControlRegistry.all.map(\.definition)
        if options.json {
            let list = controls.map { definition in
                ControlListing(
                    id: definition.id,
                    title: definition.title,
                    severity: definition.severity.rawValue,
                    subjectKind: definition.subjectKind.rawValue,
                    evidence: definition.evidenceSource.rawValue,
                    appliesTo: definition.appliesTo,
                    policyParameters: definition.policyParameters,
                    mappings: library.mappings(forControl: definition.id).map {
                        MappingListing(
                            catalog: $0.catalogID,
                            entry: $0.entryID,
                            relationship: $0.relationship.rawValue,
                            strength: $0.strength,
                            scope: $0.scope.rawValue
                        )
                    }
                )
            }
            Terminal.printJSON(try JSONOutput.encode(list))
            return
        }
        for definition in controls {
            Terminal.printLine(
                "\(definition.id)  [\(definition.severity.rawValue), \(definition.evidenceSource.rawValue)]  \(definition.title)"
            )
            var byCatalog: [String: [String]] = [:]
            for mapping in library.mappings(forControl: definition.id) {
                byCatalog[mapping.catalogID, default: []].append(
                    "\(mapping.entryID) (\(mapping.relationship.rawValue), \(mapping.strength))"
                )
            }
            for catalog in library.catalogs {
                guard let entries = byCatalog[catalog.id] else { continue }
                Terminal.printLine("    \(catalog.id): \(entries.joined(separator: ", "))")
            }
        }
    }

    struct ControlListing: Encodable {
        var id: String
        var title: String
        var severity: String
        var subjectKind: String
        /// `observed` or `attested` (docs/assessment.md §3).
        var evidence: String
        var appliesTo: String
        var policyParameters: [String]
        var mappings: [MappingListing]
    }

    struct MappingListing: Encodable {
        var catalog: String
        var entry: String
        var relationship: String
        var strength: Int
        /// `all` or `ai-agents`: whose results count for the entry.
        var scope: String
    }
}
