import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// No threshold, TTL or date that a policy built in code or an inventory can hold makes a control trap.
@Suite struct HostileValueTests {
    private func thresholds(_ value: Int64) -> Thresholds {
        var thresholds = Thresholds()
        for setting in Thresholds.keys { thresholds[keyPath: setting.path] = value }
        return thresholds
    }

    private func evaluate(_ inventory: Inventory, _ thresholds: Thresholds) -> Evaluation {
        ControlEvaluator().evaluate(
            EvaluationContext(
                inventory: inventory,
                policy: Policy(thresholds: thresholds),
                now: Timestamp(secondsSinceEpoch: 1_790_000_000)
            )
        )
    }

    private let inventory = """
        version: 1
        identities:
          - id: ci-runner
            kind: ci-job
            created: 0001-01-01
            last_used: 9999-12-31T23:59:59+23:59
            credentials:
              - {id: session, type: session-token, ttl_seconds: 9223372036854775807}
              - {id: ephemeral, type: federated-token, ttl_seconds: 0}
              - {id: cert, type: certificate, created: 0000-01-01, expires: 9999-12-31}
              - {id: key, type: api-key, created: 9999-12-31, expires: 0000-03-01}
        """

    @Test(arguments: [Int64.max, Int64.min, Int64.max / 60 + 1, Int64.max / 86_400 + 1, -1, 0])
    func evaluatesEveryControlWithExtremeThresholds(_ value: Int64) throws {
        let evaluation = evaluate(try Fixtures.inventory(inventory), thresholds(value))
        #expect(evaluation.outcomes.count == ControlRegistry.all.count)
        let tokens = try #require(evaluation.outcome(for: "CW-CRED-01"))
        #expect(tokens.count(.pass) + tokens.count(.fail) == 2)
    }

    @Test(arguments: [
        (Int64.max, 0), (Int64.max / 60 + 1, 0), (Int64.max / 86_400 + 1, 1), (0, 1), (-1, 2), (Int64.min, 2),
    ])
    func comparesTTLsWithLimitsBeyondInt64WithoutMultiplyingThem(_ value: Int64, _ failing: Int) throws {
        let evaluation = evaluate(try Fixtures.inventory(inventory), thresholds(value))
        #expect(evaluation.outcome(for: "CW-CRED-01")?.count(.fail) == failing)
    }

    @Test func judgesAHugeTTLAgainstTheLargestAcceptedLimits() throws {
        var bounds = Thresholds()
        for setting in Thresholds.keys { bounds[keyPath: setting.path] = setting.maximum }
        let evaluation = evaluate(try Fixtures.inventory(inventory), bounds)
        #expect(evaluation.outcome(for: "CW-CRED-01")?.count(.fail) == 1, "Int64.max seconds is longer than 100 years")
        #expect(evaluation.outcome(for: "CW-CRED-04")?.count(.fail) == 2, "so is a 10,000-year certificate")
    }
}
