import ArgumentParser
import CrosswalkCore

/// The `crosswalk` command: maps non-human identities onto security frameworks.
@main
struct CrosswalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosswalk",
        abstract: "Measure non-human identities against OWASP, CSA MAESTRO and NIST frameworks.",
        discussion: """
            Exit codes:
              0  report written (or files valid)
              1  report written, and the --fail-on gate was breached
              2  nothing written: invalid input (the messages say which file, where and what was expected)
              64 usage error (unknown option, missing argument)
              73 nothing written: the reports could not be written (the previous reports are unchanged)
              75 nothing written: another run is writing into the same output folder
            """,
        version: ReportBuilder.toolVersion,
        subcommands: [ReportCommand.self, CatalogsCommand.self, ControlsCommand.self, ValidateCommand.self],
        defaultSubcommand: nil
    )
}

/// Exit codes the documentation promises; only the executable decides them.
enum CrosswalkExit {
    static let gateBreached = ExitCode(1)
    static let invalidInput = ExitCode(2)
    /// The report set could not be written (EX_CANTCREAT); the folder keeps its previous reports.
    static let writeFailed = ExitCode(73)
    /// Another run holds the output folder's lock (EX_TEMPFAIL); try again later.
    static let outputBusy = ExitCode(75)
}
