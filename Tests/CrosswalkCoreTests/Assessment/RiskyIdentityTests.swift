import CrosswalkTestSupport
import Testing

@testable import CrosswalkCore

/// The riskiest identities are the first ``RiskyIdentity/limit`` of every failing identity ranked
/// by risk score, highest first, then by id: selected without sorting them all, they must be
/// exactly those a full sort gives.
@Suite struct RiskyIdentityTests {
    @Test func theRankedIdentitiesAreTheFirstOfAFullSort() throws {
        let report = try PrioritiesTests.exampleReport()
        let evaluation = report.evaluation
        let identities = evaluation.identities.identities
        let weights = evaluation.outcomes.map(\.definition.severity.weight)
        var everyFailing: [(id: String, score: Int)] = []
        for (ordinal, mask) in evaluation.failingControls.enumerated() where mask != 0 {
            let score = weights.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { weights[$0] }.reduce(0, +)
            everyFailing.append((identities[ordinal].id, score))
        }
        everyFailing.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        // The example has more failing identities than are listed, and ties among them.
        #expect(everyFailing.count > RiskyIdentity.limit)
        #expect(Set(everyFailing.map(\.score)).count < everyFailing.count)
        let ranked = RiskyIdentity.rank(evaluation)
        #expect(ranked.map(\.id) == everyFailing.prefix(RiskyIdentity.limit).map(\.id))
        #expect(ranked.map(\.riskScore) == everyFailing.prefix(RiskyIdentity.limit).map(\.score))
    }
}
