import CrosswalkCore
import Foundation

/// Small file-system helpers that work relative to an open folder descriptor, so that a path
/// swapped for a symbolic link after the folder was opened is never followed.
enum DirectoryEntries {
    /// The names in the folder open as `descriptor`, without `.` and `..`.
    static func names(in descriptor: Int32) -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return []
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// What is at `name` inside the folder, not following a symbolic link; nil when nothing is.
    static func status(of name: String, in descriptor: Int32) -> stat? {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return info
    }

    static func isFolder(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }

    /// Removes `name` from the folder; a folder is emptied first, never following symbolic links.
    /// Returns false when something could not be removed.
    @discardableResult
    static func remove(_ name: String, in descriptor: Int32) -> Bool {
        guard let info = status(of: name, in: descriptor) else { return true }
        guard isFolder(info) else { return unlinkat(descriptor, name, 0) == 0 || errno == ENOENT }
        let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else { return false }
        var removedAll = true
        for entry in names(in: child) where !remove(entry, in: child) { removedAll = false }
        close(child)
        return removedAll && (unlinkat(descriptor, name, AT_REMOVEDIR) == 0 || errno == ENOENT)
    }

    /// Writes `bytes` to a new file `name` in the folder: created exclusively, never through a
    /// symbolic link, with mode 0644 less the umask, and flushed to disk. Returns its identity.
    static func createFile(
        _ name: String,
        in descriptor: Int32,
        bytes: [UInt8]
    ) -> Result<FileIdentity, SystemCallError> {
        do {
            return .success(try createFile(name, in: descriptor) { sink in try sink.write(bytes) }.identity)
        } catch let error as SystemCallError {
            return .failure(error)
        } catch {
            return .failure(SystemCallError(code: EIO))
        }
    }

    /// Creates a new file (exclusive, no symbolic links), lets `contents` stream into it through a
    /// buffered ``FileSink``, and flushes it to disk; returns its identity and the digest of its
    /// bytes, hashed as they went out. Throws `SystemCallError` when the file cannot be written, or
    /// whatever `contents` throws.
    static func createFile(
        _ name: String,
        in descriptor: Int32,
        contents: (FileSink) throws -> Void
    ) throws -> WrittenFile {
        let file = openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw SystemCallError(code: errno) }
        defer { close(file) }
        // Flushed (or, on a throw, released) before the file is closed: its writer thread may
        // still be writing.
        let digest: ContentDigest
        do {
            let sink = FileSink(descriptor: file)
            try contents(sink)
            try sink.flush()
            digest = sink.digest
        }
        var info = stat()
        guard fsync(file) == 0, fstat(file, &info) == 0 else { throw SystemCallError(code: errno) }
        return WrittenFile(identity: FileIdentity(info), digest: digest)
    }

    /// Flushes a folder's entries (renames, new files) to disk.
    static func sync(_ descriptor: Int32) {
        _ = fsync(descriptor)
    }
}

/// A file written by ``DirectoryEntries/createFile(_:in:contents:)``: which file it is, and the
/// size and SHA-256 of its bytes.
struct WrittenFile {
    var identity: FileIdentity
    var digest: ContentDigest
}

/// A failed system call's `errno`, with its text.
struct SystemCallError: Error {
    var code: Int32

    var text: String { SystemError.text(code) }
}

extension DirectoryEntries {
    /// The bytes of a small regular file (at most 64 KiB) in the folder, not following links.
    static func readSmallFile(_ name: String, in descriptor: Int32) -> [UInt8]? {
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = read(file, &buffer, buffer.count)
        guard count >= 0 else { return nil }
        return Array(buffer[..<count])
    }
}
