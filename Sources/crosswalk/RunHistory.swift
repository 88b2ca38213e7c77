import CrosswalkCore
import CrosswalkHistory

/// The run history as `crosswalk run` uses it: read before the reports are rendered, to say what
/// changed since the previous recorded run; written after the reports are committed, with the
/// config's retention applied to its rows.
///
/// A history that cannot be opened, read or written never stops the reports: the problem is
/// printed on standard error, the run is not recorded, and `run` exits 5 once its reports are
/// written (docs/history.md). The database changes only in one transaction per call, so a run
/// killed at any point leaves it as the last finished run left it.
final class RunHistory {
    let path: String
    private let configHash: String
    private var store: HistoryStore?
    private var snapshot: RunSnapshot?
    /// Whether something went wrong with the history (already printed).
    private(set) var failed = false

    /// Opens (creating or upgrading) the database at `path`. `configHash` identifies the run's
    /// config in what is recorded.
    init(path: String, configHash: String) {
        self.path = path
        self.configHash = configHash
        do {
            store = try HistoryStore(path: path)
        } catch {
            fail(error)
        }
    }

    /// Takes the run's snapshot and sets `report.changes` to what changed since the previous
    /// recorded run (nil on the first run).
    func compare(_ report: inout GapReport, runID: String) {
        guard let store else { return }
        let snapshot = RunSnapshotBuilder.snapshot(of: report, configHash: configHash)
        self.snapshot = snapshot
        do {
            report.changes = try store.changes(for: snapshot, runID: runID)
        } catch {
            fail(error)
        }
    }

    /// Records the run taken by ``compare(_:runID:)`` and removes the rows of runs `retention` no
    /// longer keeps. False when the run could not be recorded.
    func record(runID: String, retention: RunRetention, now: Timestamp) -> Bool {
        guard !failed else { return false }
        guard let store, let snapshot else { return true }
        do {
            _ = try store.record(snapshot, runID: runID)
            _ = try store.prune(keepingRuns: retention.runs, days: retention.days, now: now)
            return true
        } catch {
            fail(error)
            return false
        }
    }

    private func fail(_ error: any Error) {
        guard !failed else { return }
        failed = true
        let reason = (error as? HistoryError)?.description ?? "history database \(path): \(error)"
        Terminal.printError("crosswalk: \(reason)")
        Terminal.printError(
            "crosswalk: the reports are still written, without what changed since the previous run; this run is not recorded in the history"
        )
    }
}
