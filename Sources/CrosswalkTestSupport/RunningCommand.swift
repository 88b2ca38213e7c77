import Foundation

/// A `crosswalk` process started in the background, for end-to-end tests that run two at once or
/// stop one midway. Its output goes to files, so a chatty process never blocks on a full pipe.
public final class RunningCommand: @unchecked Sendable {
    private let process: Process
    private let stdoutFile: URL
    private let stderrFile: URL

    /// The process id, for `kill`.
    public var pid: Int32 { process.processIdentifier }

    init(process: Process, stdoutFile: URL, stderrFile: URL) {
        self.process = process
        self.stdoutFile = stdoutFile
        self.stderrFile = stderrFile
    }

    /// Whether the process is still running.
    public var isRunning: Bool { process.isRunning }

    /// Waits for the process to end and returns its output; `exitCode` is the signal number when
    /// `terminatedBySignal` is true.
    public func waitForExit() throws -> CommandRunner.Result {
        process.waitUntilExit()
        var result = CommandRunner.Result(
            exitCode: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: stdoutFile), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderrFile), as: UTF8.self)
        )
        result.terminatedBySignal = process.terminationReason == .uncaughtSignal
        try? FileManager.default.removeItem(at: stdoutFile.deletingLastPathComponent())
        return result
    }
}

extension CommandRunner {
    /// Starts `crosswalk arguments…` in `directory` without waiting for it.
    public static func start(
        _ arguments: [String],
        in directory: URL = Fixtures.repositoryRoot
    ) throws -> RunningCommand {
        let outputFolder = try temporaryDirectory()
        let stdoutFile = outputFolder.appendingPathComponent("stdout")
        let stderrFile = outputFolder.appendingPathComponent("stderr")
        try Data().write(to: stdoutFile)
        try Data().write(to: stderrFile)
        let process = makeProcess(arguments, in: directory)
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
        return RunningCommand(process: process, stdoutFile: stdoutFile, stderrFile: stderrFile)
    }
}
