import ArgumentParser
import CrosswalkCore

/// The `crosswalk` command: maps non-human identities onto security frameworks.
@main
struct CrosswalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosswalk",
        abstract: "Measure non-human identities against OWASP, CSA MAESTRO and NIST frameworks.",
        discussion: """
            Start with: crosswalk report examples/acme --output reports/example
            Shell completion: crosswalk --generate-completion-script bash|zsh|fish

            Exit codes:
              0  report written (or files valid)
              1  reports written, and a gate was breached (--fail-on; run: the config's gates)
              2  nothing written: an input is invalid (each message names file and place)
              4  run: reports written, but the evaluation is incomplete (completeness gate set)
              5  run: reports written, but the run history could not be read or written
              64 usage error (unknown option or framework, missing argument)
              73 nothing written: the reports could not be written (old ones unchanged)
              75 nothing written: another run is writing into the same output folder (or root)
            """,
        version: CrosswalkPipeline.toolVersion,
        subcommands: [
            ReportCommand.self, ImportCommand.self, ImportersCommand.self, CatalogsCommand.self, ControlsCommand.self,
            ValidateCommand.self, KeygenCommand.self, VerifyCommand.self, RunCommand.self, HistoryCommand.self,
            DiffCommand.self,
        ],
        defaultSubcommand: nil
    )
}

/// Exit codes the documentation promises; only the executable decides them.
enum CrosswalkExit {
    static let gateBreached = ExitCode(1)
    static let invalidInput = ExitCode(2)
    /// `run`: reports written, but the evaluation is incomplete while the completeness gate is set.
    static let incompleteEvaluation = ExitCode(4)
    /// `run`: reports written, but the history database could not be opened, read or written.
    static let historyFailed = ExitCode(5)
    /// A usage mistake found after parsing, such as an unknown `--framework` id (EX_USAGE).
    static let usage = ExitCode.validationFailure
    /// The report set could not be written (EX_CANTCREAT); the folder keeps its previous reports.
    static let writeFailed = ExitCode(73)
    /// Another run holds the output folder's lock (EX_TEMPFAIL); try again later.
    static let outputBusy = ExitCode(75)
}

extension CrosswalkExit {
    /// What a command throws for `error` from reading its inputs: for an ``InputError`` or a
    /// ``Diagnostic``, prints it and that nothing was written, and gives ``invalidInput``; any
    /// other error is given back unchanged.
    static func forInputError(_ error: any Error) -> any Error {
        switch error {
        case let error as InputError:
            Terminal.printDiagnostics(error.diagnostics)
            Terminal.printError("crosswalk: nothing written: fix the error(s) above")
        case let diagnostic as Diagnostic:
            Terminal.printDiagnostics([diagnostic])
            Terminal.printError("crosswalk: nothing written: fix the error above")
        default:
            return error
        }
        return invalidInput
    }
}
