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

    @Test func judgesEveryHopOfATwentyThousandHopChainListedLeafFirst() throws {
        let hops = 20_000
        var lines = [#"{"version": 1}"#]
        for index in stride(from: hops, through: 1, by: -1) {
            lines.append(#"{"id": "a\#(index)", "kind": "agent", "spawned_by": "a\#(index - 1)"}"#)
        }
        lines.append(#"{"id": "a0", "kind": "agent"}"#)
        let (inventory, _) = try InventoryLoader().load(
            [InputFile(path: "chain.jsonl", text: lines.joined(separator: "\n"))]
        )
        let forest = DelegationForest(inventory)
        #expect(forest.depth[0] == hops)
        #expect(forest.root[0] == hops)
        let evaluation = ControlEvaluator().evaluate(
            EvaluationContext(inventory: inventory, policy: Policy(), now: Timestamp(secondsSinceEpoch: 0))
        )
        let depth = try #require(evaluation.outcome(for: "CW-AGENT-03"))
        #expect(depth.count(.fail) == hops - 3)
        #expect(depth.count(.pass) == 3)
        var observed: String?
        try depth.forEachFinding { finding in
            if finding.subject.id == "a\(hops)" { observed = finding.evidence.first?.observed }
        }
        #expect(observed == "depth 20000: a0 → … 19996 more … → a19997 → a19998 → a19999 → a20000")
    }
}
