import GRDB

/// The history database's schema, as a sequence of versioned migrations. A database created by
/// an older Crosswalk upgrades itself when opened; one from a newer Crosswalk is refused.
///
/// Findings are stored as episodes, not as a row per finding per run: a finding (control and
/// subject, interned to one integer) has an open episode while it is present on consecutive
/// runs, and a closed one from the run it was first seen to the run that no longer had it.
enum HistorySchema {
    /// The migrations, oldest first.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createRunsAndEpisodes)
        migrator.registerMigration("v2", migrate: addResolutionTotals)
        return migrator
    }

    /// v1: runs with their inputs, framework scores and control counts; interned names; episodes.
    static func createRunsAndEpisodes(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE run (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    generated_at INTEGER NOT NULL,
                    tool_version TEXT NOT NULL,
                    config_hash TEXT NOT NULL,
                    finding_count INTEGER NOT NULL,
                    new_count INTEGER NOT NULL,
                    resolved_count INTEGER NOT NULL,
                    regression_count INTEGER NOT NULL
                );
                CREATE TABLE run_input (
                    run_seq INTEGER NOT NULL REFERENCES run(seq) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    role TEXT NOT NULL,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    PRIMARY KEY (run_seq, position)
                ) WITHOUT ROWID;
                CREATE TABLE run_framework (
                    run_seq INTEGER NOT NULL REFERENCES run(seq) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    catalog_id TEXT NOT NULL,
                    catalog_version TEXT NOT NULL,
                    score REAL,
                    coverage REAL NOT NULL,
                    PRIMARY KEY (run_seq, position)
                ) WITHOUT ROWID;
                CREATE TABLE control (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                CREATE TABLE subject (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                CREATE TABLE owner (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                CREATE TABLE run_control (
                    run_seq INTEGER NOT NULL REFERENCES run(seq) ON DELETE CASCADE,
                    control INTEGER NOT NULL,
                    pass INTEGER NOT NULL,
                    fail INTEGER NOT NULL,
                    accepted INTEGER NOT NULL,
                    not_assessed INTEGER NOT NULL,
                    error INTEGER NOT NULL,
                    not_applicable INTEGER NOT NULL,
                    PRIMARY KEY (run_seq, control)
                ) WITHOUT ROWID;
                CREATE TABLE open_episode (
                    finding INTEGER NOT NULL PRIMARY KEY,
                    first_seq INTEGER NOT NULL,
                    first_seen INTEGER NOT NULL,
                    severity INTEGER NOT NULL,
                    status INTEGER NOT NULL,
                    owner INTEGER
                ) WITHOUT ROWID;
                CREATE TABLE closed_episode (
                    finding INTEGER NOT NULL,
                    first_seq INTEGER NOT NULL,
                    first_seen INTEGER NOT NULL,
                    last_seen INTEGER NOT NULL,
                    resolved_seq INTEGER NOT NULL,
                    resolved_at INTEGER NOT NULL,
                    severity INTEGER NOT NULL,
                    status INTEGER NOT NULL,
                    owner INTEGER,
                    PRIMARY KEY (finding, first_seq)
                ) WITHOUT ROWID;
                """
        )
    }

    /// v2: running totals of resolution times by severity (mean time to resolve without scanning
    /// every closed episode), backfilled from v1's closed episodes; an index for pruning.
    static func addResolutionTotals(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE resolution_total (
                    severity INTEGER NOT NULL PRIMARY KEY,
                    resolved_count INTEGER NOT NULL,
                    total_seconds INTEGER NOT NULL
                ) WITHOUT ROWID;
                INSERT INTO resolution_total (severity, resolved_count, total_seconds)
                    SELECT severity, COUNT(*), SUM(resolved_at - first_seen) FROM closed_episode GROUP BY severity;
                CREATE INDEX closed_episode_by_resolution ON closed_episode (resolved_seq);
                """
        )
    }
}
