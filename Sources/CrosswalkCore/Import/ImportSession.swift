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

}
