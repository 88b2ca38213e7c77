import ArgumentParser
import CrosswalkCore
import CrosswalkHistory

/// `crosswalk diff`: which non-pass findings are new, resolved or unchanged between two runs,
/// given as two JSON reports or as two run ids of a history database.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two runs' findings: new, resolved and unchanged, by control and subject.",
        discussion: """
            OLD and NEW are two crosswalk-report.json files, or with --database two run ids from \
            `crosswalk history`. A finding is a result that is not a pass or not-applicable (fail, \
            accepted, error, not-assessed), identified by control and subject. See docs/diff.md.

            Examples:
              crosswalk diff reports/2026-10/crosswalk-report.json reports/2026-11/crosswalk-report.json
              crosswalk diff 20261031T000000Z 20261101T000000Z --database history.sqlite --format json

            Exit codes: 0 compared; 2 a report is missing or invalid, or a run id is unknown; 64 usage error.
            """
    )

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md
        case json
    }

    @Argument(help: "The older run: a crosswalk-report.json, or a run id with --database.")
    var old: String

    @Argument(help: "The newer run: a crosswalk-report.json, or a run id with --database.")
    var new: String

    @Option(name: .long, help: "Output format: md (Markdown) or json.")
    var format: Format = .md

    @Option(
        name: .long,
        help: ArgumentHelp("Read OLD and NEW as run ids from this history database.", valueName: "path")
    )
    var database: String?

    func run() throws {
        let diff: FindingSetDiff
        do {
            diff = try compare()
        } catch let error as HistoryError {
            Terminal.printError("crosswalk: \(error)")
            throw CrosswalkExit.invalidInput
        } catch let diagnostic as Diagnostic {
            Terminal.printDiagnostics([diagnostic])
            Terminal.printError("crosswalk: nothing compared")
            throw CrosswalkExit.invalidInput
        }
        switch format {
        case .md: Terminal.printLines(diff.markdown, toStandardError: false)
        case .json: Terminal.printJSON(try diff.json())
        }
    }

    private func compare() throws -> FindingSetDiff {
        if let database {
            let store = try HistoryDatabase.open(database)
            return FindingSetDiff(
                old: old,
                new: new,
                oldFindings: try store.findings(ofRun: old),
                newFindings: try store.findings(ofRun: new)
            )
        }
        return FindingSetDiff(
            old: old,
            new: new,
            oldFindings: try ReportFindingReader.findings(in: FileAccess.read(old).bytes, file: old),
            newFindings: try ReportFindingReader.findings(in: FileAccess.read(new).bytes, file: new)
        )
    }
}
