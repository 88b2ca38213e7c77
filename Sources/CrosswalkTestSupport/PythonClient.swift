import Foundation

/// Runs an independent Python client (jsonschema, junitparser, compliance-trestle) on an export,
/// for tests that check Crosswalk's output with someone else's reader.
///
/// The interpreter is `CROSSWALK_PYTHON`, else `.venv-tests/bin/python` in the repository (which
/// `.ci/run` creates from `tools/requirements-tests.txt`). When neither has the module a test
/// needs, ``available(_:)`` is false: tests skip locally, and fail on CI (`CI` set), where the
/// clients must be installed.
public enum PythonClient {
    public struct Result: Sendable {
        public var exitCode: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The interpreter to use, if one exists.
    public static var interpreter: URL? {
        if let configured = ProcessInfo.processInfo.environment["CROSSWALK_PYTHON"], !configured.isEmpty {
            return URL(fileURLWithPath: configured)
        }
        let local = Fixtures.url(".venv-tests/bin/python")
        return FileManager.default.isExecutableFile(atPath: local.path) ? local : nil
    }

    /// Whether the interpreter can import every module named.
    public static func available(_ modules: String...) -> Bool {
        guard interpreter != nil else { return false }
        let probe = (try? run(script: modules.map { "import \($0)" }.joined(separator: "\n"), arguments: []))
        return probe?.exitCode == 0
    }

    /// Whether a missing client must fail the test rather than skip it (on CI).
    public static var required: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Runs `script` (Python source) with `arguments` as `sys.argv[1...]`.
    public static func run(script: String, arguments: [String]) throws -> Result {
        guard let interpreter else {
            return Result(exitCode: 127, stdout: "", stderr: "no Python interpreter for the export clients")
        }
        let process = Process()
        process.executableURL = interpreter
        process.arguments = ["-c", script] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            exitCode: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }
}
