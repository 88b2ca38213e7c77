/// What a `crosswalk report` run wrote and from what: the tool version, the clock it used, every
/// input (the user's files and the catalogs, mappings and templates compiled into the binary) and
/// every report written, each with its size and SHA-256. Written as `manifest.json` next to the
/// reports (docs/report-manifest.md), so anyone can check later that a report set is the one the
/// tool produced, with `crosswalk verify`.
public struct ReportManifest: Sendable, Equatable {
    /// The manifest's file name in the output folder.
    public static let fileName = "manifest.json"
    /// The detached Ed25519 signature of the manifest's bytes, written with `--sign`.
    public static let signatureFileName = "manifest.json.sig"
    /// The value of the manifest's `format` member; a reader refuses any other.
    public static let format = "crosswalk-manifest-1"

    public var toolVersion: String
    public var clock: ManifestClock
    /// In the order the run read them: the user's inputs, then the bundled resources by path.
    public var inputs: [ManifestInput]
    /// Every file of the set but the manifest and its signature, sorted by name.
    public var files: [ManifestFile]
    /// The public key fingerprint of the key that signs this manifest, or nil when unsigned.
    public var signature: ManifestSignatureInfo?

    public init(
        toolVersion: String,
        clock: ManifestClock,
        inputs: [ManifestInput],
        files: [ManifestFile],
        signature: ManifestSignatureInfo? = nil
    ) {
        self.toolVersion = toolVersion
        self.clock = clock
        self.inputs = inputs
        self.files = files.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        self.signature = signature
    }

    /// The file names a manifest describes itself with; never listed among ``files``.
    public static let ownFileNames: Set<String> = [fileName, signatureFileName]
}
