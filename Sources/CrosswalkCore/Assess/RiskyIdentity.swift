import Algorithms

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
    static func rank(_ evaluation: Evaluation) -> [RiskyIdentity] {
        let weights = evaluation.outcomes.map(\.definition.severity.weight)
        var scored: [(ordinal: Int, score: Int)] = []
        for (ordinal, mask) in evaluation.failingControls.enumerated() where mask != 0 {
            var score = 0
            var remaining = mask
            while remaining != 0 {
                let position = remaining.trailingZeroBitCount
                if position < weights.count { score += weights[position] }
                remaining &= remaining - 1
            }
            scored.append((ordinal, score))
        }
        let identities = evaluation.identities.identities
        // Only the first `limit` are shown: selected without sorting every failing identity.
        let first = scored.min(count: limit) { lhs, rhs in
            lhs.score != rhs.score ? lhs.score > rhs.score : identities[lhs.ordinal].id < identities[rhs.ordinal].id
        }
        return first.map { ordinal, score in
            let identity = identities[ordinal]
            let mask = evaluation.failingControls[ordinal]
            return RiskyIdentity(
                id: identity.id,
                name: identity.name,
                kind: identity.kind.rawValue,
                platform: identity.platform,
                owner: OwnerName.of(identity),
                riskScore: score,
                failingControls: evaluation.outcomes.indices.filter { mask & (1 << UInt64($0)) != 0 }
                    .map { evaluation.outcomes[$0].definition.id }
            )
        }
    }
}
