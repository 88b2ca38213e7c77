/// What the platform exports named by `--import` yield, merged: the load stage hands it to the
/// evaluate stage beside the native inventories. Small enough to hold in memory (exports are read
/// whole), and judged after the native identities.
public struct ImportedInventory: Sendable {
    /// Identities from every platform, each id once: platform order, then the order first seen.
    public var identities: [Identity]
    public var roles: [Role]
    /// Logging facts the exports show (GCP audit configs), used where the policy says nothing.
    public var logging: [String: PlatformLogging]
    /// One entry per file read, in command-line order.
    public var sources: [ImportedSource]
    /// Skipped records, unknown values kept, incomplete exports, fields a source cannot tell.
    public var warnings: [Diagnostic]
    /// Files that could not be read as their kind, or ids claimed by two platforms.
    public var errors: [Diagnostic]

    public init(
        identities: [Identity] = [],
        roles: [Role] = [],
        logging: [String: PlatformLogging] = [:],
        sources: [ImportedSource] = [],
        warnings: [Diagnostic] = [],
        errors: [Diagnostic] = []
    ) {
        self.identities = identities
        self.roles = roles
        self.logging = logging
        self.sources = sources
        self.warnings = warnings
        self.errors = errors
    }

    public var isEmpty: Bool { identities.isEmpty && roles.isEmpty && sources.isEmpty }
}

/// One export file read by an import.
public struct ImportedSource: Hashable, Sendable {
    public var file: String
    /// The kind it was read as.
    public var kind: String
    /// Whether `auto` chose the kind.
    public var detected: Bool
    /// Identities first read from this file (their listing, or a mention such as a binding
    /// subject when no file lists them).
    public var identities: Int

    public init(file: String, kind: String, detected: Bool, identities: Int) {
        self.file = file
        self.kind = kind
        self.detected = detected
        self.identities = identities
    }
}
