/// The load stage's output and the evaluate stage's input: every input read, checked and
/// normalised, with the warnings found on the way and a digest of each file.
public struct LoadedInputs: Sendable {
    public var inventory: Inventory
    public var policy: Policy
    /// The catalogs and mappings to report on (bundled and user-supplied, after `--framework`).
    public var library: FrameworkLibrary
    /// The evaluation time; controls never read the clock.
    public var now: Timestamp
    /// Path, size and SHA-256 of every input file, for the provenance section.
    public var digests: [InputDigest]
    public var warnings: [Diagnostic]

    public init(
        inventory: Inventory,
        policy: Policy,
        library: FrameworkLibrary,
        now: Timestamp,
        digests: [InputDigest],
        warnings: [Diagnostic]
    ) {
        self.inventory = inventory
        self.policy = policy
        self.library = library
        self.now = now
        self.digests = digests
        self.warnings = warnings
    }
}
