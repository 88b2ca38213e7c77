/// The load stage's output and the evaluate stage's input: the policy and catalogs read and
/// checked, a digest of every input, and the inventory files, whose identities the evaluate stage
/// reads as it judges them (a million identities are never all in memory at once).
public struct LoadedInputs: Sendable {
    /// The inventories, read by the evaluate stage.
    public var inventoryFiles: [InputFile]
    /// What the platform exports yielded, judged after the inventory files.
    public var imported: ImportedInventory
    /// The overlay and its file, applied to every identity before it is judged.
    public var overlay: (overlay: Overlay, file: String)?
    public var policy: Policy
    /// The catalogs and mappings to report on (bundled and user-supplied, after `--framework`).
    public var library: FrameworkLibrary
    /// The evaluation time; controls never read the clock.
    public var now: Timestamp
    /// Path, size and SHA-256 of every input file, for the provenance section.
    public var digests: [InputDigest]
    /// Warnings about the policy and the catalogs.
    public var warnings: [Diagnostic]
    /// Errors in the policy or the catalogs: reported together with the inventories' after the
    /// evaluate stage has read them, so one run names every problem.
    public var errors: [Diagnostic]
    /// The waivers file and its path, applied to the failures as they are recorded.
    public var waivers: (waivers: WaiverFile, file: String)?

    public init(
        inventoryFiles: [InputFile],
        imported: ImportedInventory = ImportedInventory(),
        overlay: (overlay: Overlay, file: String)? = nil,
        policy: Policy,
        library: FrameworkLibrary,
        now: Timestamp,
        digests: [InputDigest],
        warnings: [Diagnostic],
        errors: [Diagnostic] = []
    ) {
        self.inventoryFiles = inventoryFiles
        self.imported = imported
        self.overlay = overlay
        self.policy = policy
        self.library = library
        self.now = now
        self.digests = digests
        self.warnings = warnings
        self.errors = errors
    }
}
