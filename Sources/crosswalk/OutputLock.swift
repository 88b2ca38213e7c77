import Foundation

/// The lock that lets one run at a time change an output folder: an exclusive `flock` on
/// `OUTPUT/.crosswalk.lock`, a file holding the holder's process id. The kernel drops the lock
/// when its holder exits, however it exits, so a killed run never blocks the next one; the pid
/// left in the file then identifies the stale lock being taken over.
final class OutputLock {
    static let fileName = ".crosswalk.lock"

    /// What taking the lock found.
    enum Acquisition {
        /// Locked. `staleHolder` is the pid a dead (or departed) holder left in the file.
        case acquired(OutputLock, staleHolder: Int32?)
        /// Another live run holds it.
        case busy(holder: Int32?)
    }

    private let folder: OutputFolder
    private let descriptor: Int32
    private var released = false

    private init(folder: OutputFolder, descriptor: Int32) {
        self.folder = folder
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Takes the lock without waiting.
    static func acquire(in folder: OutputFolder) throws(WriteFailure) -> Acquisition {
        let lockPath = folder.display(fileName)
        // A holder removes the file while still holding it; a run that locked the removed file
        // notices the path now names another file (or none) and tries again.
        for _ in 0..<20 {
            let descriptor = openat(folder.descriptor, fileName, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                let code = errno
                if code == ELOOP {
                    throw WriteFailure(path: lockPath, message: "the lock file is a symbolic link; remove it")
                }
                throw WriteFailure(
                    path: folder.path,
                    message:
                        "cannot write into the output folder (creating its lock file failed): \(SystemError.text(code))"
                )
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let holder = recordedPID(descriptor)
                close(descriptor)
                if code == EWOULDBLOCK || code == EAGAIN { return .busy(holder: holder) }
                throw WriteFailure(path: lockPath, message: "cannot lock the output folder: \(SystemError.text(code))")
            }
            var opened = stat()
            guard fstat(descriptor, &opened) == 0,
                let named = DirectoryEntries.status(of: fileName, in: folder.descriptor),
                FileIdentity(opened) == FileIdentity(named)
            else {
                close(descriptor)
                continue
            }
            let previous = recordedPID(descriptor)
            let pid = Array("\(getpid())\n".utf8)
            guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, pid, pid.count, 0) == pid.count else {
                let reason = SystemError.current
                close(descriptor)
                throw WriteFailure(path: lockPath, message: "cannot write the lock file: \(reason)")
            }
            let stale = previous.flatMap { $0 == getpid() ? nil : $0 }
            return .acquired(OutputLock(folder: folder, descriptor: descriptor), staleHolder: stale)
        }
        throw WriteFailure(path: lockPath, message: "cannot lock the output folder: the lock file keeps changing")
    }

    /// Removes the lock file and unlocks (in that order, so no run can lock a file about to vanish
    /// unnoticed).
    func release() {
        guard !released else { return }
        released = true
        unlinkat(folder.descriptor, Self.fileName, 0)
        close(descriptor)
    }

    /// Whether a process with this id still runs.
    static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    private static func recordedPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Int32(text), pid > 0 else { return nil }
        return pid
    }
}
