/// Extracts the ``RunSnapshot`` the run history records from a finished ``GapReport``: scores
/// and coverage per framework, counts per control, and every non-pass finding read back from the
/// run's result spool, with its control's severity and its identity's owner.
public enum RunSnapshotBuilder {
    /// The snapshot of `report`. `configHash` is a digest of the run's configuration (empty when
    /// the run had none). The report must outlive the snapshot's use: its findings are streamed.
    public static func snapshot(of report: GapReport, configHash: String = "") -> RunSnapshot {
        let evaluation = report.evaluation
        let outcomes = evaluation.outcomes
        let inventory = evaluation.identities
        return RunSnapshot(
            generatedAt: report.metadata.generatedAt,
            toolVersion: report.metadata.toolVersion,
            configHash: configHash,
            inputs: report.metadata.inputs.map {
                SnapshotInput(role: $0.role.rawValue, path: $0.path, sha256: $0.sha256)
            },
            frameworks: report.frameworks.map {
                SnapshotFramework(
                    catalogID: $0.catalog.id,
                    catalogVersion: $0.catalog.version,
                    score: $0.score?.fraction,
                    coverage: $0.coverage.fraction
                )
            },
            controls: outcomes.map { SnapshotControl(controlID: $0.definition.id, counts: $0.counts) },
            findings: { body in
                for outcome in outcomes {
                    let controlID = outcome.definition.id
                    let severity = outcome.definition.severity
                    try outcome.forEachFinding { finding in
                        try body(
                            SnapshotFinding(
                                key: FindingKey(controlID: controlID, subjectID: finding.subject.id),
                                severity: severity,
                                status: finding.status,
                                owner: OwnerName.of(finding.subject, in: inventory)
                            )
                        )
                    }
                }
            }
        )
    }
}
