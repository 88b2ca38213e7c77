import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Every gate of a ``GatePolicy``, judged with and without a previous run to compare with.
struct GateCheckTests {
    static func report(waivers: String = "") throws -> GapReport {
        try WaiverApplyingTests.report(waivers)
    }

    static func changes(newFailures: [ChangedFinding], scores: [FrameworkScoreChange]) -> RunChanges {
        RunChanges(
            previous: RunReference(id: "20261025T000000Z", generatedAt: Timestamp(secondsSinceEpoch: 0)),
            newFailures: newFailures,
            newFailureCount: newFailures.count,
            resolvedFailures: [],
            resolvedCount: 0,
            regressions: [],
            regressionCount: 0,
            unchangedCount: 0,
            scoreChanges: scores,
            meanTimeToResolve: [],
            trend: []
        )
    }

    static func finding(
        _ control: String,
        _ subject: String,
        _ severity: Severity,
        _ status: ResultStatus = .fail
    )
        -> ChangedFinding
    {
        ChangedFinding(
            key: FindingKey(controlID: control, subjectID: subject),
            severity: severity,
            status: status,
            owner: nil,
            firstSeen: Timestamp(secondsSinceEpoch: 0)
        )
    }

    @Test func failuresAtOrAboveNamesTheFailingControlsAsFailOnAlwaysHas() throws {
        let report = try Self.report()
        let results = GateCheck.check(report, against: GatePolicy(failuresAtOrAbove: .critical))
        #expect(results.count == 1)
        #expect(results[0].breached)
        #expect(results[0].detail == "1 control of severity critical or worse fails: CW-CRED-05")
        let low = GateCheck.check(report, against: GatePolicy(failuresAtOrAbove: .low))[0]
        #expect(low.detail.contains("CW-CRED-05") && low.detail.contains("CW-LIFE-01"))
    }

    @Test func waivedFailuresNeverBreachAFailureGate() throws {
        let report = try Self.report(waivers: WaiverApplyingTests.waiver("W-1", "CW-CRED-05", "{id: etl}"))
        let result = GateCheck.check(report, against: GatePolicy(failuresAtOrAbove: .critical))[0]
        #expect(!result.breached)
        #expect(result.detail == "no control of severity critical or worse fails")
    }

    @Test func gatesAboutThePreviousRunAreNotJudgedWithoutOne() throws {
        let report = try Self.report()
        #expect(report.changes == nil)
        let results = GateCheck.check(
            report,
            against: GatePolicy(newFailuresAtOrAbove: .low, maximumScoreDrop: 0)
        )
        #expect(results.map(\.state) == [.notJudged, .notJudged])
        #expect(results.allSatisfy { $0.detail == "not judged: no previous run" && !$0.breached })
    }

    @Test func newFailuresAtOrAboveCountsOnlyNewFailuresOfThatSeverity() throws {
        var report = try Self.report()
        report.changes = Self.changes(
            newFailures: [
                Self.finding("CW-CRED-05", "etl/key-a", .critical),
                Self.finding("CW-LIFE-01", "orphan-1", .medium),
                Self.finding("CW-LOG-01", "aws", .critical, .notAssessed),
            ],
            scores: []
        )
        let high = GateCheck.check(report, against: GatePolicy(newFailuresAtOrAbove: .high))[0]
        #expect(high.breached)
        #expect(
            high.detail == "1 new failure of severity high or worse since the previous run: CW-CRED-05 etl/key-a"
        )
        report.changes = Self.changes(newFailures: [Self.finding("CW-LIFE-01", "orphan-1", .medium)], scores: [])
        #expect(!GateCheck.check(report, against: GatePolicy(newFailuresAtOrAbove: .high))[0].breached)
    }

    @Test func maximumScoreDropComparesWithThePreviousScore() throws {
        var report = try Self.report()
        report.changes = Self.changes(
            newFailures: [],
            scores: [
                FrameworkScoreChange(catalogID: "a", previous: 0.80, current: 0.74),
                FrameworkScoreChange(catalogID: "b", previous: 0.80, current: 0.79),
                FrameworkScoreChange(catalogID: "c", previous: nil, current: 0.10),
            ]
        )
        let tight = GateCheck.check(report, against: GatePolicy(maximumScoreDrop: 5))[0]
        #expect(tight.breached && tight.detail == "a dropped 6 points (more than 5)")
        #expect(!GateCheck.check(report, against: GatePolicy(maximumScoreDrop: 6.5))[0].breached)
    }

    @Test func minimumScoresAreJudgedPerCatalog() throws {
        let report = try Self.report()
        let framework = try #require(report.frameworks.first { $0.score != nil })
        let percent = try #require(framework.score?.fraction) * 100
        let id = framework.catalog.id
        let results = GateCheck.check(
            report,
            against: GatePolicy(minimumScores: [id: percent + 1, "no-such-catalog": 10])
        )
        #expect(results.first { $0.gate == .minimumScore(id) }?.state == .breached)
        #expect(
            results.first { $0.gate == .minimumScore("no-such-catalog") }?.detail
                == "not judged: no-such-catalog is not reported"
        )
        let met = GateCheck.check(report, against: GatePolicy(minimumScores: [id: percent]))[0]
        #expect(met.state == .passed)
    }

    @Test func requireCompleteEvidenceCountsNotAssessedAndErrorResults() throws {
        let report = try Self.report()
        let notAssessed = report.evaluation.outcomes.reduce(0) { $0 + $1.count(.notAssessed) }
        let errors = report.evaluation.outcomes.reduce(0) { $0 + $1.count(.error) }
        #expect(notAssessed + errors > 0)
        let result = GateCheck.check(report, against: GatePolicy(requireCompleteEvidence: true))[0]
        #expect(result.gate == .requireCompleteEvidence && result.breached)
        #expect(result.detail == "evidence is incomplete: \(notAssessed) not-assessed and \(errors) error results")
    }

    @Test func anEmptyPolicyJudgesNothing() throws {
        #expect(GateCheck.check(try Self.report(), against: GatePolicy()).isEmpty)
    }
}
