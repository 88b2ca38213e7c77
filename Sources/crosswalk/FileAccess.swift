import CrosswalkCore
import Foundation

/// The executable's file system access: reading inputs, finding them in a folder, writing reports.
enum FileAccess {
    /// Reads a file, or throws a diagnostic naming it.
    static func read(_ path: String) throws -> InputFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic(.error, file: path, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw Diagnostic(.error, file: path, message: "is a folder; expected a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(.error, file: path, message: "cannot read the file (permissions?)")
        }
        return InputFile(path: path, bytes: Array(data))
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

    /// Every `.mustache` file directly inside `folder`.
    static func templates(in folder: String) throws -> [InputFile] {
        guard isDirectory(folder) else {
            throw Diagnostic(.error, file: folder, message: "the templates folder does not exist")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }
            .sorted()
        return try names.map { try read((folder as NSString).appendingPathComponent($0)) }
    }

    /// Writes every file or none: each is written to a temporary file in the output folder first,
    /// then all are renamed into place.
    static func writeAtomically(_ files: [(name: String, bytes: [UInt8])], into folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(
                .error,
                file: folder,
                message: "cannot create the output folder: \(error.localizedDescription)"
            )
        }
        var staged: [(temporary: URL, final: URL)] = []
        do {
            for file in files {
                let final = URL(fileURLWithPath: folder).appendingPathComponent(file.name)
                let temporary = URL(fileURLWithPath: folder).appendingPathComponent(
                    ".\(file.name).\(ProcessInfo.processInfo.processIdentifier).tmp"
                )
                try Data(file.bytes).write(to: temporary)
                staged.append((temporary, final))
            }
            for file in staged {
                if rename(file.temporary.path, file.final.path) != 0 {
                    throw Diagnostic(
                        .error,
                        file: file.final.path,
                        message: "cannot move the report into place: \(String(cString: strerror(errno)))"
                    )
                }
            }
        } catch {
            for file in staged { try? FileManager.default.removeItem(at: file.temporary) }
            if let diagnostic = error as? Diagnostic { throw diagnostic }
            throw Diagnostic(.error, file: folder, message: "cannot write the report: \(error.localizedDescription)")
        }
    }

    static func currentTime() -> Timestamp {
        Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
