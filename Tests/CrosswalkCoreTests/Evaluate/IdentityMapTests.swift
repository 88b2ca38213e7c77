import Foundation
import Testing

@testable import CrosswalkCore

/// The cross-record preparations that walk every identity in parts side by side
/// (``Inventory/mapIdentities(on:_:)``) build exactly what one walk builds, in the same order,
/// whatever the thread count, on an inventory large enough to be parted.
@Suite struct IdentityMapTests {
    /// Identities past the parted-map minimum: chains of `spawned_by` (some to unknown parents,
    /// one cycle), and credentials shared with earlier, later and unknown identities.
    static func inventory() -> Inventory {
        let count = Inventory.partedMapMinimum * 2 + 7
        let identities = (0..<count).map { index -> Identity in
            var identity = Identity(id: "nhi-\(index)", name: "identity \(index)", kind: .agent)
            identity.environment = index.isMultiple(of: 3) ? "production" : "staging"
            if index % 5 == 1 { identity.spawnedBy = "nhi-\(index - 1)" }
            if index % 97 == 0 { identity.spawnedBy = "nhi-missing-\(index)" }
            if index == 20 { identity.spawnedBy = "nhi-21" }
            if index == 21 { identity.spawnedBy = "nhi-20" }
            if index % 11 == 0 {
                var credential = Credential(id: "key-\(index)", type: .apiKey)
                credential.sharedWith = ["nhi-\((index + 4_099) % count)", "nhi-\(index / 2)", "nhi-unknown-\(index)"]
                identity.credentials = [credential]
            }
            return identity
        }
        return Inventory(identities: identities, roles: [])
    }

    @Test(arguments: [2, 3, 8])
    func partedPreparationsEqualOneWalk(_ width: Int) throws {
        let context = EvaluationContext(
            inventory: Self.inventory(),
            policy: Policy(),
            now: try #require(Timestamp(iso8601: "2026-11-01T00:00:00Z"))
        )
        let runner = ThreadedRunner(width: width)
        let ids = context.inventory.mapIdentities(on: runner) { $0.id }
        #expect(ids == context.inventory.identities.map(\.id))

        let forest = DelegationForest(context.inventory, on: runner)
        let oneWalk = DelegationForest(context.inventory)
        #expect(forest.parent == oneWalk.parent && forest.depth == oneWalk.depth && forest.root == oneWalk.root)
        #expect(oneWalk.depth[21] == nil, "the cycle is found")

        func flattened(_ sharing: [[EnvironmentsAreSeparated.Sharing]]) -> [[String]] {
            sharing.map { $0.map { "\($0.peerID) \($0.peerPosition.map(String.init) ?? "-") \($0.credential)" } }
        }
        let control = EnvironmentsAreSeparated()
        let parted = flattened(control.prepare(context, on: runner))
        #expect(parted == flattened(control.prepare(context)))
        #expect(parted.filter { !$0.isEmpty }.count > 1_000, "sharing on both sides is found")
    }
}
