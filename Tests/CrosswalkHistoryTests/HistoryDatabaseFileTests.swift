import CrosswalkCore
import Foundation
import GRDB
import Testing

@testable import CrosswalkHistory

/// The database file itself: schema upgrades, damaged and locked files.
struct HistoryDatabaseFileTests {
    typealias F = HistoryFixture

    @Test func aVersion1DatabaseUpgradesItselfAndKeepsItsHistory() throws {
        let path = try F.databasePath()
        let old = try DatabaseQueue(path: path)
        try HistorySchema.migrator.migrate(old, upTo: "v1")
        // A v1 history: two runs, one finding resolved after two days.
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO run VALUES (1, 'run-0', ?, '0.1.0', '', 1, 1, 0, 0), (2, 'run-2', ?, '0.1.0', '', 0, 0, 1, 0);
                    INSERT INTO control (id, name) VALUES (1, 'CW-A');
                    INSERT INTO subject (id, name) VALUES (1, 's1');
                    INSERT INTO closed_episode VALUES (?, 1, ?, ?, 2, ?, 0, 1, NULL);
                    """,
                arguments: [
                    F.day(0).secondsSinceEpoch, F.day(2).secondsSinceEpoch,
                    EpisodeCodes.finding(control: 1, subject: 1),
                    F.day(0).secondsSinceEpoch, F.day(0).secondsSinceEpoch, F.day(2).secondsSinceEpoch,
                ]
            )
        }
        #expect(try old.read { try HistorySchema.migrator.appliedIdentifiers($0) } == ["v1"])
        try old.close()

        let store = try HistoryStore(path: path)
        let upgraded = try DatabaseQueue(path: path)
        #expect(try upgraded.read { try HistorySchema.migrator.appliedIdentifiers($0) } == ["v1", "v2"])
        try upgraded.close()
        #expect(try store.runs().map(\.run.id) == ["run-0", "run-2"])
        // v2's resolution totals were backfilled from v1's closed episodes.
        let changes = try #require(try store.changes(for: F.snapshot(day: 3, score: 0.5, [F.finding("CW-A", "s1")])))
        #expect(changes.meanTimeToResolve == [ResolutionTime(severity: .critical, resolvedCount: 1, meanDays: 2)])
        #expect(changes.regressionCount == 1)
    }

    @Test func aDatabaseFromANewerCrosswalkIsRefused() throws {
        let path = try F.databasePath()
        _ = try HistoryStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        }
        try queue.close()
        #expect(throws: HistoryError.newerSchema(path: path)) { try HistoryStore(path: path) }
    }

    @Test func aFileOfRandomBytesIsReportedAsDamaged() throws {
        let path = try F.databasePath()
        var generator = SplitMix(seed: 42)
        let bytes = (0..<8192).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: HistoryError.self) { try HistoryStore(path: path) }
        #expect(error == .damaged(path: path))
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("move it aside") == true)
        #expect(error?.reportsAreStillWritten == true)
    }

    @Test func aDatabaseLockedByAnotherConnectionIsReportedAsLocked() throws {
        let path = try F.databasePath()
        let store = try HistoryStore(path: path, busyTimeout: 0.05)
        // Another connection holds an exclusive transaction until the checks are done.
        let other = try DatabaseQueue(path: path)
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? other.inTransaction(.exclusive) { _ in
                locked.signal()
                release.wait()
                return .rollback
            }
            finished.signal()
        }
        locked.wait()
        defer {
            release.signal()
            finished.wait()
        }

        #expect(throws: HistoryError.locked(path: path)) { try HistoryStore(path: path, busyTimeout: 0.05) }
        let error = #expect(throws: HistoryError.self) {
            try store.record(F.snapshot(day: 0, score: 0.5, []), runID: "run-0")
        }
        #expect(error == .locked(path: path))
        #expect(error?.description.contains("locked by another process") == true)
    }

    @Test func aFolderThatDoesNotExistCannotBeOpened() throws {
        let path = try F.databasePath() + "/missing/history.sqlite"
        let error = #expect(throws: HistoryError.self) { try HistoryStore(path: path) }
        guard case .cannotOpen(let named, _) = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(named == path)
    }
}

/// A tiny deterministic generator for fixture bytes.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
