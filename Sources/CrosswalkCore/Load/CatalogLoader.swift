/// Loads and validates catalogs and mapping files: the bundled ones embedded in the binary and any
/// the user adds with `--catalog`. A file is a catalog when it has `entries`, a mapping file when
/// it has `mappings`.
public struct CatalogLoader {
    /// Control ids mappings may refer to.
    public var knownControlIDs: Set<String>

    public init(knownControlIDs: Set<String> = Set(ControlRegistry.all.map(\.definition.id))) {
        self.knownControlIDs = knownControlIDs
    }

    /// The bundled files, as input files named by their repository path.
    public static var bundledFiles: [InputFile] {
        BundledResources.files
            .filter { $0.path.hasPrefix("frameworks/") && InputFormat(path: $0.path) != nil }
            .map { InputFile(path: $0.path, text: $0.text) }
    }

    /// Loads bundled files and then user files; validates everything together.
    public func load(
        bundled: [InputFile] = CatalogLoader.bundledFiles,
        user: [InputFile] = []
    ) throws
        -> FrameworkLibrary
    {
        try loadReportingWarnings(bundled: bundled, user: user).library
    }

    /// Loads like ``load(bundled:user:)`` and also returns the warnings (texts that were redacted
    /// because they looked like credentials).
    public func loadReportingWarnings(
        bundled: [InputFile] = CatalogLoader.bundledFiles,
        user: [InputFile] = []
    ) throws
        -> (library: FrameworkLibrary, warnings: [Diagnostic])
    {
        var errors: [Diagnostic] = []
        var tally = RedactionTally()
        var catalogs: [Catalog] = []
        var catalogOrigins: [String: String] = [:]
        var pendingMappings: [PendingMapping] = []
        // A user file identical to a bundled one (e.g. `crosswalk validate frameworks/…`) replaces it.
        let userBytes = Set(user.map(\.bytes))
        let bundled = bundled.filter { !userBytes.contains($0.bytes) }
        for (file, isBundled) in bundled.map({ ($0, true) }) + user.map({ ($0, false) }) {
            do {
                let root = NodeReader(node: try DocumentParser.parse(file), path: "", file: file.path)
                let object = try root.object()
                if object.contains("entries") {
                    let catalog = try readCatalog(
                        object,
                        file: file,
                        isBundled: isBundled,
                        errors: &errors,
                        tally: &tally
                    )
                    if let previous = catalogOrigins[catalog.id] {
                        errors.append(
                            Diagnostic(
                                .error,
                                file: file.path,
                                keyPath: "id",
                                message:
                                    "catalog id \(Diagnostic.quoted(catalog.id)) is already defined by \(previous); give this catalog its own id"
                            )
                        )
                    } else {
                        catalogOrigins[catalog.id] = file.path
                        catalogs.append(catalog)
                    }
                } else if object.contains("mappings") {
                    pendingMappings += try readMappings(object, file: file, errors: &errors, tally: &tally)
                } else {
                    throw root.diagnostic("expected a catalog (with 'entries') or a mapping file (with 'mappings')")
                }
            } catch let diagnostic as Diagnostic {
                errors.append(diagnostic)
            } catch let error as InputError {
                errors += error.diagnostics
            }
        }
        let mappings = validate(pendingMappings, catalogs: catalogs, errors: &errors)
        let warnings = tally.warning(in: "the catalogs").map { [$0] } ?? []
        if !errors.isEmpty { throw InputError(errors + warnings) }
        return (FrameworkLibrary(catalogs: Self.inReportOrder(catalogs), mappings: mappings), warnings)
    }

    /// The order reports present frameworks in: agentic and NHI risks first, then threat models,
    /// then the NIST frameworks; user catalogs follow in the order given.
    public static let bundledOrder = [
        "owasp-agentic-top10-2026", "owasp-nhi-top10-2025", "owasp-agentic-threats-2025", "csa-maestro",
        "nist-ai-rmf-1.0", "nist-csf-2.0",
    ]

    static func inReportOrder(_ catalogs: [Catalog]) -> [Catalog] {
        let rank = { (catalog: Catalog) -> Int in
            catalog.isBundled ? (bundledOrder.firstIndex(of: catalog.id) ?? bundledOrder.count) : bundledOrder.count + 1
        }
        return catalogs.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(
            \.element
        )
    }

    private func readCatalog(
        _ object: ObjectReader,
        file: InputFile,
        isBundled: Bool,
        errors: inout [Diagnostic],
        tally: inout RedactionTally
    )
        throws -> Catalog
    {
        let id = try object.required("id", "the catalog's id").identifier()
        var entries: [CatalogEntry] = []
        var entryReaders: [String: NodeReader] = [:]
        for element in try object.required("entries", "the list of entries").list() {
            let entry = try element.object()
            let entryIDReader = try entry.required("id", "the entry's id")
            let entryID = try entryIDReader.identifier()
            let title = try entry.required("title", "the entry's title").text(&tally)
            if let previous = entryReaders[entryID] {
                errors.append(
                    entryIDReader.diagnostic(
                        "duplicate entry id \(Diagnostic.quoted(entryID)) in catalog \(Diagnostic.quoted(id)); first at line \(previous.node.location?.line ?? 0)"
                    )
                )
                continue
            }
            entryReaders[entryID] = element
            entries.append(
                CatalogEntry(
                    id: entryID,
                    title: title,
                    text: try entry.optional("text")?.text(&tally) ?? title,
                    parent: try entry.optional("parent")?.identifier(),
                    kind: try entry.optional("kind")?.label(&tally) ?? "entry"
                )
            )
        }
        for entry in entries {
            guard let parent = entry.parent, entryReaders[parent] == nil else { continue }
            let reader = entryReaders[entry.id]
            errors.append(
                Diagnostic(
                    .error,
                    file: file.path,
                    location: reader?.node.location,
                    keyPath: reader?.path,
                    message:
                        "entry \(Diagnostic.quoted(entry.id)) names parent \(Diagnostic.quoted(parent)), which catalog \(Diagnostic.quoted(id)) does not define"
                )
            )
        }
        for cycle in ParentCycleFinder.cycles(in: entries) {
            let reader = entryReaders[cycle[0]]
            let path = (cycle + [cycle[0]]).map { "'\($0)'" }.joined(separator: " → ")
            errors.append(
                Diagnostic(
                    .error,
                    file: file.path,
                    location: reader?.node.location,
                    keyPath: reader?.path,
                    message:
                        "entries \(path) form a parent cycle in catalog '\(id)'; a chain of parents must end at an entry without a parent"
                )
            )
        }
        var scope = MappingScope.all
        if let scopeReader = object.optional("scope") {
            scope = try Self.scope(scopeReader)
        }
        return Catalog(
            id: id,
            title: try object.required("title", "the catalog's title").text(&tally),
            shortTitle: try object.optional("short_title")?.text(&tally),
            version: try Self.text(object.required("version", "the framework version"), tally: &tally),
            publisher: try object.optional("publisher")?.text(&tally),
            license: try object.optional("license")?.text(&tally),
            attribution: try object.optional("attribution")?.text(&tally),
            sourceURLs: try object.optional("source_urls")?.textList(&tally) ?? [],
            entries: entries,
            origin: file.path,
            isBundled: isBundled,
            entryIDs: try Self.entryIDAuthority(object.optional("entry_ids")),
            scope: scope
        )
    }

    /// `entry_ids`: `official` (the default) or `crosswalk`.
    private static func entryIDAuthority(_ reader: NodeReader?) throws -> EntryIDAuthority {
        guard let reader else { return .official }
        let text = try reader.string()
        guard let authority = EntryIDAuthority(rawValue: text) else {
            throw reader.diagnostic(
                "unknown value \(Diagnostic.quoted(text)); expected official (ids the framework itself uses) or crosswalk (ids Crosswalk assigned)"
            )
        }
        return authority
    }

    /// Reads a `scope` value: `all` or `ai-agents`; anything else is a located error.
    private static func scope(_ reader: NodeReader) throws -> MappingScope {
        let text = try reader.string()
        guard let scope = MappingScope(rawValue: text) else {
            throw reader.diagnostic(
                "unknown scope \(Diagnostic.quoted(text)); expected \(MappingScope.expectedText)"
            )
        }
        return scope
    }

    /// A mapping read from its file, with its own scope if it sets one, before validation.
    private typealias PendingMapping = (mapping: Mapping, reader: NodeReader, scope: MappingScope?)

    private static func text(_ reader: NodeReader, tally: inout RedactionTally) throws -> String {
        switch reader.node.value {
        case let .integer(value): return String(value)
        case let .number(value): return String(value)
        default: return try reader.text(&tally)
        }
    }

    private func readMappings(
        _ object: ObjectReader,
        file: InputFile,
        errors: inout [Diagnostic],
        tally: inout RedactionTally
    ) throws
        -> [PendingMapping]
    {
        try DocumentVersion.check(object, supported: 1, what: "mapping file")
        for member in object.unknownMembers(known: ["version", "catalog", "mappings"]) {
            errors.append(
                object.diagnostic(
                    for: member,
                    "unknown top-level key \(Diagnostic.quoted(member.key)); expected version, catalog or mappings",
                    severity: .error
                )
            )
        }
        let defaultCatalog = try object.optional("catalog")?.identifier()
        var result: [PendingMapping] = []
        for element in try object.required("mappings", "the list of mappings").list() {
            do {
                let mapping = try element.object()
                let relationshipReader = try mapping.required(
                    "relationship",
                    "equal, subset-of, superset-of or intersects-with"
                )
                let relationshipText = try relationshipReader.string()
                guard let relationship = Relationship(rawValue: relationshipText) else {
                    throw relationshipReader.diagnostic(
                        "unknown relationship \(Diagnostic.quoted(relationshipText)); expected equal, subset-of, superset-of or intersects-with"
                    )
                }
                let strengthReader = try mapping.required("strength", "a whole number from 1 to 10")
                let strength = try strengthReader.integer()
                guard (1...10).contains(strength) else {
                    throw strengthReader.diagnostic(
                        "strength \(strength) is out of range; expected a whole number from 1 to 10"
                    )
                }
                let catalogID: String
                if let reader = mapping.optional("catalog") {
                    catalogID = try reader.identifier()
                } else if let defaultCatalog {
                    catalogID = defaultCatalog
                } else {
                    throw element.diagnostic("missing 'catalog': name it in the mapping or once at the top of the file")
                }
                let rationale = try mapping.required("rationale", "one line saying why the control evidences the entry")
                    .text(&tally)
                guard !rationale.allSatisfy(\.isWhitespace) else {
                    throw element.diagnostic("the rationale is empty; say why the control evidences the entry")
                }
                let ownScope = try mapping.optional("scope").map(Self.scope)
                for member in mapping.unknownMembers(known: [
                    "control", "catalog", "entry", "relationship", "strength", "rationale", "scope",
                ]) {
                    errors.append(
                        mapping.diagnostic(
                            for: member,
                            "unknown key \(Diagnostic.quoted(member.key)) in a mapping",
                            severity: .error
                        )
                    )
                }
                result.append(
                    (
                        Mapping(
                            controlID: try mapping.required("control", "a control id such as CW-CRED-02").identifier(),
                            catalogID: catalogID,
                            entryID: try mapping.required("entry", "the catalog entry's id").identifier(),
                            relationship: relationship,
                            strength: Int(strength),
                            rationale: rationale,
                            origin: file.path
                        ),
                        element,
                        ownScope
                    )
                )
            } catch let diagnostic as Diagnostic {
                errors.append(diagnostic)
            }
        }
        return result
    }

    private func validate(
        _ pending: [PendingMapping],
        catalogs: [Catalog],
        errors: inout [Diagnostic]
    )
        -> [Mapping]
    {
        var leaves: [String: Set<String>] = [:]
        var allEntries: [String: Set<String>] = [:]
        var catalogScopes: [String: MappingScope] = [:]
        for catalog in catalogs {
            catalogScopes[catalog.id] = catalog.scope
            leaves[catalog.id] = Set(catalog.leafEntries.map(\.id))
            allEntries[catalog.id] = Set(catalog.entries.map(\.id))
        }
        var seen: [String: NodeReader] = [:]
        var valid: [Mapping] = []
        for (read, reader, ownScope) in pending {
            var mapping = read
            mapping.scope = ownScope ?? catalogScopes[mapping.catalogID] ?? .all
            guard knownControlIDs.contains(mapping.controlID) else {
                errors.append(
                    reader.diagnostic(
                        "mapping names control \(Diagnostic.quoted(mapping.controlID)), which is not a Crosswalk control"
                    )
                )
                continue
            }
            guard let entries = allEntries[mapping.catalogID], let leafIDs = leaves[mapping.catalogID] else {
                errors.append(
                    reader.diagnostic(
                        "mapping names catalog \(Diagnostic.quoted(mapping.catalogID)), which is not loaded"
                    )
                )
                continue
            }
            guard entries.contains(mapping.entryID) else {
                errors.append(
                    reader.diagnostic(
                        "mapping names entry \(Diagnostic.quoted(mapping.entryID)), which catalog \(Diagnostic.quoted(mapping.catalogID)) does not define"
                    )
                )
                continue
            }
            guard leafIDs.contains(mapping.entryID) else {
                errors.append(
                    reader.diagnostic(
                        "mapping targets \(Diagnostic.quoted(mapping.entryID)), which groups other entries of \(Diagnostic.quoted(mapping.catalogID)); map to one of its leaf entries instead"
                    )
                )
                continue
            }
            let key = "\(mapping.controlID)\u{0}\(mapping.catalogID)\u{0}\(mapping.entryID)"
            if let previous = seen[key] {
                errors.append(
                    reader.diagnostic(
                        "duplicate mapping \(mapping.controlID) → \(mapping.catalogID) \(mapping.entryID); first at \(previous.file):\(previous.node.location?.line ?? 0)"
                    )
                )
                continue
            }
            seen[key] = reader
            valid.append(mapping)
        }
        return valid
    }
}
