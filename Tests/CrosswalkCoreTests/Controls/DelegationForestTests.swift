import CrosswalkTestSupport
import Testing

@testable import CrosswalkCore

@Suite struct DelegationForestTests {
    @Test func measuresDepthOnceAndMarksCycles() throws {
        var yaml = "version: 1\nidentities:\n  - {id: a0, kind: agent}\n"
        for index in 1...2000 { yaml += "  - {id: a\(index), kind: agent, spawned_by: a\(index - 1)}\n" }
        yaml += "  - {id: x, kind: agent, spawned_by: y}\n  - {id: y, kind: agent, spawned_by: x}\n"
        yaml += "  - {id: z, kind: agent, spawned_by: x}\n"
        let inventory = try Fixtures.inventory(yaml)
        let forest = DelegationForest(inventory)
        #expect(forest.depth[0] == 0)
        #expect(forest.depth[2000] == 2000)
        #expect(forest.depth[2001] == nil && forest.depth[2002] == nil && forest.depth[2003] == nil)
        #expect(forest.pathDescription(to: 2000, in: inventory) == "a0 → … 1996 more … → a1997 → a1998 → a1999 → a2000")
        #expect(forest.pathDescription(to: 4, in: inventory) == "a0 → a1 → a2 → a3 → a4")
        #expect(forest.pathDescription(to: 2, in: inventory) == "a0 → a1 → a2")
    }
}
