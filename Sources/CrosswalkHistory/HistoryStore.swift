import CrosswalkCore
import GRDB

/// The run history: one SQLite database (through GRDB) that records each run's scores, control
/// counts and non-pass findings as episodes, and answers what changed since the previous run.
///
/// ```swift
/// let store = try HistoryStore(path: "history.sqlite")        // creates or upgrades it
/// report.changes = try store.changes(for: snapshot)            // nil for the first run
/// // … write the reports …
/// try store.record(snapshot, runID: "20261101T000000Z")        // after they are committed
/// try store.prune(keepingRuns: 90, days: 365, now: now)
/// ```
///
/// Every method throws ``HistoryError`` only; none of them writes or reads a report.
public final class HistoryStore: Sendable {
    /// The database file, as the caller named it.
    public let path: String
    private let database: DatabaseQueue

    /// Opens the history at `path`, creating it when missing and upgrading an older schema.
    /// `busyTimeout` is how long to wait for another process's lock before giving up.
    public init(path: String, busyTimeout: Double = 5) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "crosswalk-history"
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = HistorySchema.migrator
            if try database.read({ try migrator.hasBeenSuperseded($0) }) {
                throw HistoryError.newerSchema(path: path)
            }
            try migrator.migrate(database)
        } catch {
            throw Self.historyError(error, path: path)
        }
    }

    /// The run id for a run generated at `time`: its UTC timestamp folder name, `20261101T000000Z`.
    public static func runID(for time: Timestamp) -> String {
        String(time.iso8601.filter { $0 != "-" && $0 != ":" })
    }

    /// The most recently recorded run, or nil when the history is empty.
    public func previousRun() throws -> RunReference? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id, generated_at FROM run ORDER BY seq DESC LIMIT 1").map {
                RunReference(id: $0[0], generatedAt: Timestamp(secondsSinceEpoch: $0[1]))
            }
        }
    }

    /// What changed between the most recent recorded run and `snapshot` (not yet recorded), with
    /// the trend and resolution times including this run; nil when no run is recorded yet.
    /// `runID` names this run in the trend (by default, from its time).
    public func changes(for snapshot: RunSnapshot, runID: String? = nil) throws -> RunChanges? {
        try read { db in
            guard
                let previous = try Row.fetchOne(
                    db,
                    sql: "SELECT seq, id, generated_at FROM run ORDER BY seq DESC LIMIT 1"
                )
            else { return nil }
            let previousSeq: Int64 = previous[0]
            let comparison = try EpisodeComparison(snapshot, in: db, mode: .preview)
            let previousScores = try Self.scores(ofRun: previousSeq, in: db)
            let current = RunReference(
                id: runID ?? Self.runID(for: snapshot.generatedAt),
                generatedAt: snapshot.generatedAt
            )
            var changes = RunChanges(
                previous: RunReference(id: previous[1], generatedAt: Timestamp(secondsSinceEpoch: previous[2])),
                newFailures: comparison.newFailures.sorted,
                newFailureCount: comparison.newCount,
                resolvedFailures: comparison.resolvedFailures.sorted,
                resolvedCount: comparison.resolvedCount,
                regressions: comparison.regressions.sorted,
                regressionCount: comparison.regressionCount,
                unchangedCount: comparison.unchangedCount,
                scoreChanges: snapshot.frameworks.map { framework in
                    FrameworkScoreChange(
                        catalogID: framework.catalogID,
                        previous: previousScores.first { $0.catalogID == framework.catalogID }?.score ?? nil,
                        current: framework.score
                    )
                },
                meanTimeToResolve: try Self.resolutionTimes(in: db, adding: comparison.resolutions),
                trend: try Self.trend(in: db, endingWith: TrendPoint(run: current, scores: Self.scoreMap(snapshot)))
            )
            changes.newlyFailing = comparison.newlyFailing
            return changes
        }
    }

    /// Records `snapshot` as run `runID`: call it once the run's reports are committed. Throws
    /// ``HistoryError/runAlreadyRecorded(path:runID:)`` for an id already in the history.
    @discardableResult
    public func record(_ snapshot: RunSnapshot, runID: String) throws -> RecordedRun {
        try write { db in
            if try Int64.fetchOne(db, sql: "SELECT seq FROM run WHERE id = ?", arguments: [runID]) != nil {
                throw HistoryError.runAlreadyRecorded(path: path, runID: runID)
            }
            let previousTime =
                try Int64.fetchOne(db, sql: "SELECT generated_at FROM run ORDER BY seq DESC LIMIT 1")
                ?? snapshot.generatedAt.secondsSinceEpoch
            try db.execute(
                sql: """
                    INSERT INTO run (id, generated_at, tool_version, config_hash, finding_count, new_count,
                        resolved_count, regression_count)
                    VALUES (?, ?, ?, ?, 0, 0, 0, 0)
                    """,
                arguments: [runID, snapshot.generatedAt.secondsSinceEpoch, snapshot.toolVersion, snapshot.configHash]
            )
            let seq = db.lastInsertedRowID
            let comparison = try EpisodeComparison(
                snapshot,
                in: db,
                mode: .record(seq: seq, previousTime: previousTime)
            )
            try db.execute(
                sql: """
                    UPDATE run SET finding_count = ?, new_count = ?, resolved_count = ?, regression_count = ?
                    WHERE seq = ?
                    """,
                arguments: [
                    comparison.findingCount, comparison.newCount, comparison.resolvedCount,
                    comparison.regressionCount, seq,
                ]
            )
            for (severity, total) in comparison.resolutions {
                try db.execute(
                    sql: """
                        INSERT INTO resolution_total (severity, resolved_count, total_seconds) VALUES (?, ?, ?)
                        ON CONFLICT (severity) DO UPDATE SET
                            resolved_count = resolved_count + excluded.resolved_count,
                            total_seconds = total_seconds + excluded.total_seconds
                        """,
                    arguments: [EpisodeCodes.code(severity), total.count, total.seconds]
                )
            }
            try Self.insertDetails(of: snapshot, seq: seq, in: db)
            return RecordedRun(
                run: RunReference(id: runID, generatedAt: snapshot.generatedAt),
                findingCount: comparison.findingCount,
                newCount: comparison.newCount,
                resolvedCount: comparison.resolvedCount,
                regressionCount: comparison.regressionCount,
                unchangedCount: comparison.unchangedCount
            )
        }
    }

    /// Every recorded run, oldest first.
    public func runs() throws -> [RunSummary] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, id, generated_at, tool_version, config_hash, finding_count, new_count,
                        resolved_count, regression_count
                    FROM run ORDER BY seq
                    """
            )
            return try rows.map { row in
                RunSummary(
                    run: RunReference(id: row[1], generatedAt: Timestamp(secondsSinceEpoch: row[2])),
                    toolVersion: row[3],
                    configHash: row[4],
                    scores: try Self.scores(ofRun: row[0], in: db),
                    findingCount: row[5],
                    newCount: row[6],
                    resolvedCount: row[7],
                    regressionCount: row[8]
                )
            }
        }
    }

    /// Removes the runs beyond the newest `keepingRuns` and those older than `days` days before
    /// `now` (either limit may be nil), with the episodes that were resolved before the oldest
    /// run kept. The newest run is never removed; open episodes keep their first-seen times.
    /// Returns how many runs were removed.
    @discardableResult
    public func prune(keepingRuns: Int?, days: Int?, now: Timestamp) throws -> Int {
        try write { db in
            guard let newest = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM run") else { return 0 }
            var cutoff: Int64 = 0
            if let keepingRuns {
                let kept = max(keepingRuns, 1)
                cutoff =
                    try Int64.fetchOne(
                        db,
                        sql: "SELECT seq FROM run ORDER BY seq DESC LIMIT 1 OFFSET ?",
                        arguments: [kept - 1]
                    ) ?? 0
            }
            if let days {
                let oldest = now.adding(seconds: -Int64(days) * 86_400).secondsSinceEpoch
                let byAge =
                    try Int64.fetchOne(db, sql: "SELECT MIN(seq) FROM run WHERE generated_at >= ?", arguments: [oldest])
                    ?? newest
                cutoff = max(cutoff, byAge)
            }
            cutoff = min(cutoff, newest)
            let removed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run WHERE seq < ?", arguments: [cutoff]) ?? 0
            guard removed > 0 else { return 0 }
            // Forget the resolutions of the removed runs in the running totals, then the episodes.
            let totals = try Row.fetchAll(
                db,
                sql: """
                    SELECT severity, COUNT(*), SUM(resolved_at - first_seen) FROM closed_episode
                    WHERE resolved_seq < ? GROUP BY severity
                    """,
                arguments: [cutoff]
            )
            for total in totals {
                try db.execute(
                    sql: """
                        UPDATE resolution_total SET resolved_count = resolved_count - ?, total_seconds = total_seconds - ?
                        WHERE severity = ?
                        """,
                    arguments: [total[1] as Int64, total[2] as Int64, total[0] as Int64]
                )
            }
            try db.execute(sql: "DELETE FROM closed_episode WHERE resolved_seq < ?", arguments: [cutoff])
            try db.execute(sql: "DELETE FROM run WHERE seq < ?", arguments: [cutoff])
            return removed
        }
    }

    /// The non-pass findings of recorded run `runID`, by control and subject: every episode that
    /// covers the run, with the severity, status and owner it last had.
    public func findings(ofRun runID: String) throws -> [SnapshotFinding] {
        try read { db in
            guard let seq = try Int64.fetchOne(db, sql: "SELECT seq FROM run WHERE id = ?", arguments: [runID]) else {
                throw HistoryError.unknownRun(path: path, runID: runID)
            }
            let controls = try NameTable("control", in: db).namesByID()
            let owners = try NameTable("owner", in: db).namesByID()
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT e.finding, s.name, e.severity, e.status, e.owner FROM (
                        SELECT finding, severity, status, owner FROM open_episode WHERE first_seq <= ?1
                        UNION ALL
                        SELECT finding, severity, status, owner FROM closed_episode
                        WHERE first_seq <= ?1 AND resolved_seq > ?1
                    ) AS e JOIN subject AS s ON s.id = (e.finding & \((1 << EpisodeCodes.subjectBits) - 1))
                    """,
                arguments: [seq]
            )
            var findings: [SnapshotFinding] = []
            while let row = try rows.next() {
                let finding: Int64 = row[0]
                let owner: Int64? = row[4]
                findings.append(
                    SnapshotFinding(
                        key: FindingKey(
                            controlID: controls[EpisodeCodes.control(ofFinding: finding)] ?? "",
                            subjectID: row[1]
                        ),
                        severity: EpisodeCodes.severity(row[2]),
                        status: EpisodeCodes.status(row[3]),
                        owner: owner.flatMap { owners[$0] }
                    )
                )
            }
            return findings.sorted { $0.key < $1.key }
        }
    }

    // MARK: - Helpers

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch {
            throw Self.historyError(error, path: path)
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.write(body)
        } catch {
            throw Self.historyError(error, path: path)
        }
    }

    /// `error` as a ``HistoryError`` naming the file.
    static func historyError(_ error: any Error, path: String) -> HistoryError {
        if let error = error as? HistoryError { return error }
        guard let error = error as? DatabaseError else {
            return .failed(path: path, reason: String(describing: error))
        }
        let code = error.resultCode
        if code == .SQLITE_BUSY || code == .SQLITE_LOCKED { return .locked(path: path) }
        if code == .SQLITE_NOTADB || code == .SQLITE_CORRUPT { return .damaged(path: path) }
        if code == .SQLITE_FULL { return .full(path: path) }
        if code == .SQLITE_CANTOPEN || code == .SQLITE_PERM || code == .SQLITE_READONLY || code == .SQLITE_AUTH {
            return .cannotOpen(path: path, reason: error.message ?? "\(code)")
        }
        return .failed(path: path, reason: error.message ?? "\(code)")
    }

    static func scores(ofRun seq: Int64, in db: Database) throws -> [(catalogID: String, score: Double?)] {
        try Row.fetchAll(
            db,
            sql: "SELECT catalog_id, score FROM run_framework WHERE run_seq = ? ORDER BY position",
            arguments: [seq]
        ).map { (catalogID: $0[0], score: $0[1]) }
    }

    static func scoreMap(_ snapshot: RunSnapshot) -> [String: Double] {
        var scores: [String: Double] = [:]
        for framework in snapshot.frameworks {
            if let score = framework.score { scores[framework.catalogID] = score }
        }
        return scores
    }

    /// The last ``TrendPoint/limit`` runs' scores, oldest first, ending with `current`.
    static func trend(in db: Database, endingWith current: TrendPoint) throws -> [TrendPoint] {
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT seq, id, generated_at FROM run ORDER BY seq DESC LIMIT ?",
            arguments: [TrendPoint.limit - 1]
        )
        var points: [TrendPoint] = try rows.reversed().map { row in
            var scores: [String: Double] = [:]
            for score in try Self.scores(ofRun: row[0], in: db) {
                if let value = score.score { scores[score.catalogID] = value }
            }
            return TrendPoint(
                run: RunReference(id: row[1], generatedAt: Timestamp(secondsSinceEpoch: row[2])),
                scores: scores
            )
        }
        points.append(current)
        return points
    }

    /// Mean time to resolve by severity (most severe first) over the recorded resolutions and
    /// `pending` (those the run being previewed makes).
    static func resolutionTimes(
        in db: Database,
        adding pending: [Severity: (count: Int, seconds: Int64)]
    ) throws -> [ResolutionTime] {
        var totals = pending
        for row in try Row.fetchAll(db, sql: "SELECT severity, resolved_count, total_seconds FROM resolution_total") {
            let severity = EpisodeCodes.severity(row[0])
            var total = totals[severity] ?? (0, 0)
            total.count += row[1] as Int
            total.seconds += row[2] as Int64
            totals[severity] = total
        }
        return Severity.allCases.sorted(by: >).compactMap { severity in
            guard let total = totals[severity], total.count > 0 else { return nil }
            return ResolutionTime(
                severity: severity,
                resolvedCount: total.count,
                meanDays: Double(total.seconds) / Double(total.count) / 86_400
            )
        }
    }

    /// The run's inputs, framework scores and control counts.
    static func insertDetails(of snapshot: RunSnapshot, seq: Int64, in db: Database) throws {
        let input = try db.makeStatement(
            sql: "INSERT INTO run_input (run_seq, position, role, path, sha256) VALUES (?, ?, ?, ?, ?)"
        )
        for (position, file) in snapshot.inputs.enumerated() {
            try input.execute(arguments: [seq, position, file.role, file.path, file.sha256])
        }
        let framework = try db.makeStatement(
            sql: """
                INSERT INTO run_framework (run_seq, position, catalog_id, catalog_version, score, coverage)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        )
        for (position, entry) in snapshot.frameworks.enumerated() {
            try framework.execute(
                arguments: [seq, position, entry.catalogID, entry.catalogVersion, entry.score, entry.coverage]
            )
        }
        var controls = try NameTable("control", in: db)
        let control = try db.makeStatement(
            sql: """
                INSERT OR REPLACE INTO run_control
                    (run_seq, control, pass, fail, accepted, not_assessed, error, not_applicable)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
        for entry in snapshot.controls {
            let counts = entry.counts
            try control.execute(
                arguments: [
                    seq, try controls.intern(entry.controlID, in: db), counts[.pass] ?? 0, counts[.fail] ?? 0,
                    counts[.accepted] ?? 0, counts[.notAssessed] ?? 0, counts[.error] ?? 0,
                    counts[.notApplicable] ?? 0,
                ]
            )
        }
    }
}
