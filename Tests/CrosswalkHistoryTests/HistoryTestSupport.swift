import CrosswalkCore
import CrosswalkTestSupport
import Foundation

/// Small builders for the history tests: fixed clocks, findings and snapshots.
enum HistoryFixture {
    /// 2026-11-01T00:00:00Z plus `days` days.
    static func day(_ days: Int64) -> Timestamp {
        Timestamp(secondsSinceEpoch: 1_793_491_200 + days * 86_400)
    }

    static func finding(
        _ control: String,
        _ subject: String,
        _ severity: Severity = .high,
        status: ResultStatus = .fail,
        owner: String? = "team-a"
    ) -> SnapshotFinding {
        SnapshotFinding(
            key: FindingKey(controlID: control, subjectID: subject),
            severity: severity,
            status: status,
            owner: owner
        )
    }

    static func snapshot(day days: Int64, score: Double?, _ findings: [SnapshotFinding]) -> RunSnapshot {
        RunSnapshot(
            generatedAt: day(days),
            toolVersion: "0.1.0",
            configHash: "config-\(days)",
            inputs: [SnapshotInput(role: "inventory", path: "inventory.yaml", sha256: "ab\(days)")],
            frameworks: [
                SnapshotFramework(
                    catalogID: "owasp-nhi-top10-2025",
                    catalogVersion: "2025",
                    score: score,
                    coverage: 0.8
                )
            ],
            controls: [SnapshotControl(controlID: "CW-A", counts: [.pass: 3, .fail: findings.count])],
            findings: findings
        )
    }

    /// A fresh database path in a new temporary folder.
    static func databasePath() throws -> String {
        try CommandRunner.temporaryDirectory().appendingPathComponent("history.sqlite").path
    }
}
