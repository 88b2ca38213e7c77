/// Runs the imports of one run: detects `auto` kinds, hands each file to its platform's importer,
/// and joins the platforms into one ``ImportedInventory``.
public enum ImportSession {
    /// One `--import KIND=PATH`: a kind name (or `auto`) and the file's bytes.
    public struct Input: Sendable {
        public var kind: String
        public var file: InputFile

        public init(kind: String, file: InputFile) {
            self.kind = kind
            self.file = file
        }
    }

    public static func run(_ inputs: [Input]) -> ImportedInventory {
        var result = ImportedInventory()
        var log = ImportLog()
        var planned: [(ImportKind, ImportDocument, detected: Bool)] = []
        for input in inputs {
            let document = ImportDocument(input.file)
            if input.kind == "auto" {
                let found = ImportRegistry.detect(document)
                guard found.count == 1, let kind = found.first else {
                    let names = ImportRegistry.kinds.map(\.name).joined(separator: ", ")
                    log.error(
                        input.file.path,
                        found.isEmpty
                            ? "auto: the file has the shape of no import kind; name one with KIND=PATH (kinds: \(names))"
                            : "auto: the file could be \(found.map(\.name).joined(separator: " or ")); name the kind with KIND=PATH"
                    )
                    continue
                }
                planned.append((kind, document, true))
            } else if let kind = ImportRegistry.kind(named: input.kind) {
                planned.append((kind, document, false))
            } else {
                let names = ImportRegistry.kinds.map(\.name).joined(separator: ", ")
                log.error(input.file.path, "unknown import kind \"\(input.kind)\"; expected one of: \(names), auto")
            }
        }
        var owners: [String: String] = [:]  // identity id → platform that yielded it
        for importerType in ImportRegistry.importers {
            let mine = planned.filter { $0.0.platform == importerType.platform }
            guard !mine.isEmpty else { continue }
            let platform = Self.run(importerType, on: mine, log: &log, sources: &result.sources)
            for identity in platform.identities {
                if let other = owners[identity.id] {
                    log.error(
                        identity.origin?.file ?? importerType.platform.rawValue,
                        "identity \"\(identity.id)\" is imported from both \(other) and \(importerType.platform.rawValue)"
                    )
                    continue
                }
                owners[identity.id] = importerType.platform.rawValue
                result.identities.append(identity)
            }
            result.roles += platform.roles
            result.logging.merge(platform.logging) { first, _ in first }
        }
        result.warnings += log.diagnostics.filter { $0.severity == .warning }
        result.errors += log.diagnostics.filter { $0.severity == .error }
        result.warnings += Self.gapWarnings(result.identities)
        return result
    }

    private static func run(
        _ importerType: any PlatformImporter.Type,
        on files: [(ImportKind, ImportDocument, detected: Bool)],
        log: inout ImportLog,
        sources: inout [ImportedSource]
    ) -> ImportedPlatform {
        var importer = importerType.init()
        for (kind, document, detected) in files {
            importer.read(document, as: kind, log: &log)
            sources.append(ImportedSource(file: document.path, kind: kind.name, detected: detected, identities: 0))
        }
        let platform = importer.finish(log: &log)
        var counts: [String: Int] = [:]
        for identity in platform.identities {
            if let file = identity.origin?.file { counts[file, default: 0] += 1 }
        }
        for index in sources.indices where files.contains(where: { $0.1.path == sources[index].file }) {
            sources[index].identities = counts[sources[index].file] ?? 0
        }
        return platform
    }

    /// One warning per source kind that leaves fields unreported: which fields, for how many
    /// identities, and how to fill them in.
    static func gapWarnings(_ identities: [Identity]) -> [Diagnostic] {
        struct Gap {
            var file: String
            var count = 0
            var fields: UnreportedFields = []
        }
        var gaps: [(kind: String, gap: Gap)] = []
        var positions: [String: Int] = [:]
        for identity in identities where !identity.unreported.isEmpty {
            let kind = identity.origin?.kind ?? identity.platform ?? "import"
            let position =
                positions[kind]
                ?? {
                    gaps.append((kind, Gap(file: identity.origin?.file ?? kind)))
                    positions[kind] = gaps.count - 1
                    return gaps.count - 1
                }()
            gaps[position].gap.count += 1
            gaps[position].gap.fields.formUnion(identity.unreported)
        }
        return gaps.map { kind, gap in
            let noun = gap.count == 1 ? "identity" : "identities"
            return Diagnostic(
                .warning,
                file: gap.file,
                message:
                    "\(kind) does not report \(gap.fields.keys.joined(separator: ", ")) for \(gap.count) \(noun): "
                    + "controls that need them are not assessed; fill them in with --overlay"
            )
        }
    }
}
