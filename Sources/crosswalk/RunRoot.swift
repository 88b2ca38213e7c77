import CAtomicRename
import CrosswalkCore
import Foundation

/// The output root of `crosswalk run`: one dated folder per successful run (`20261101T000000Z`),
/// the `latest` symbolic link to the newest, and the history database. Held open by descriptor
/// so every step works on the same folder.
///
/// A run writes its report set into a hidden `.crosswalk-run-…` folder, renames it to its dated
/// name (a folder appears whole or not at all), then points `latest` at it by renaming a fresh
/// link over the old one. A run stopped on the way leaves only hidden entries, which the next run
/// removes (`removeLeftovers`).
struct RunRoot {
    /// The link to the newest run folder.
    static let latestName = "latest"
    static let stagingPrefix = ".crosswalk-run-"
    static let prunePrefix = ".crosswalk-prune-"
    static let linkPrefix = ".crosswalk-latest-"

    let folder: OutputFolder

    /// Creates the root (and missing parents) and opens it.
    static func open(_ path: String) throws(WriteFailure) -> RunRoot {
        RunRoot(folder: try OutputFolder.openCreatingIfNeeded(path))
    }

    /// `ROOT/name`, as messages show it.
    func display(_ name: String) -> String {
        folder.display(name)
    }

    /// The hidden folder this process writes its run into.
    func stagingName(for run: RunFolderName) -> String {
        "\(Self.stagingPrefix)\(run).\(getpid())"
    }

    /// Removes what runs that were stopped midway left in the root (only called under the root's
    /// lock, so none of it belongs to a live run); returns one line per removal.
    func removeLeftovers() -> [String] {
        var notices: [String] = []
        for name in DirectoryEntries.names(in: folder.descriptor).sorted() {
            guard let info = DirectoryEntries.status(of: name, in: folder.descriptor), info.st_uid == geteuid()
            else { continue }
            let what: String
            if name.hasPrefix(Self.stagingPrefix), DirectoryEntries.isFolder(info) {
                what = "an earlier run was stopped before it finished; removed its unfinished run folder"
            } else if name.hasPrefix(Self.prunePrefix), DirectoryEntries.isFolder(info) {
                what = "an earlier run was stopped while removing an old run; finished removing"
            } else if name.hasPrefix(Self.linkPrefix), info.st_mode & S_IFMT == S_IFLNK {
                what = "an earlier run was stopped while updating latest; removed its unused link"
            } else {
                continue
            }
            notices.append(
                DirectoryEntries.remove(name, in: folder.descriptor)
                    ? "crosswalk: \(what) \(display(name))"
                    : "crosswalk: warning: could not remove \(display(name)), left by an earlier run that was stopped"
            )
        }
        return notices
    }

    /// Throws unless the run can be published as `run`: no entry of that name yet, and `latest`
    /// absent or a symbolic link.
    func checkReady(for run: RunFolderName) throws(WriteFailure) {
        if DirectoryEntries.status(of: run.description, in: folder.descriptor) != nil {
            throw WriteFailure(
                path: display(run.description),
                message:
                    "a run folder of this time already exists, and run folders are never replaced; run again later or with another --now"
            )
        }
        if let info = DirectoryEntries.status(of: Self.latestName, in: folder.descriptor),
            info.st_mode & S_IFMT != S_IFLNK
        {
            throw WriteFailure(
                path: display(Self.latestName),
                message:
                    "this is not a symbolic link; crosswalk run points latest at the newest run folder: move it away"
            )
        }
    }

    /// Renames the finished staging folder to its dated name, never over an existing entry.
    func publish(_ staging: String, as run: RunFolderName) throws(WriteFailure) {
        var result = crosswalk_rename_noreplace(folder.descriptor, staging, folder.descriptor, run.description)
        if result != 0 && (errno == ENOSYS || errno == EINVAL) {
            // A file system without no-replace renames: the name was checked free under the lock.
            result = renameat(folder.descriptor, staging, folder.descriptor, run.description)
        }
        guard result == 0 else {
            let reason = SystemError.current
            throw WriteFailure(path: display(run.description), message: "cannot move the run into place: \(reason)")
        }
        DirectoryEntries.sync(folder.descriptor)
    }

    /// Points `latest` at `run`: a new relative link, renamed over the old one in one step.
    func pointLatest(at run: RunFolderName) throws(WriteFailure) {
        let temporary = "\(Self.linkPrefix)\(getpid())"
        _ = unlinkat(folder.descriptor, temporary, 0)
        guard symlinkat(run.description, folder.descriptor, temporary) == 0 else {
            throw WriteFailure(
                path: display(Self.latestName),
                message: "cannot create the link to the new run: \(SystemError.current)"
            )
        }
        guard renameat(folder.descriptor, temporary, folder.descriptor, Self.latestName) == 0 else {
            let reason = SystemError.current
            _ = unlinkat(folder.descriptor, temporary, 0)
            throw WriteFailure(path: display(Self.latestName), message: "cannot point latest at the new run: \(reason)")
        }
        DirectoryEntries.sync(folder.descriptor)
    }

    /// Takes a just-published run back out when `latest` could not be pointed at it, so a failed
    /// run leaves no new folder behind.
    func withdraw(_ run: RunFolderName) {
        let hidden = "\(Self.prunePrefix)\(run)"
        guard renameat(folder.descriptor, run.description, folder.descriptor, hidden) == 0 else { return }
        DirectoryEntries.remove(hidden, in: folder.descriptor)
        DirectoryEntries.sync(folder.descriptor)
    }

    /// The run folder `latest` points at, when it names one.
    var latestTarget: RunFolderName? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlinkat(folder.descriptor, Self.latestName, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return RunFolderName(target.hasSuffix("/") ? String(target.dropLast()) : target)
    }

    /// The run folders: real folders (not links) whose names are run times.
    var runs: [RunFolderName] {
        DirectoryEntries.names(in: folder.descriptor).compactMap { name in
            guard let run = RunFolderName(name),
                let info = DirectoryEntries.status(of: name, in: folder.descriptor),
                DirectoryEntries.isFolder(info)
            else { return nil }
            return run
        }.sorted()
    }

    /// Removes the run folders `retention` does not keep, never the newest nor `latest`'s target.
    /// Each is first renamed to a hidden name, so a half-removed folder never looks like a run.
    /// Returns the removed runs and warnings for those that could not be removed.
    func prune(_ retention: RunRetention, now: Timestamp) -> (removed: [RunFolderName], warnings: [String]) {
        let protected = Set([latestTarget].compactMap { $0 })
        var removed: [RunFolderName] = []
        var warnings: [String] = []
        for run in retention.folders(toRemoveFrom: runs, now: now, protected: protected) {
            let hidden = "\(Self.prunePrefix)\(run)"
            guard renameat(folder.descriptor, run.description, folder.descriptor, hidden) == 0 else {
                warnings.append(
                    "crosswalk: warning: could not remove the old run \(display(run.description)): \(SystemError.current)"
                )
                continue
            }
            removed.append(run)
            if !DirectoryEntries.remove(hidden, in: folder.descriptor) {
                warnings.append(
                    "crosswalk: warning: could not fully remove \(display(hidden)), an old run; the next run removes it"
                )
            }
        }
        DirectoryEntries.sync(folder.descriptor)
        return (removed, warnings)
    }
}
