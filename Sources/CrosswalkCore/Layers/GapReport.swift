/// Everything a renderer needs about one run, computed once: the boundary type between the map
/// and render stages. Renderers format it; they compute nothing of substance.
public struct GapReport: Sendable {
    public var metadata: RunMetadata
    public var inventorySummary: InventorySummary
    public var keyFigures: KeyFigures
    public var evaluation: Evaluation
    public var library: FrameworkLibrary
    public var frameworks: [FrameworkAssessment]
    /// The posture across all frameworks: mean score, summed entry counts, total coverage.
    public var overall: OverallPosture
    /// Every failing control, worst first (``GapRanking``); the executive summary shows the first
    /// ``GapRanking/executiveCount``.
    public var topGaps: [Gap]
    /// Every failing result of a critical control, with its owner: exposed credentials first,
    /// then by control id and subject id (``AttributedFinding/criticalFindings(_:inventory:)``).
    public var criticalFindings: [AttributedFinding]
    /// Identities failing the most severe controls, worst first (at most ``RiskyIdentity/limit``).
    public var riskiestIdentities: [RiskyIdentity]
    /// Load warnings, shown in the provenance section.
    public var warnings: [Diagnostic]
    /// Whether passing subjects are listed (otherwise only counted).
    public var includesPassing: Bool
    /// The identities results refer to, for the machine-readable reports' identity table.
    public var identities = IdentityDirectory()
    /// The platform exports read by `--import`, with the kind each was read as.
    public var importedSources: [ImportedSource] = []
    /// What changed since the previous recorded run, when the run has a history to compare with.
    public var changes: RunChanges?
    /// Failing results grouped by the owner of their identity (``OwnerGrouping``), possibly still
    /// being worked out beside the renderers that do not show it.
    public var ownerGrouping = PendingValue(ready: OwnerGrouping.Result())
    /// Failing results grouped by the owner of their identity, owners in report order; empty when
    /// nothing fails.
    public var findingsByOwner: [OwnerFindings] { ownerGrouping.value.groups }
    /// Owners (and their findings) beyond ``OwnerFindings/groupLimit``, counted, not listed.
    public var ownersNotListed: Int { ownerGrouping.value.omittedOwners }
    public var ownerFindingsNotListed: Int { ownerGrouping.value.omittedFindings }
    /// What became of each waiver, when a waivers file was given.
    public var waiverAudit: WaiverAudit?
}

/// Who ran what, when, on which inputs.
public struct RunMetadata: Sendable {
    public var toolVersion: String
    public var generatedAt: Timestamp
    public var organization: String?
    public var inputs: [InputDigest]
}

/// An input file's role, name, size and SHA-256, for provenance.
public struct InputDigest: Sendable {
    public enum Role: String, Sendable {
        case inventory
        /// A platform export read by `--import`.
        case importedExport = "import"
        case overlay
        case policy
        case catalog
        /// The waivers file (`--waivers`).
        case waivers
    }

    public var role: Role
    public var path: String
    public var byteCount: Int
    public var sha256: String
}

/// Counts that describe the inventory itself.
public struct InventorySummary: Sendable {
    public var identityCount: Int
    public var agentCount: Int
    public var credentialCount: Int
    public var roleCount: Int
    public var platforms: [String]
    /// Identity counts by kind, sorted by kind.
    public var kinds: [(kind: String, count: Int)]

    public init(
        identityCount: Int,
        agentCount: Int,
        credentialCount: Int,
        roleCount: Int,
        platforms: [String],
        kinds: [(kind: String, count: Int)]
    ) {
        self.identityCount = identityCount
        self.agentCount = agentCount
        self.credentialCount = credentialCount
        self.roleCount = roleCount
        self.platforms = platforms
        self.kinds = kinds
    }
}
