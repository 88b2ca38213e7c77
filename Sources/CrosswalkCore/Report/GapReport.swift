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
    /// Failing controls ranked by severity weight × affected identities, worst first.
    public var topGaps: [Gap]
    /// Identities failing the most severe controls, worst first (at most ``RiskyIdentity/limit``).
    public var riskiestIdentities: [RiskyIdentity]
    /// Load warnings, shown in the provenance section.
    public var warnings: [Diagnostic]
    /// Whether passing subjects are listed (otherwise only counted).
    public var includesPassing: Bool
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
        case policy
        case catalog
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

    public init(_ inventory: Inventory) {
        identityCount = inventory.identities.count
        agentCount = inventory.identities.filter(\.isAgent).count
        credentialCount = inventory.identities.reduce(0) { $0 + $1.credentials.count }
        roleCount = inventory.roles.count
        platforms = inventory.platforms
        var kinds: [String: Int] = [:]
        for identity in inventory.identities { kinds[identity.kind.rawValue, default: 0] += 1 }
        self.kinds = kinds.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

/// The headline numbers of the executive summary, each with its denominator.
public struct KeyFigures: Sendable {
    public var identitiesWithOwner: Ratio
    public var agentsOnWorkloadIdentity: Ratio
    public var staticSecretsWithinRotation: Ratio
    public var activeExposedCredentials: Int

    public init(inventory: Inventory, policy: Policy, now: Timestamp) {
        let identities = inventory.identities
        identitiesWithOwner = Ratio(
            identities.filter { !($0.owner ?? "").allSatisfy(\.isWhitespace) }.count,
            of: identities.count
        )
        let agents = identities.filter(\.isAgent)
        agentsOnWorkloadIdentity = Ratio(
            agents.filter { $0.authentication?.isPlatformManaged ?? false }.count,
            of: agents.count
        )
        var withinRotation = 0
        var datedSecrets = 0
        var exposed = 0
        for identity in identities {
            for credential in identity.credentials where credential.isActive {
                if !credential.exposures.isEmpty { exposed += 1 }
                guard credential.type.isStaticSecret, let issued = credential.issued else { continue }
                datedSecrets += 1
                if issued.days(until: now) <= policy.thresholds.rotationIntervalDays { withinRotation += 1 }
            }
        }
        staticSecretsWithinRotation = Ratio(withinRotation, of: datedSecrets)
        activeExposedCredentials = exposed
    }
}

/// A failing control ranked for the executive summary, with the entries it leaves unmet.
public struct Gap: Sendable {
    public var control: ControlDefinition
    public var failingSubjects: Int
    public var affectedIdentities: Int
    /// severity weight × affected identities (failing subjects when no identity is named).
    public var rank: Int
    /// Catalog entries the control maps to, as `catalog id: entry id`.
    public var entries: [(catalogID: String, entryID: String)]
}
