import CrosswalkCore
import Foundation

/// The executable's read access to the file system: reading input files, finding them in a folder,
/// and reading template overrides. Writing reports is `ReportSetWriter`'s job.
enum FileAccess {
    /// Reads a regular file of at most `limit` bytes, or throws a diagnostic naming it.
    ///
    /// Folders, named pipes, devices and sockets are refused before anything is read, and the size
    /// is checked on the opened descriptor before reading, so an oversized file costs no memory.
    /// With `followingSymlinks` false, a symbolic link is refused as well.
    ///
    /// With `mapping`, a file of at least ``mappingThreshold`` bytes is mapped into memory rather
    /// than copied (``MappedFile``), for large inventories.
    static func read(
        _ path: String,
        limit: ByteCount = .defaultInputLimit,
        followingSymlinks: Bool = true,
        mapping: Bool = false
    ) throws -> InputFile {
        var info = stat()
        guard (followingSymlinks ? stat(path, &info) : lstat(path, &info)) == 0 else {
            if errno == ENOENT { throw Diagnostic(.error, file: path, message: "no such file") }
            throw Diagnostic(.error, file: path, message: "cannot read the file: \(SystemError.current)")
        }
        if !followingSymlinks && info.st_mode & S_IFMT == S_IFLNK {
            throw Diagnostic(.error, file: path, message: symbolicLinkMessage)
        }
        try requireRegularFile(info, path)
        // O_NONBLOCK: should the file be swapped for a named pipe after the check, opening it does
        // not wait for a writer; fstat below then refuses it.
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingSymlinks ? 0 : O_NOFOLLOW)
        let descriptor = open(path, flags)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw Diagnostic(.error, file: path, message: symbolicLinkMessage) }
            throw Diagnostic(.error, file: path, message: "cannot open the file: \(SystemError.current)")
        }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else {
            throw Diagnostic(.error, file: path, message: "cannot read the file: \(SystemError.current)")
        }
        try requireRegularFile(info, path)
        let size = Int64(info.st_size)
        guard size <= limit.bytes else { throw tooLarge(path, size: size, limit: limit) }
        if mapping, size >= mappingThreshold, let mapped = MappedFile(descriptor: descriptor, size: Int(size)) {
            return InputFile(path: path, external: mapped)
        }
        return InputFile(path: path, bytes: try readAll(descriptor, path: path, expected: Int(size), limit: limit))
    }

    /// Files at least this large are mapped rather than copied when the caller allows it.
    static let mappingThreshold: Int64 = 16 << 20

    private static let symbolicLinkMessage =
        "is a symbolic link; template overrides must be regular files inside the templates folder (copy the file instead of linking it)"

    private static func requireRegularFile(_ info: stat, _ path: String) throws {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw Diagnostic(.error, file: path, message: "is a folder; expected a file")
        case S_IFIFO: throw Diagnostic(.error, file: path, message: "is a named pipe (FIFO); expected a regular file")
        case S_IFCHR, S_IFBLK: throw Diagnostic(.error, file: path, message: "is a device; expected a regular file")
        case S_IFSOCK: throw Diagnostic(.error, file: path, message: "is a socket; expected a regular file")
        default: throw Diagnostic(.error, file: path, message: "is not a regular file")
        }
    }

    private static func tooLarge(_ path: String, size: Int64, limit: ByteCount) -> Diagnostic {
        Diagnostic(
            .error,
            file: path,
            message:
                "the file is \(ByteCount(bytes: size).readableText), more than the input size limit of \(limit.readableText); raise the limit with --max-input-size if the file is expected to be this large"
        )
    }

    /// Reads to the end of the file; a file that grows past `limit` while being read is refused.
    private static func readAll(_ descriptor: Int32, path: String, expected: Int, limit: ByteCount) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: expected)
        var filled = 0
        while true {
            if filled == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: 64 * 1024))
            }
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return readBytes(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(.error, file: path, message: "cannot read the file: \(SystemError.current)")
            }
            if count == 0 { break }
            filled += count
            if Int64(filled) > limit.bytes { throw tooLarge(path, size: Int64(filled), limit: limit) }
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The first of `stem.yaml`, `stem.yml`, `stem.json`, `stem.jsonl` present in `folder`.
    static func find(_ stem: String, in folder: String, extensions: [String]) -> String? {
        for ext in extensions {
            let path = (folder as NSString).appendingPathComponent("\(stem).\(ext)")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// Every `.mustache` file directly inside `folder`. A `.mustache` entry that is a symbolic link
    /// is refused: it could make a report copy any file the run can read.
    static func templates(in folder: String, limit: ByteCount = .defaultInputLimit) throws -> [InputFile] {
        guard isDirectory(folder) else {
            throw Diagnostic(.error, file: folder, message: "the templates folder does not exist")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }
            .sorted()
        return try names.map {
            try read((folder as NSString).appendingPathComponent($0), limit: limit, followingSymlinks: false)
        }
    }

    static func currentTime() -> Timestamp {
        Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}

/// `read(2)`, named apart from `FileAccess.read`.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
