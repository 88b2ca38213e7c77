/// An identity ranked for the executive summary by how badly it fails: the sum of the severity
/// weights of the controls it fails, directly or through one of its credentials.
public struct RiskyIdentity: Sendable {
    public var id: String
    public var name: String
    public var kind: String
    public var platform: String?
    public var owner: String?
    /// Σ severity weight of the distinct controls the identity fails.
    public var riskScore: Int
    /// Ids of the failing controls, in registry order.
    public var failingControls: [String]

    /// How many identities reports rank.
    public static let limit = 10

    /// Ranks identities by risk score (then id), from the findings of every control.
    static func rank(_ evaluation: Evaluation, inventory: Inventory) -> [RiskyIdentity] {
        var controlsByIdentity: [String: [String]] = [:]
        var scores: [String: Int] = [:]
        for outcome in evaluation.outcomes {
            var seen = Set<String>()
            for finding in outcome.findings where finding.status == .fail {
                guard let identityID = finding.subject.identityID, seen.insert(identityID).inserted else { continue }
                controlsByIdentity[identityID, default: []].append(outcome.definition.id)
                scores[identityID, default: 0] += outcome.definition.severity.weight
            }
        }
        let ranked = scores.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limit)
        return ranked.compactMap { id, score in
            guard let identity = inventory.identity(withID: id) else { return nil }
            return RiskyIdentity(
                id: id,
                name: identity.name,
                kind: identity.kind.rawValue,
                platform: identity.platform,
                owner: identity.owner,
                riskScore: score,
                failingControls: controlsByIdentity[id] ?? []
            )
        }
    }
}
