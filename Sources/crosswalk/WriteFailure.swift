import CrosswalkCore

/// Why the report set could not be written, naming the path concerned. The run exits 73
/// (`CrosswalkExit.writeFailed`); `reportsUnchanged` says whether the folder still holds exactly
/// the previous reports.
struct WriteFailure: Error {
    var path: String
    var message: String
    /// False only when a failed commit could not be fully undone (the next run finishes the undo).
    var reportsUnchanged = true

    var diagnostic: Diagnostic { Diagnostic(.error, file: path, message: message) }
}

/// Another run holds the output folder's lock; this run wrote nothing and exits 75
/// (`CrosswalkExit.outputBusy`).
struct OutputBusy: Error {
    var folder: String
    /// The process id written in the lock file, when it could be read.
    var holder: Int32?

    var message: String {
        let who = holder.map { "another crosswalk run (pid \($0))" } ?? "another crosswalk run"
        return "\(who) is writing reports into this folder; nothing written. Run again when it has finished."
    }
}
