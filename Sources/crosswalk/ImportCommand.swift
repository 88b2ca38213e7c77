import ArgumentParser
import CrosswalkCore
import Foundation

/// `crosswalk import`: converts platform exports to Crosswalk's native inventory format, for
/// review before (or instead of) importing them on every run.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert platform exports to a native inventory (JSON) for review.",
        discussion: """
            Reads every PATH as KIND (see `crosswalk importers`; auto detects each file's kind), \
            joins them as `crosswalk report --import` would, and writes the identities and roles \
            as a version 1 inventory. Each record keeps where it was read (origin) and which \
            fields its source cannot tell (unreported), so `crosswalk report --inventory` on the \
            result gives the same findings.

            Examples:
              crosswalk import aws-credential-report credential-report.csv --output aws.json
              crosswalk import auto cluster.json sp-list.json --output merged.json

            Exit codes: 0 written; 2 nothing written because an export is invalid; 64 usage \
            error; 73 the output could not be written.
            """
    )

    @Argument(help: "The export kind (see `crosswalk importers`), or auto.")
    var kind: String

    @Argument(help: "Export files of that kind.")
    var paths: [String]

    @Option(name: .long, help: "Where to write the inventory (JSON); standard output when omitted.")
    var output: String?

    @Flag(name: .long, help: "Print no warnings or notes.")
    var quiet = false

    func validate() throws {
        for path in paths { _ = try ImportArgument("\(kind)=\(path)") }
        if paths.isEmpty { throw ValidationError("name at least one export file") }
    }

    func run() throws {
        var errors: [Diagnostic] = []
        var inputs: [ImportSession.Input] = []
        for path in paths {
            do {
                inputs.append(ImportSession.Input(kind: kind, file: try FileAccess.read(path)))
            } catch let diagnostic as Diagnostic {
                errors.append(diagnostic)
            }
        }
        guard errors.isEmpty else {
            Terminal.printDiagnostics(errors)
            throw CrosswalkExit.invalidInput
        }
        let imported = ImportSession.run(inputs)
        guard imported.errors.isEmpty else {
            Terminal.printDiagnostics(imported.errors + imported.warnings)
            Terminal.printError("crosswalk: nothing written: fix the error(s) above")
            throw CrosswalkExit.invalidInput
        }
        if !quiet {
            for source in imported.sources where source.detected {
                Terminal.printError("\(source.file): note: auto read it as \(source.kind)")
            }
            var gaps = SourceGapTally()
            gaps.add(imported.identities)
            Terminal.printDiagnostics(imported.warnings + gaps.warnings(overlayGiven: false))
        }
        let bytes = Data(NativeInventoryWriter.jsonBytes(identities: imported.identities, roles: imported.roles))
        guard let output else {
            FileHandle.standardOutput.write(bytes)
            return
        }
        do {
            try bytes.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Terminal.printDiagnostics([
                Diagnostic(.error, file: output, message: "could not be written: \(error.localizedDescription)")
            ])
            throw CrosswalkExit.writeFailed
        }
        if !quiet {
            Terminal.printError(
                "wrote \(output): \(Counted.phrase(imported.identities.count, "identity", "identities")), \(Counted.phrase(imported.roles.count, "role", "roles"))"
            )
        }
    }
}
