import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Evidence lists that grow with the whole inventory are cut after ten names, so one result of a
/// role shared by thousands of agents stays one line.
@Suite struct CappedListTests {
    @Test func aRoleSharedByManyOwnersNamesTenAndCountsTheRest() throws {
        var yaml = "version: 1\nroles:\n  - {id: shared, permissions: [\"s3:Get*\"]}\nidentities:\n"
        for index in 0..<15 {
            yaml += "  - {id: agent-\(index), kind: agent, owner: team-\(index + 10), role_bindings: [shared]}\n"
        }
        let inventory = try Fixtures.inventory(yaml)
        let evaluation = ControlEvaluator().evaluate(
            EvaluationContext(inventory: inventory, policy: Policy(), now: ControlExample.now)
        )
        let outcome = try #require(evaluation.outcome(for: "CW-AUTHZ-05"))
        let finding = try #require(outcome.findings.first)
        let observed = try #require(finding.evidence.first?.observed)
        #expect(
            observed.hasPrefix(
                "15 owners (team-10, team-11, team-12, team-13, team-14, team-15, team-16, team-17, team-18, team-19 and 5 more) across agents agent-0, agent-1,"
            )
        )
        #expect(observed.hasSuffix("agent-8, agent-9 and 5 more"))
        #expect(!observed.contains("team-24"))
    }
}
