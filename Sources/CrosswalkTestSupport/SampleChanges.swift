import CrosswalkCore

/// A ``RunChanges`` for tests of the "since the previous run" part, without a run history.
public enum SampleChanges {
    /// Changes of `report` against a run of the day before: `newFailures` new failures (the first
    /// with the hostile subject and owner), one resolved finding, one regression, and a trend of
    /// three runs whose scores rise to the report's own.
    public static func make(
        for report: GapReport,
        newFailures: Int = 1,
        hostileOwner: String,
        hostileSubject: String
    ) throws -> RunChanges {
        let previous = RunReference(
            id: "20261031T000000Z",
            generatedAt: try timestamp("2026-10-31T00:00:00Z")
        )
        let earlier = RunReference(
            id: "20261030T000000Z",
            generatedAt: try timestamp("2026-10-30T00:00:00Z")
        )
        let current = RunReference(id: "20261101T000000Z", generatedAt: report.metadata.generatedAt)
        let catalogIDs = report.frameworks.map(\.catalog.id)
        func scores(_ shift: Double) -> [String: Double] {
            Dictionary(
                uniqueKeysWithValues: report.frameworks.compactMap { framework in
                    framework.score.map { (framework.catalog.id, max(0, $0.fraction - shift)) }
                }
            )
        }
        let new = (0..<newFailures).map { index in
            ChangedFinding(
                key: FindingKey(controlID: "CW-CRED-01", subjectID: index == 0 ? hostileSubject : "svc-\(index)"),
                severity: .high,
                status: .fail,
                owner: index == 0 ? hostileOwner : nil,
                firstSeen: report.metadata.generatedAt
            )
        }
        return RunChanges(
            previous: previous,
            newFailures: Array(new.prefix(RunChanges.listLimit)),
            newFailureCount: newFailures,
            resolvedFailures: [
                ChangedFinding(
                    key: FindingKey(controlID: "CW-LIFE-01", subjectID: "old-bot"),
                    severity: .medium,
                    status: .fail,
                    owner: "platform-team",
                    firstSeen: earlier.generatedAt
                )
            ],
            resolvedCount: 1,
            regressions: [
                ChangedFinding(
                    key: FindingKey(controlID: "CW-CRED-02", subjectID: "ci-deployer"),
                    severity: .critical,
                    status: .fail,
                    owner: nil,
                    firstSeen: current.generatedAt
                )
            ],
            regressionCount: 1,
            unchangedCount: 7,
            scoreChanges: catalogIDs.map { id in
                FrameworkScoreChange(catalogID: id, previous: scores(0.05)[id], current: scores(0)[id])
            },
            meanTimeToResolve: [ResolutionTime(severity: .medium, resolvedCount: 1, meanDays: 1.5)],
            trend: [
                TrendPoint(run: earlier, scores: scores(0.1)), TrendPoint(run: previous, scores: scores(0.05)),
                TrendPoint(run: current, scores: scores(0)),
            ]
        )
    }

    private static func timestamp(_ text: String) throws -> Timestamp {
        guard let time = Timestamp(iso8601: text) else { throw BadTimestamp(text: text) }
        return time
    }

    private struct BadTimestamp: Error {
        var text: String
    }
}
