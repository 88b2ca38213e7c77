import CAtomicRename
import Foundation

/// Moves the staged reports into the output folder, and undoes that when it cannot finish.
///
/// Each new report is swapped with the file of the same name in the output folder in one step
/// (`renameat2(RENAME_EXCHANGE)`), so the old file lands in the staging folder and can be swapped
/// back (where the file system cannot swap, the old file is moved aside first: `placeInTwoSteps`);
/// a name with no old file is renamed without replacing; reports of formats this run does
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
            if let placed = DirectoryEntries.status(of: write.name, in: output.descriptor),
                UInt64(placed.st_ino) == write.inode, placed.st_dev == stagingInfo.st_dev
            {
                let result =
                    staging.contains(write.name)
                    ? crosswalk_rename_exchange(staging.descriptor, write.name, output.descriptor, write.name)
                    : moveIfAbsent(write.name, from: output.descriptor, to: staging.descriptor)
                if result != 0 { restored = false }
            }
            // Without exchange support the old file waits under its own name (see `place`).
            let previous = Self.previousName(write.name)
            if staging.contains(previous), DirectoryEntries.status(of: write.name, in: output.descriptor) == nil {
                if moveIfAbsent(previous, from: staging.descriptor, to: output.descriptor, as: write.name) != 0 {
                    restored = false
                }
            }
        }
        for name in journal.removals
        where staging.contains(name) && DirectoryEntries.status(of: name, in: output.descriptor) == nil {
            if moveIfAbsent(name, from: staging.descriptor, to: output.descriptor) != 0 { restored = false }
        }
        DirectoryEntries.sync(output.descriptor)
        return restored
    }

    /// Where the old file of `name` is kept in the staging folder when the file system cannot
    /// swap two names in one step.
    static func previousName(_ name: String) -> String { "previous-" + name }

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
                    throw Self.blocked(output.display(name), by: previous)
                }
                return
            }
            let code = errno
            if Self.isUnsupported(code) { return try placeInTwoSteps(name) }
            guard code == ENOENT else {
                throw WriteFailure(path: output.display(name), message: Self.renameFailure(code))
            }
            if moveIfAbsent(name, from: staging.descriptor, to: output.descriptor) == 0 { return }
            guard errno == EEXIST else {
                throw WriteFailure(path: output.display(name), message: Self.renameFailure(errno))
            }
        }
        throw WriteFailure(
            path: output.display(name),
            message: "cannot move the report into place: the name keeps changing"
        )
    }

    /// For file systems that cannot swap two names in one step: the old file is first moved into
    /// the staging folder as `previous-NAME`, then the new one takes its name. The journal covers
    /// the moment in between, when the name is missing.
    private func placeInTwoSteps(_ name: String) throws(WriteFailure) {
        if let present = DirectoryEntries.status(of: name, in: output.descriptor) {
            guard Self.isReplaceable(present) else { throw Self.blocked(output.display(name), by: present) }
            if moveIfAbsent(name, from: output.descriptor, to: staging.descriptor, as: Self.previousName(name)) != 0 {
                throw WriteFailure(path: output.display(name), message: Self.renameFailure(errno))
            }
        }
        if moveIfAbsent(name, from: staging.descriptor, to: output.descriptor) != 0 {
            throw WriteFailure(path: output.display(name), message: Self.renameFailure(errno))
        }
    }

    /// Moves a report of a format this run does not write out of the output folder.
    private func takeAway(_ name: String) throws(WriteFailure) {
        guard let present = DirectoryEntries.status(of: name, in: output.descriptor), Self.isReplaceable(present)
        else { return }
        guard moveIfAbsent(name, from: output.descriptor, to: staging.descriptor) == 0 else {
            throw WriteFailure(
                path: output.display(name),
                message: "cannot remove the report of an earlier run: \(SystemError.current)"
            )
        }
    }

    /// Renames `name` (to `newName`, by default the same) between two folders only if the target
    /// name is free: atomically with `RENAME_NOREPLACE`, or, where the file system lacks it, after
    /// checking (safe here, as no other run changes the folder while the lock is held).
    /// Returns 0, or -1 with `errno` set.
    private func moveIfAbsent(_ name: String, from source: Int32, to target: Int32, as newName: String? = nil) -> Int32
    {
        let newName = newName ?? name
        if crosswalk_rename_noreplace(source, name, target, newName) == 0 { return 0 }
        guard Self.isUnsupported(errno) else { return -1 }
        if DirectoryEntries.status(of: newName, in: target) != nil {
            errno = EEXIST
            return -1
        }
        return renameat(source, name, target, newName)
    }

    private static func isUnsupported(_ code: Int32) -> Bool {
        code == EINVAL || code == ENOSYS || code == ENOTSUP || code == EOPNOTSUPP
    }

    private static func blocked(_ path: String, by present: stat) -> WriteFailure {
        let kind = DirectoryEntries.isFolder(present) ? "a folder" : "something other than a file"
        return WriteFailure(
            path: path,
            message: "cannot replace the report: \(kind) has this name; move it away and run again"
        )
    }

    /// Regular files and symbolic links may be replaced; folders, pipes and the like may not.
    static func isReplaceable(_ info: stat) -> Bool {
        let type = info.st_mode & S_IFMT
        return type == S_IFREG || type == S_IFLNK
    }

    private static func renameFailure(_ code: Int32) -> String {
        "cannot move the report into place: \(SystemError.text(code))"
    }
}
