/// One file a run read, as the manifest lists it: its role (`inventory`, `import`, `overlay`,
/// `policy`, `catalog`, `template`, or `bundled-…` for resources compiled into the binary), its
/// path as given (the repository path for bundled ones), its size and SHA-256.
public struct ManifestInput: Sendable, Equatable {
    public var role: String
    public var path: String
    public var byteCount: Int
    public var sha256: String

    public init(role: String, path: String, byteCount: Int, sha256: String) {
        self.role = role
        self.path = path
        self.byteCount = byteCount
        self.sha256 = sha256
    }

    /// An input the pipeline read and digested (inventories, imports, overlay, policy, catalogs).
    public init(_ digest: InputDigest) {
        self.init(role: digest.role.rawValue, path: digest.path, byteCount: digest.byteCount, sha256: digest.sha256)
    }

    /// An input file digested here (a template override, say).
    public init(role: String, file: InputFile) {
        let digest = file.withUnsafeBytes { bytes in
            var digester = ContentDigester()
            digester.update(UnsafeRawBufferPointer(bytes))
            return digester.finish()
        }
        self.init(role: role, path: file.path, byteCount: digest.byteCount, sha256: digest.sha256)
    }

    /// Every catalog, mapping, template and schema compiled into this binary, sorted by path, with
    /// roles `bundled-catalog`, `bundled-mapping`, `bundled-template`, `bundled-schema` (or
    /// `bundled` for anything else). They are hashed as the UTF-8 bytes of the embedded text,
    /// which equal the repository files they were built from.
    public static var bundled: [ManifestInput] {
        BundledResources.files.map { file in
            var digester = ContentDigester()
            var text = file.text
            text.withUTF8 { digester.update(UnsafeRawBufferPointer($0)) }
            let digest = digester.finish()
            return ManifestInput(
                role: bundledRole(of: file.path),
                path: file.path,
                byteCount: digest.byteCount,
                sha256: digest.sha256
            )
        }
    }

    private static func bundledRole(of path: String) -> String {
        let roles = [
            ("frameworks/catalogs/", "bundled-catalog"), ("frameworks/mappings/", "bundled-mapping"),
            ("templates/", "bundled-template"), ("schemas/", "bundled-schema"),
        ]
        return roles.first { path.hasPrefix($0.0) }?.1 ?? "bundled"
    }
}
