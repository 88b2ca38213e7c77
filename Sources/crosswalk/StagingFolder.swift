import Foundation

/// A private folder inside the output folder where a run writes its reports before committing
/// them: `.crosswalk-staging-` plus 12 random characters, created exclusively (`mkdirat` fails if
/// anything, a symbolic link included, already has the name) with mode 0700 and held open.
/// After the commit it holds the previous reports until they are deleted.
final class StagingFolder: @unchecked Sendable {
    static let namePrefix = ".crosswalk-staging-"

    let output: OutputFolder
    let name: String
    let descriptor: Int32

    private init(output: OutputFolder, name: String, descriptor: Int32) {
        self.output = output
        self.name = name
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// `OUTPUT/.crosswalk-staging-…`, as messages show it.
    var displayPath: String { output.display(name) }

    /// Creates a fresh staging folder with an unpredictable name.
    static func create(in output: OutputFolder) throws(WriteFailure) -> StagingFolder {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let suffix = String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            let name = namePrefix + suffix
            if mkdirat(output.descriptor, name, 0o700) != 0 {
                if errno == EEXIST { continue }
                throw WriteFailure(
                    path: output.path,
                    message: "cannot create a staging folder in the output folder: \(SystemError.current)"
                )
            }
            guard let staging = open(name, in: output) else {
                throw WriteFailure(
                    path: output.display(name),
                    message: "the new staging folder was replaced by something else while opening it"
                )
            }
            _ = fchmod(staging.descriptor, 0o700)
            return staging
        }
        throw WriteFailure(path: output.path, message: "cannot create a staging folder: every name tried exists")
    }

    /// Opens an existing staging folder, only when it is a real folder (not a symbolic link) owned
    /// by this user and closed to others, as this tool creates them.
    static func open(_ name: String, in output: OutputFolder) -> StagingFolder? {
        let descriptor = openat(output.descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o077 == 0 else {
            close(descriptor)
            return nil
        }
        return StagingFolder(output: output, name: name, descriptor: descriptor)
    }

    func contains(_ entry: String) -> Bool {
        DirectoryEntries.status(of: entry, in: descriptor) != nil
    }

    /// Writes one new file into the staging folder (exclusive, no symbolic links, flushed) as
    /// `contents` streams it. A write error becomes a `WriteFailure`; anything else `contents`
    /// throws (a template error, say) is passed on as it is.
    func write(as entry: String, contents: (FileSink) throws -> Void) throws -> WrittenFile {
        // Safe from several threads: only immutable state is read, and each call has its own file.
        do {
            return try DirectoryEntries.createFile(entry, in: descriptor, contents: contents)
        } catch let error as SystemCallError {
            throw WriteFailure(path: output.display(entry), message: "cannot write the report: \(error.text)")
        }
    }

    /// Deletes everything inside, the `committed` marker last, then the folder itself.
    func removeFromDisk() -> Bool {
        var removedAll = true
        for entry in DirectoryEntries.names(in: descriptor) where entry != CommitJournal.committedMarker {
            if !DirectoryEntries.remove(entry, in: descriptor) { removedAll = false }
        }
        guard removedAll, DirectoryEntries.remove(CommitJournal.committedMarker, in: descriptor) else { return false }
        return unlinkat(output.descriptor, name, AT_REMOVEDIR) == 0
    }
}
