import ArgumentParser
import CrosswalkCore
import Foundation

/// `crosswalk keygen`: creates an Ed25519 key pair for signing report manifests (`report --sign`)
/// and checking them (`verify --key`).
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create an Ed25519 key pair to sign report manifests (report --sign) and check them (verify --key).",
        discussion: """
            Writes the private key to PREFIX (mode 0600; keep it secret) and the public key to \
            PREFIX.pub (give it to whoever checks reports). Never replaces an existing file. The \
            formats are in docs/report-manifest.md.

            Example:
              crosswalk keygen --out keys/crosswalk
              crosswalk report examples/acme --output reports/acme --sign keys/crosswalk
              crosswalk verify reports/acme --key keys/crosswalk.pub

            Exit codes: 0 keys written; 64 usage error; 73 nothing written (a file exists or \
            cannot be created).
            """
    )

    @Option(name: .long, help: ArgumentHelp("Where to write the keys: PREFIX and PREFIX.pub.", valueName: "prefix"))
    var out: String

    func run() throws {
        let key = ManifestSigningKey()
        let privatePath = out
        let publicPath = out + ".pub"
        for path in [privatePath, publicPath] {
            var info = stat()
            if lstat(path, &info) == 0 {
                Terminal.printDiagnostics([
                    Diagnostic(.error, file: path, message: "already exists; keygen never replaces a file")
                ])
                Terminal.printError("crosswalk: nothing written")
                throw CrosswalkExit.writeFailed
            }
        }
        do {
            try Self.create(privatePath, bytes: key.keyFile, mode: 0o600)
        } catch let diagnostic as Diagnostic {
            Terminal.printDiagnostics([diagnostic])
            Terminal.printError("crosswalk: nothing written")
            throw CrosswalkExit.writeFailed
        }
        do {
            try Self.create(publicPath, bytes: key.publicKey.keyFile, mode: 0o644)
        } catch let diagnostic as Diagnostic {
            _ = unlink(privatePath)
            Terminal.printDiagnostics([diagnostic])
            Terminal.printError("crosswalk: nothing written")
            throw CrosswalkExit.writeFailed
        }
        Terminal.printLine("Wrote \(privatePath) (private key, mode 0600: keep it secret; report --sign takes it)")
        Terminal.printLine("Wrote \(publicPath) (public key: verify --key takes it)")
        Terminal.printLine("Public key SHA-256: \(key.publicKey.fingerprint)")
    }

    /// Creates a new file (never replacing anything, never through a symbolic link) with `mode`,
    /// whatever the umask, and flushes it to disk.
    private static func create(_ path: String, bytes: [UInt8], mode: mode_t) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            let reason =
                errno == EEXIST
                ? "already exists; keygen never replaces a file" : "cannot create: \(SystemError.current)"
            throw Diagnostic(.error, file: path, message: reason)
        }
        defer { close(descriptor) }
        var failed = fchmod(descriptor, mode) != 0
        var written = 0
        while !failed && written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { failed = true } else { written += count }
        }
        if failed || fsync(descriptor) != 0 {
            let error = SystemError.current
            _ = unlink(path)
            throw Diagnostic(.error, file: path, message: "cannot write the key: \(error)")
        }
    }
}
