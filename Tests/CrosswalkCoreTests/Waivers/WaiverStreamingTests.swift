import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Waivers apply the same whatever the batch size, and to the findings that controls reading the
/// whole inventory hand over in parts (``EvaluationSession``'s finding overflow).
struct WaiverStreamingTests {
    static func evaluate(batchSize: Int, partSize: Int, waivers: WaiverBook?) throws -> Evaluation {
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
        return try session.finish()
    }

    /// Every failure of one identity-wide and two inventory-wide controls waived.
    static let book = WaiverBook(
        WaiverFile(
            waivers: ["CW-CRED-02", "CW-ENV-01", "CW-AGENT-01"].enumerated().map { index, control in
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

    @Test(arguments: [(4096, 4096), (7, 1), (1, 2)])
    func everyFailureOfAWaivedControlIsAcceptedWhateverTheBatchAndPartSize(_ batchSize: Int, _ partSize: Int) throws {
        let plain = try Self.evaluate(batchSize: 4096, partSize: 4096, waivers: nil)
        let waived = try Self.evaluate(batchSize: batchSize, partSize: partSize, waivers: Self.book)
        var expectedMatches: [Int: Int] = [:]
        for (index, control) in ["CW-CRED-02", "CW-ENV-01", "CW-AGENT-01"].enumerated() {
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
            !["CW-CRED-02", "CW-ENV-01", "CW-AGENT-01"].contains($0.definition.id)
        }
        for outcome in untouched {
            let before = try #require(plain.outcomes.first { $0.definition.id == outcome.definition.id })
            #expect(outcome.counts == before.counts, "\(outcome.definition.id)")
        }
    }
}
