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
              1  report written, and the --fail-on gate was breached
              2  nothing written: an input is invalid (each message names file and place)
              4  run: reports written, but the evaluation is incomplete (completeness gate set)
              64 usage error (unknown option or framework, missing argument)
              73 nothing written: the reports could not be written (old ones unchanged)
              75 nothing written: another run is writing into the same output folder (or root)
            """,
        version: CrosswalkPipeline.toolVersion,
        subcommands: [
            ReportCommand.self, ImportCommand.self, ImportersCommand.self, CatalogsCommand.self, ControlsCommand.self,
            ValidateCommand.self, KeygenCommand.self, VerifyCommand.self, RunCommand.self,
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
    /// A usage mistake found after parsing, such as an unknown `--framework` id (EX_USAGE).
    static let usage = ExitCode.validationFailure
    /// The report set could not be written (EX_CANTCREAT); the folder keeps its previous reports.
    static let writeFailed = ExitCode(73)
    /// Another run holds the output folder's lock (EX_TEMPFAIL); try again later.
    static let outputBusy = ExitCode(75)
}
