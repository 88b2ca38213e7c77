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
}
