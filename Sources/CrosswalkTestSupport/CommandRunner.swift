import Foundation

/// Runs the built `crosswalk` executable, as the end-to-end tests do.
public enum CommandRunner {
    public struct Result: Sendable {
        public var exitCode: Int32
        public var stdout: String
        public var stderr: String
        /// True when a signal ended the process; `exitCode` then holds the signal number.
        public var terminatedBySignal = false
    }

    /// The folder holding the built products (next to the test bundle).
    public static var productsDirectory: URL {
        let candidates = [
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Fixtures.repositoryRoot.appendingPathComponent(".build/debug"),
        ]
        return candidates.first {
            FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("crosswalk").path)
        } ?? candidates[0]
    }

    /// A process that will run `crosswalk arguments…` in `directory`, without colour.
    static func makeProcess(_ arguments: [String], in directory: URL) -> Process {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("crosswalk")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        return process
    }

    /// Runs `crosswalk arguments…` in `directory` and captures its output and exit code.
    public static func run(_ arguments: [String], in directory: URL = Fixtures.repositoryRoot) throws -> Result {
        try capture(makeProcess(arguments, in: directory))
    }

    /// Runs `crosswalk arguments…` as ``run(_:in:)`` does, but unable to make any file larger than
    /// `fileSizeLimit` bytes (`RLIMIT_FSIZE`, with `SIGXFSZ` ignored): a write past it fails with
    /// `EFBIG`, as on a full disk.
    public static func run(
        _ arguments: [String],
        fileSizeLimit: Int,
        in directory: URL = Fixtures.repositoryRoot
    ) throws -> Result {
        let process = makeProcess(arguments, in: directory)
        let crosswalk = process.executableURL?.path ?? "crosswalk"
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // An ignored signal stays ignored across exec, so the write fails instead of the signal
        // ending the process.
        process.arguments =
            ["-c", #"trap '' XFSZ; exec prlimit --fsize="$0" "$@""#, String(fileSizeLimit), crosswalk] + arguments
        return try capture(process)
    }

    /// Runs `process` to its end and captures its output and exit code.
    private static func capture(_ process: Process) throws -> Result {
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            exitCode: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }

    /// A new empty temporary folder.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
