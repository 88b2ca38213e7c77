import ArgumentParser
import CrosswalkCore

/// `crosswalk validate`: checks input files and reports every problem, writing nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check inventory, policy, catalog and mapping files.",
        discussion: "Exit codes: 0 every file is valid; 2 at least one file is invalid."
    )

    @Argument(help: "Files to check. Inventories are checked together, so references may cross files.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to check") }
    }

    func run() throws {
        var inputs: [InputFile] = []
        var unreadable: [Diagnostic] = []
        for path in files {
            do { inputs.append(try FileAccess.read(path)) } catch let diagnostic as Diagnostic {
                unreadable.append(diagnostic)
            }
        }
        let (outcomes, warnings) = FileValidator().validate(inputs)
        Terminal.printDiagnostics(unreadable)
        Terminal.printDiagnostics(warnings)
        var failed = !unreadable.isEmpty
        for outcome in outcomes {
            if outcome.errors.isEmpty, let kind = outcome.kind {
                print("\(outcome.file): valid \(kind.rawValue)")
            } else {
                failed = true
                Terminal.printDiagnostics(outcome.errors)
            }
        }
        if failed { throw CrosswalkExit.invalidInput }
    }
}
