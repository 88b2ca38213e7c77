import CrosswalkCore
import CrosswalkHistory
import Foundation

/// Simulates nightly runs into a history database and prints, per night, how long the preview
/// (`changes(for:)`) and `record` took and how large the database is. See benchmarks/history.sh.
///
/// Usage: history-benchmark DATABASE IDENTITIES FINDINGS_PER_IDENTITY NIGHTS
///
/// Each identity has one finding per control (CW-BENCH-0 … n). Churn per night is about 2%:
/// a finding whose index plus the night is a multiple of 100 is absent that night (1%: it is
/// resolved, and comes back the next night as a regression), and the identities whose index
/// ends with the night's number (mod 100) get a new id every night (1%: their findings are
/// resolved, and new ones appear).
let arguments = CommandLine.arguments
guard arguments.count == 5, let identities = Int(arguments[2]), let perIdentity = Int(arguments[3]),
    let nights = Int(arguments[4])
else {
    FileHandle.standardError.write(
        Data("usage: history-benchmark DATABASE IDENTITIES FINDINGS_PER_IDENTITY NIGHTS\n".utf8)
    )
    exit(64)
}
let path = arguments[1]
try? FileManager.default.removeItem(atPath: path)
let store = try HistoryStore(path: path)
let controls = (0..<perIdentity).map { "CW-BENCH-\($0)" }
let severities: [Severity] = [.critical, .high, .medium, .low]
let start = Timestamp(secondsSinceEpoch: 1_793_491_200)

func snapshot(night: Int) -> RunSnapshot {
    RunSnapshot(
        generatedAt: start.adding(seconds: Int64(night) * 86_400),
        toolVersion: CrosswalkPipeline.toolVersion,
        configHash: "benchmark",
        inputs: [SnapshotInput(role: "inventory", path: "inventory.jsonl", sha256: String(repeating: "0", count: 64))],
        frameworks: [
            SnapshotFramework(catalogID: "owasp-nhi-top10-2025", catalogVersion: "2025", score: 0.5, coverage: 0.9)
        ],
        controls: controls.map { SnapshotControl(controlID: $0, counts: [.fail: identities]) },
        findings: { body in
            for identity in 0..<identities {
                let renamed = identity % 100 == night % 100
                let subject = renamed ? "svc-\(identity)-n\(night)" : "svc-\(identity)"
                let owner = "team-\(identity % 500)"
                for (index, control) in controls.enumerated() {
                    let key = identity * perIdentity + index
                    if (key + night) % 100 == 0 { continue }
                    try body(
                        SnapshotFinding(
                            key: FindingKey(controlID: control, subjectID: subject),
                            severity: severities[index % severities.count],
                            status: .fail,
                            owner: owner
                        )
                    )
                }
            }
        }
    )
}

func seconds(_ duration: Duration) -> String {
    String(format: "%.2f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
}

/// Writes one line on standard output at once (no buffering, so progress shows as it happens).
func emit(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

emit("night,findings,new,resolved,regressions,preview_seconds,record_seconds,database_bytes")
let clock = ContinuousClock()
for night in 0..<nights {
    let run = snapshot(night: night)
    var changes: RunChanges?
    let preview = try clock.measure { changes = try store.changes(for: run) }
    var recorded: RecordedRun?
    let record = try clock.measure {
        recorded = try store.record(run, runID: HistoryStore.runID(for: run.generatedAt))
    }
    _ = changes
    guard let recorded else { break }
    emit(
        [
            "\(night)", "\(recorded.findingCount)", "\(recorded.newCount)", "\(recorded.resolvedCount)",
            "\(recorded.regressionCount)", seconds(preview), seconds(record), "\(fileSize(path))",
        ].joined(separator: ",")
    )
}
