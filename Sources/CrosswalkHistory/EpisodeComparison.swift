import CrosswalkCore
import GRDB

/// One pass of a run's findings against the open episodes: which findings are new, regressions,
/// unchanged or resolved. Previews (``RunChanges`` before the run is recorded) and records (the
/// same pass, writing the episodes) share it, so both always agree.
///
/// Memory: the open episodes' ids and details (two integers each), the ids seen in this run, and
/// the interned names. Findings are streamed; nothing holds a row per finding.
struct EpisodeComparison {
    var findingCount = 0
    var newCount = 0
    var regressionCount = 0
    var unchangedCount = 0
    var resolvedCount = 0
    /// Findings that fail now and did not fail in the previous run, by severity (``RunChanges/newlyFailing``).
    var newlyFailing: [Severity: Int] = [:]
    var newFailures = WorstFirstList()
    var regressions = WorstFirstList()
    var resolvedFailures = WorstFirstList()
    /// Episodes this run closes, by severity: how many and their summed seconds open.
    var resolutions: [Severity: (count: Int, seconds: Int64)] = [:]

    /// How the pass treats the database.
    enum Mode {
        /// Read only, keeping the worst changed findings for the lists.
        case preview
        /// Writes the episodes of run `seq`; `previousTime` is the previous run's time.
        case record(seq: Int64, previousTime: Int64)
    }

    init(_ snapshot: RunSnapshot, in db: Database, mode: Mode) throws {
        let now = snapshot.generatedAt.secondsSinceEpoch
        var controls = try NameTable("control", in: db)
        var subjects = try NameTable("subject", in: db)
        var owners = try NameTable("owner", in: db)
        var open: [Int64: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT finding, severity, status, owner FROM open_episode")
        while let row = try rows.next() {
            open[row[0]] = EpisodeCodes.details(severity: row[1], status: row[2], owner: row[3])
        }
        var seen = Set<Int64>()
        var seenUnstored = Set<FindingKey>()
        let closedExists = try db.cachedStatement(
            sql: "SELECT 1 FROM closed_episode WHERE finding = ? LIMIT 1"
        )
        let recording: (seq: Int64, previousTime: Int64)?
        if case .record(let seq, let previousTime) = mode {
            recording = (seq, previousTime)
        } else {
            recording = nil
        }

        try snapshot.forEachFinding { finding in
            let key: Int64
            let owner: Int64?
            if recording != nil {
                key = EpisodeCodes.finding(
                    control: try controls.intern(finding.key.controlID, in: db),
                    subject: try subjects.intern(finding.key.subjectID, in: db)
                )
                owner = try finding.owner.map { try owners.intern($0, in: db) }
            } else {
                guard let control = controls.id(of: finding.key.controlID),
                    let subject = subjects.id(of: finding.key.subjectID)
                else {
                    // A name never stored: a finding no earlier run had.
                    guard seenUnstored.insert(finding.key).inserted else { return }
                    findingCount += 1
                    newCount += 1
                    if finding.status == .fail { newlyFailing[finding.severity, default: 0] += 1 }
                    newFailures.append(changed(finding, firstSeen: snapshot.generatedAt))
                    return
                }
                key = EpisodeCodes.finding(control: control, subject: subject)
                owner = finding.owner.flatMap { owners.id(of: $0) }
            }
            guard seen.insert(key).inserted else { return }
            findingCount += 1
            let severity = EpisodeCodes.code(finding.severity)
            let status = EpisodeCodes.code(finding.status)
            let details = EpisodeCodes.details(severity: severity, status: status, owner: owner)
            let failsNow = finding.status == .fail
            if let previous = open.removeValue(forKey: key) {
                unchangedCount += 1
                if failsNow, EpisodeCodes.status(ofDetails: previous) != .fail {
                    newlyFailing[finding.severity, default: 0] += 1
                }
                if recording != nil, previous != details {
                    try db.cachedStatement(
                        sql: "UPDATE open_episode SET severity = ?, status = ?, owner = ? WHERE finding = ?"
                    ).execute(arguments: [severity, status, owner, key])
                }
                return
            }
            let isRegression = try Int64.fetchOne(closedExists, arguments: [key]) != nil
            if failsNow { newlyFailing[finding.severity, default: 0] += 1 }
            if isRegression {
                regressionCount += 1
            } else {
                newCount += 1
            }
            if let recording {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO open_episode (finding, first_seq, first_seen, severity, status, owner)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """
                ).execute(arguments: [key, recording.seq, now, severity, status, owner])
            } else if isRegression {
                regressions.append(changed(finding, firstSeen: snapshot.generatedAt))
            } else {
                newFailures.append(changed(finding, firstSeen: snapshot.generatedAt))
            }
        }

        // Open episodes this run did not see are resolved by it.
        resolvedCount = open.count
        guard !open.isEmpty else { return }
        let controlNames = controls.namesByID()
        let ownerNames = owners.namesByID()
        let episode = try db.cachedStatement(
            sql: "SELECT first_seq, first_seen, severity, status, owner FROM open_episode WHERE finding = ?"
        )
        let subjectName = try db.cachedStatement(sql: "SELECT name FROM subject WHERE id = ?")
        for key in open.keys {
            guard let row = try Row.fetchOne(episode, arguments: [key]) else { continue }
            let firstSeq: Int64 = row[0]
            let firstSeen: Int64 = row[1]
            let severity = EpisodeCodes.severity(row[2])
            var total = resolutions[severity] ?? (0, 0)
            total.count += 1
            total.seconds += now - firstSeen
            resolutions[severity] = total
            if let recording {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO closed_episode
                            (finding, first_seq, first_seen, last_seen, resolved_seq, resolved_at, severity, status, owner)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(
                    arguments: [
                        key, firstSeq, firstSeen, recording.previousTime, recording.seq, now, row[2], row[3], row[4],
                    ]
                )
                try db.cachedStatement(sql: "DELETE FROM open_episode WHERE finding = ?").execute(arguments: [key])
            } else {
                let subject = try String.fetchOne(subjectName, arguments: [EpisodeCodes.subject(ofFinding: key)])
                let ownerID: Int64? = row[4]
                resolvedFailures.append(
                    ChangedFinding(
                        key: FindingKey(
                            controlID: controlNames[EpisodeCodes.control(ofFinding: key)] ?? "",
                            subjectID: subject ?? ""
                        ),
                        severity: severity,
                        status: EpisodeCodes.status(row[3]),
                        owner: ownerID.flatMap { ownerNames[$0] },
                        firstSeen: Timestamp(secondsSinceEpoch: firstSeen)
                    )
                )
            }
        }
    }

    private func changed(_ finding: SnapshotFinding, firstSeen: Timestamp) -> ChangedFinding {
        ChangedFinding(
            key: finding.key,
            severity: finding.severity,
            status: finding.status,
            owner: finding.owner,
            firstSeen: firstSeen
        )
    }
}
