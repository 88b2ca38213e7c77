import CrosswalkCore

/// Why the run history could not be read or written. Each message names the database file and
/// what to do. A history problem never costs a run its reports: the caller writes them anyway
/// and says the run was not recorded (see ``reportsAreStillWritten``).
public enum HistoryError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file is not an SQLite database, or its pages are damaged.
    case damaged(path: String)
    /// Another process holds a lock on the database for longer than the busy timeout.
    case locked(path: String)
    /// The database was written by a newer Crosswalk, whose schema this version does not know.
    case newerSchema(path: String)
    /// The file cannot be opened or created (missing folder, permissions, read-only disk).
    case cannotOpen(path: String, reason: String)
    /// The disk is full.
    case full(path: String)
    /// A run with this id is already recorded.
    case runAlreadyRecorded(path: String, runID: String)
    /// No recorded run has this id.
    case unknownRun(path: String, runID: String)
    /// Any other SQLite failure, with SQLite's own words.
    case failed(path: String, reason: String)

    /// Always true: the history is a by-product of a run, so a history error is reported (with
    /// the run marked as not recorded) and the reports are written regardless.
    public var reportsAreStillWritten: Bool { true }

    /// The database file the error is about.
    public var path: String {
        switch self {
        case .damaged(let path), .locked(let path), .newerSchema(let path), .cannotOpen(let path, _),
            .full(let path), .runAlreadyRecorded(let path, _), .unknownRun(let path, _), .failed(let path, _):
            return path
        }
    }

    public var description: String {
        let file = path
        switch self {
        case .damaged:
            return
                "history database \(file) is not an SQLite database or is damaged: move it aside (a new history starts with the next run) or restore it from a backup"
        case .locked:
            return
                "history database \(file) is locked by another process: let the other run finish, then try again"
        case .newerSchema:
            return
                "history database \(file) was written by a newer Crosswalk: use that version, or point history.database at another file"
        case .cannotOpen(_, let reason):
            return "history database \(file) cannot be opened (\(reason)): check the folder exists and is writable"
        case .full:
            return "history database \(file) could not be written: the disk is full; free space, then run again"
        case .runAlreadyRecorded(_, let runID):
            return
                "history database \(file) already has a run \(Diagnostic.quoted(runID)); each run id is recorded once"
        case .unknownRun(_, let runID):
            return
                "history database \(file) has no run \(Diagnostic.quoted(runID)): `crosswalk history --database \(path)` lists the recorded runs"
        case .failed(_, let reason):
            return "history database \(file) failed: \(reason)"
        }
    }
}
