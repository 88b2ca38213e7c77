import CAtomicRename
import Foundation

/// Moves the staged reports into the output folder, and undoes that when it cannot finish.
///
/// Each new report is swapped with the file of the same name in the output folder in one step
/// (`renameat2(RENAME_EXCHANGE)`), so the old file lands in the staging folder and can be swapped
/// back; a name with no old file is renamed without replacing; reports of formats this run does
/// not write are moved into the staging folder. A `CommitJournal` written first records the plan,
/// and the `committed` marker written last records success, so that a run killed in between is
/// undone by the next one (`LeftoverRecovery`).
struct ReportCommit {
    let staging: StagingFolder

    private var output: OutputFolder { staging.output }

    /// Carries out `journal`; on any failure, every step is undone before this throws.
    func run(_ journal: CommitJournal) throws(WriteFailure) {
        try writeJournal(journal)
        do throws(WriteFailure) {
            for write in journal.writes { try place(write.name) }
            for name in journal.removals { try takeAway(name) }
            DirectoryEntries.sync(output.descriptor)
            if case .failure(let error) = DirectoryEntries.createFile(
                CommitJournal.committedMarker,
                in: staging.descriptor,
                bytes: []
            ) {
                throw WriteFailure(
                    path: staging.displayPath,
                    message: "cannot record the finished commit: \(error.text)"
                )
            }
            DirectoryEntries.sync(staging.descriptor)
        } catch {
            var failure = error
            failure.reportsUnchanged = rollBack(journal)
            throw failure
        }
    }

    /// Puts every old file back where it was, using the inode numbers in the journal to tell new
    /// files from old. Safe to repeat; returns false when a step failed.
    func rollBack(_ journal: CommitJournal) -> Bool {
        var stagingInfo = stat()
        guard fstat(staging.descriptor, &stagingInfo) == 0 else { return false }
        var restored = true
        for write in journal.writes.reversed() {
            guard let placed = DirectoryEntries.status(of: write.name, in: output.descriptor),
                UInt64(placed.st_ino) == write.inode, placed.st_dev == stagingInfo.st_dev
            else { continue }
            let result =
                staging.contains(write.name)
                ? crosswalk_rename_exchange(staging.descriptor, write.name, output.descriptor, write.name)
                : crosswalk_rename_noreplace(output.descriptor, write.name, staging.descriptor, write.name)
            if result != 0 { restored = false }
        }
        for name in journal.removals
        where staging.contains(name) && DirectoryEntries.status(of: name, in: output.descriptor) == nil {
            if crosswalk_rename_noreplace(staging.descriptor, name, output.descriptor, name) != 0 { restored = false }
        }
        DirectoryEntries.sync(output.descriptor)
        return restored
    }

    private func writeJournal(_ journal: CommitJournal) throws(WriteFailure) {
        let draft = CommitJournal.fileName + ".draft"
        if case .failure(let error) = DirectoryEntries.createFile(draft, in: staging.descriptor, bytes: journal.encoded)
        {
            throw WriteFailure(path: staging.displayPath, message: "cannot write the commit journal: \(error.text)")
        }
        guard renameat(staging.descriptor, draft, staging.descriptor, CommitJournal.fileName) == 0 else {
            throw WriteFailure(
                path: staging.displayPath,
                message: "cannot write the commit journal: \(SystemError.current)"
            )
        }
        DirectoryEntries.sync(staging.descriptor)
    }

    /// Moves one staged report to its final name, replacing a file or symbolic link there (never
    /// following it) and refusing anything else, such as a folder.
    private func place(_ name: String) throws(WriteFailure) {
        for _ in 0..<2 {
            if crosswalk_rename_exchange(staging.descriptor, name, output.descriptor, name) == 0 {
                if let previous = DirectoryEntries.status(of: name, in: staging.descriptor),
                    !Self.isReplaceable(previous)
                {
                    let kind = DirectoryEntries.isFolder(previous) ? "a folder" : "something other than a file"
                    throw WriteFailure(
                        path: output.display(name),
                        message: "cannot replace the report: \(kind) has this name; move it away and run again"
                    )
                }
                return
            }
            let code = errno
            guard code == ENOENT else {
                throw WriteFailure(path: output.display(name), message: Self.renameFailure(code))
            }
            if crosswalk_rename_noreplace(staging.descriptor, name, output.descriptor, name) == 0 { return }
            guard errno == EEXIST else {
                throw WriteFailure(path: output.display(name), message: Self.renameFailure(errno))
            }
        }
        throw WriteFailure(
            path: output.display(name),
            message: "cannot move the report into place: the name keeps changing"
        )
    }

    /// Moves a report of a format this run does not write out of the output folder.
    private func takeAway(_ name: String) throws(WriteFailure) {
        guard let present = DirectoryEntries.status(of: name, in: output.descriptor), Self.isReplaceable(present)
        else { return }
        guard crosswalk_rename_noreplace(output.descriptor, name, staging.descriptor, name) == 0 else {
            throw WriteFailure(
                path: output.display(name),
                message: "cannot remove the report of an earlier run: \(SystemError.current)"
            )
        }
    }

    /// Regular files and symbolic links may be replaced; folders, pipes and the like may not.
    static func isReplaceable(_ info: stat) -> Bool {
        let type = info.st_mode & S_IFMT
        return type == S_IFREG || type == S_IFLNK
    }

    private static func renameFailure(_ code: Int32) -> String {
        let reason = SystemError.text(code)
        if code == EINVAL || code == ENOSYS || code == ENOTSUP {
            return "cannot move the report into place: \(reason) (the file system may not support atomic exchange)"
        }
        return "cannot move the report into place: \(reason)"
    }
}
