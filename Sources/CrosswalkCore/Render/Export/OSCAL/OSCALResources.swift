import Crypto

/// The back-matter resources of the OSCAL export: every file the run read (inventories, imported
/// exports, overlay, policy, user catalogs and mappings) and every bundled catalog and mapping
/// file in force, each with its SHA-256, plus the seed every run-level UUID is named from.
struct OSCALResources {
    /// One file, as a back-matter resource.
    struct File {
        var uuid: String
        /// The path as given (bundled files: their repository path).
        var path: String
        /// `inventory`, `import`, `overlay`, `policy`, `catalog` (user catalog or mapping file),
        /// `bundled-catalog` or `bundled-mapping`.
        var role: String
        var byteCount: Int
        var sha256: String
    }

    /// The run's inputs, in the order of ``RunMetadata/inputs``.
    var inputs: [File] = []
    /// The bundled catalogs and mapping files in force, catalogs first, in report order.
    var bundled: [File] = []
    /// SHA-256 (hex) of the tool version, the clock and every file's hash and path: the name of
    /// the document, result and plan UUIDs, so they change when any input does.
    var runSeed = ""
    private var uuidByPath: [String: String] = [:]

    init(_ report: GapReport) {
        for input in report.metadata.inputs {
            let file = register(
                path: input.path,
                role: input.role.rawValue,
                bytes: input.byteCount,
                sha256: input.sha256
            )
            inputs.append(file)
        }
        let library = report.library
        var bundledPaths: [(path: String, role: String)] = library.catalogs.filter(\.isBundled).map {
            ($0.origin, "bundled-catalog")
        }
        var seen = Set(bundledPaths.map(\.path))
        for mapping in library.mappings where seen.insert(mapping.origin).inserted {
            bundledPaths.append((mapping.origin, "bundled-mapping"))
        }
        for (path, role) in bundledPaths where uuidByPath[path] == nil {
            guard let text = BundledResources.text(at: path) else { continue }
            let bytes = Array(text.utf8)
            let file = register(path: path, role: role, bytes: bytes.count, sha256: Self.hex(SHA256.hash(data: bytes)))
            bundled.append(file)
        }
        var seed = "crosswalk \(report.metadata.toolVersion)\n\(report.metadata.generatedAt.iso8601)\n"
        for file in inputs + bundled { seed += "\(file.sha256) \(file.role) \(file.path)\n" }
        runSeed = Self.hex(SHA256.hash(data: Array(seed.utf8)))
    }

    /// The UUID of the resource for the file at `path`, if the run read one.
    func uuid(ofPath path: String) -> String? { uuidByPath[path] }

    /// A resource for a file, remembered by path.
    private mutating func register(path: String, role: String, bytes: Int, sha256: String) -> File {
        let uuid = OSCALUUID.named("resource\n\(role)\n\(sha256)\n\(path)")
        if uuidByPath[path] == nil { uuidByPath[path] = uuid }
        return File(uuid: uuid, path: path, role: role, byteCount: bytes, sha256: sha256)
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
