import Foundation

/// The `--output` folder, created with its parents when missing and then held open: every later
/// step (lock, staging, commit) works relative to this descriptor. The folder itself may be a
/// symbolic link to another folder; report names inside it are never followed.
final class OutputFolder {
    /// The folder as the user named it.
    let path: String
    let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Creates the folder (and missing parents) and opens it.
    static func openCreatingIfNeeded(_ path: String) throws(WriteFailure) -> OutputFolder {
        try createWithParents(path)
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw WriteFailure(path: path, message: "cannot open the output folder: \(SystemError.current)")
        }
        return OutputFolder(path: path, descriptor: descriptor)
    }

    /// `path/name`, as messages show it.
    func display(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// `mkdir -p`, with a message naming the first path component that is not a folder.
    private static func createWithParents(_ path: String) throws(WriteFailure) {
        var prefixes: [String] = []
        var current = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + component
            prefixes.append(current)
        }
        for (index, prefix) in prefixes.enumerated() {
            if mkdir(prefix, 0o777) == 0 { continue }
            let code = errno
            var info = stat()
            if code == EEXIST || code == EACCES || code == EROFS, stat(prefix, &info) == 0 {
                if info.st_mode & S_IFMT == S_IFDIR { continue }
                let what =
                    index == prefixes.count - 1
                    ? "the output folder is a file; name a folder with --output"
                    : "cannot create the output folder: \(prefix) is a file, not a folder"
                throw WriteFailure(path: path, message: what)
            }
            throw WriteFailure(
                path: path,
                message: "cannot create the output folder: \(prefix): \(SystemError.text(code))"
            )
        }
    }
}
