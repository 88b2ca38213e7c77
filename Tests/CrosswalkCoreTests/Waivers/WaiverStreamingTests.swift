import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Waivers apply the same whatever the batch size, to the findings that controls reading the
/// whole inventory hand over in parts (``EvaluationSession``'s finding overflow), and to those of
/// the controls judged ahead on a thread of their own (``FewSubjectsControl``).
struct WaiverStreamingTests {
    static func evaluate(
        batchSize: Int,
        partSize: Int,
        waivers: WaiverBook?,
        runner: any WorkRunner = SerialRunner()
    ) throws -> Evaluation {
        let inventory = try InventoryLoader().load([try Fixtures.file("examples/acme/inventory.yaml")]).0
        let policy = try PolicyLoader().load(try Fixtures.file("examples/acme/policy.yaml")).0
        let session = EvaluationSession(
            policy: policy,
            now: try #require(Timestamp(iso8601: Fixtures.exampleNow)),
            organization: inventory.organization,
            roles: inventory.roles,
            findingPartSize: partSize,
            waivers: waivers
        )
        var start = 0
        while start < inventory.identities.count {
            let end = min(start + batchSize, inventory.identities.count)
            try session.add([Array(inventory.identities[start..<end])], runner: SerialRunner())
            start = end
        }
        return try session.finish(runner: runner)
    }

    static let waivedControls = ["CW-CRED-02", "CW-ENV-01", "CW-AGENT-01", "CW-LOG-01"]

    /// Every failure of one identity-wide and three inventory-wide controls waived: one judged in
    /// parts, one whose findings overflow in parts, and one judged ahead.
    static let book = WaiverBook(
        WaiverFile(
            waivers: waivedControls.enumerated().map { index, control in
                Waiver(
                    id: "W-\(index)",
                    control: control,
                    subject: .match("*"),
                    justification: "Accepted for the test.",
                    approver: "Jane Doe",
                    created: WaiverDay("2026-10-01"),
                    expires: WaiverDay("2026-12-31")
                )
            }
        ),
        knownControls: Set(ControlRegistry.all.map(\.definition.id)),
        now: Timestamp(iso8601: Fixtures.exampleNow) ?? Timestamp(secondsSinceEpoch: 0)
    )

    @Test(arguments: [(4096, 4096, 1), (7, 1, 1), (1, 2, 1), (4096, 4096, 2), (7, 1, 3)])
    func everyFailureOfAWaivedControlIsAcceptedWhateverTheBatchAndPartSize(
        _ batchSize: Int,
        _ partSize: Int,
        _ threads: Int
    ) throws {
        let plain = try Self.evaluate(batchSize: 4096, partSize: 4096, waivers: nil)
        let runner: any WorkRunner = threads > 1 ? ThreadedRunner(width: threads) : SerialRunner()
        let waived = try Self.evaluate(batchSize: batchSize, partSize: partSize, waivers: Self.book, runner: runner)
        var expectedMatches: [Int: Int] = [:]
        for (index, control) in Self.waivedControls.enumerated() {
            let before = try #require(plain.outcomes.first { $0.definition.id == control })
            let after = try #require(waived.outcomes.first { $0.definition.id == control })
            #expect(before.count(.fail) > 0, "\(control) fails in the example")
            #expect(after.count(.fail) == 0 && after.count(.accepted) == before.count(.fail), "\(control)")
            #expect(after.agentScopeCounts[.accepted] == before.agentScopeCounts[.fail], "\(control)")
            var accepted = 0
            try after.forEachFinding { finding in
                if finding.status == .accepted, finding.evidence.last?.field == "waiver" { accepted += 1 }
            }
            #expect(accepted == before.count(.fail), "\(control) findings carry the waiver")
            expectedMatches[index] = before.count(.fail)
        }
        #expect(waived.waiverMatches == expectedMatches)
        let untouched = waived.outcomes.filter {
            !Self.waivedControls.contains($0.definition.id)
        }
        for outcome in untouched {
            let before = try #require(plain.outcomes.first { $0.definition.id == outcome.definition.id })
            #expect(outcome.counts == before.counts, "\(outcome.definition.id)")
        }
    }
}
