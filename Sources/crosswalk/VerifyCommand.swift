import ArgumentParser
import CrosswalkCore
import Foundation

/// `crosswalk verify`: checks a report folder against its `manifest.json`, and the manifest's
/// signature when given the public key.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that a report folder is exactly the set its manifest.json lists, and its signature.",
        discussion: """
            Recomputes the SHA-256 of every file manifest.json lists and names each file that was \
            changed, removed or added (any entry the manifest does not list, but the manifest, its \
            signature and a run's hidden working names). With --key, checks the Ed25519 signature \
            in manifest.json.sig. With --inputs, also re-hashes the inputs found at their recorded \
            paths. See docs/report-manifest.md.

            Examples:
              crosswalk verify reports/acme
              crosswalk verify reports/acme --key keys/crosswalk.pub

            Exit codes: 0 everything matches; 3 a file, an input or the signature does not match \
            (each named on standard error); 2 nothing checked: no manifest.json or an unreadable \
            key; 64 usage error.
            """
    )

    @Argument(help: "The report folder holding manifest.json.")
    var folder: String

    @Option(name: .long, help: ArgumentHelp("Check the signature with this public key file.", valueName: "pubfile"))
    var key: String?

    @Flag(name: .long, help: "Also re-hash the inputs the manifest lists, where they are found at their paths.")
    var inputs = false

    @Flag(name: .shortAndLong, help: "Print nothing on standard output; problems still go to standard error.")
    var quiet = false

    /// Exit code when the folder does not match its manifest or the signature fails.
    static let mismatch = ExitCode(3)

    func run() throws {
        let manifestPath = path(ReportManifest.fileName)
        let verificationKey: ManifestVerificationKey?
        let manifestBytes: [UInt8]
        do {
            guard FileAccess.isDirectory(folder) else {
                throw Diagnostic(.error, file: folder, message: "is not a folder")
            }
            var info = stat()
            if lstat(manifestPath, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK {
                Terminal.printError(
                    Self.line(manifestPath, "replaced: a symbolic link; a report run writes the manifest as a file")
                )
                throw Self.mismatch
            }
            manifestBytes = try FileAccess.read(manifestPath, followingSymlinks: false).bytes
            verificationKey = try key.map { keyPath in
                do {
                    return try ManifestVerificationKey(keyFile: try FileAccess.read(keyPath).bytes)
                } catch let error as ManifestReadError {
                    throw Diagnostic(.error, file: keyPath, message: "--key: \(error.message)")
                }
            }
        } catch let diagnostic as Diagnostic {
            Terminal.printDiagnostics([diagnostic])
            Terminal.printError("crosswalk: nothing verified")
            throw CrosswalkExit.invalidInput
        }
        let signaturePath = path(ReportManifest.signatureFileName)
        let signatureFile = try? FileAccess.read(signaturePath, followingSymlinks: false).bytes
        let manifest: ReportManifest?
        var problems: [ManifestProblem] = []
        var failures: [String] = []
        do {
            manifest = try ManifestReader.read(manifestBytes)
        } catch {
            manifest = nil
            failures.append(Self.line(manifestPath, "not a manifest this version can check: \(error.message)"))
        }
        if let manifest {
            problems += ManifestVerifier.compare(manifest, with: try entries(listedIn: manifest))
        }
        if let verificationKey {
            let signatureProblems = ManifestVerifier.checkSignature(
                manifestBytes: manifestBytes,
                signatureFile: signatureFile,
                key: verificationKey,
                signedBy: manifest?.signature?.publicKeySHA256
            )
            let alreadyRemoved = problems.contains(.removed(name: ReportManifest.signatureFileName))
            problems += signatureProblems.filter { !(alreadyRemoved && $0 == .signatureMissing) }
        }
        for problem in problems {
            failures.append(Self.line(path(problem.name ?? ""), problem.description))
        }
        var checkedInputs = 0
        if inputs, let manifest {
            let (inputFailures, checked) = checkInputs(manifest)
            failures += inputFailures
            checkedInputs = checked
        }
        failures.forEach(Terminal.printError)
        guard failures.isEmpty, let manifest else {
            Terminal.printError(
                "crosswalk: \(folder) does not match its manifest: \(Counted.phrase(failures.count, "problem", "problems"))"
            )
            throw Self.mismatch
        }
        if !quiet { printSummary(manifest, checkedInputs: checkedInputs) }
    }

    private func printSummary(_ manifest: ReportManifest, checkedInputs: Int) {
        let files = Counted.phrase(manifest.files.count, "file matches", "files match")
        Terminal.printLine(
            "OK: \(files) \(path(ReportManifest.fileName)) (crosswalk \(manifest.toolVersion), clock \(manifest.clock.time.iso8601))."
        )
        if let key = key, let signature = manifest.signature {
            Terminal.printLine("Signature valid: signed by the key in \(key) (SHA-256 \(signature.publicKeySHA256)).")
        } else if let signature = manifest.signature {
            Terminal.printLine(
                "Signed by the key with SHA-256 \(signature.publicKeySHA256), not checked: pass --key PUBFILE to check it."
            )
        } else {
            Terminal.printLine("Not signed: anyone who can write the folder can rewrite the manifest too.")
        }
        if inputs {
            Terminal.printLine(
                "Inputs: \(Counted.phrase(checkedInputs, "input found at its path matches", "inputs found at their paths match"))."
            )
        }
    }

    /// `PATH: error: MESSAGE`, as diagnostics read, but printed as it is: hashes and key
    /// fingerprints are the point of these messages, so they are not screened as secrets.
    private static func line(_ path: String, _ message: String) -> String {
        "\(path): error: \(message)"
    }

    private func path(_ name: String) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + name
    }

    /// What the folder holds; regular files the manifest lists carry their digest.
    private func entries(listedIn manifest: ReportManifest) throws -> [ManifestFolderEntry] {
        let listed = Set(manifest.files.map(\.name))
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            Terminal.printDiagnostics([Diagnostic(.error, file: folder, message: "cannot list the folder")])
            throw CrosswalkExit.invalidInput
        }
        return names.map { name in
            var info = stat()
            guard lstat(path(name), &info) == 0 else { return ManifestFolderEntry(name: name, kind: .other) }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                return ManifestFolderEntry(name: name, kind: .file(listed.contains(name) ? digest(path(name)) : nil))
            case S_IFDIR: return ManifestFolderEntry(name: name, kind: .folder)
            case S_IFLNK: return ManifestFolderEntry(name: name, kind: .symbolicLink)
            default: return ManifestFolderEntry(name: name, kind: .other)
            }
        }
    }

    /// Re-hashes the user's inputs found at their recorded paths (relative paths from the current
    /// folder) and the bundled ones against this binary's; returns the mismatches and how many matched.
    private func checkInputs(_ manifest: ReportManifest) -> ([String], Int) {
        var failures: [String] = []
        var matched = 0
        let bundled = Dictionary(ManifestInput.bundled.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for input in manifest.inputs {
            let expected = ContentDigest(byteCount: input.byteCount, sha256: input.sha256)
            if input.role.hasPrefix("bundled") {
                guard let mine = bundled[input.path] else { continue }
                if ContentDigest(byteCount: mine.byteCount, sha256: mine.sha256) == expected {
                    matched += 1
                } else {
                    Terminal.printError(
                        "\(input.path): note: this crosswalk bundles a different version than the run used (crosswalk \(manifest.toolVersion))"
                    )
                }
                continue
            }
            guard let actual = digest(input.path) else {
                Terminal.printError("\(input.path): note: not found at this path, not checked (\(input.role))")
                continue
            }
            if actual == expected {
                matched += 1
            } else {
                let problem = ManifestProblem.changed(name: input.path, expected: expected, actual: actual)
                failures.append(Self.line(input.path, "input \(problem.description)"))
            }
        }
        return (failures, matched)
    }

    /// The size and SHA-256 of the regular file at `path`, read in blocks; nil when it cannot be read.
    private func digest(_ path: String) -> ContentDigest? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var digester = ContentDigester()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return digester.finish() }
            buffer.withUnsafeBytes { digester.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }
}
