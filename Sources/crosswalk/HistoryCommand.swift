import ArgumentParser
import CrosswalkCore
import CrosswalkHistory
import Foundation

/// `crosswalk history`: lists the runs recorded in a history database, oldest first, with their
/// framework scores and how their non-pass findings changed from the run before.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the runs in a history database: scores, findings, new and resolved.",
        discussion: """
            Each run is listed by id (its UTC timestamp), with its non-pass findings and how many \
            were new, resolved or came back since the run before, then each framework's score. \
            See docs/history.md.

            Example:
              crosswalk history --database reports/history.sqlite

            Exit codes: 0 listed; 2 the database is missing, damaged or locked; 64 usage error.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The history database to read.", valueName: "path"))
    var database: String

    @Flag(name: .long, help: "Print the runs as JSON.")
    var json = false

    func run() throws {
        let runs: [RunSummary]
        do {
            runs = try HistoryDatabase.open(database).runs()
        } catch let error as HistoryError {
            Terminal.printError("crosswalk: \(error)")
            throw CrosswalkExit.invalidInput
        } catch let diagnostic as Diagnostic {
            Terminal.printDiagnostics([diagnostic])
            throw CrosswalkExit.invalidInput
        }
        if json {
            Terminal.printJSON(try JSONOutput.encode(runs.map(RunListing.init)))
            return
        }
        if runs.isEmpty {
            Terminal.printLine("No runs recorded in \(database).")
            return
        }
        for summary in runs {
            let findings = Counted.phrase(summary.findingCount, "non-pass finding", "non-pass findings")
            Terminal.printLine(
                "\(summary.run.id)  \(summary.run.generatedAt.iso8601)  \(findings) "
                    + "(\(summary.newCount) new, \(summary.resolvedCount) resolved, "
                    + "\(Counted.phrase(summary.regressionCount, "regression", "regressions")))"
            )
            let scores = summary.scores.map { score in
                "\(score.catalogID) \(score.score.map { "\(Int(($0 * 100).rounded()))%" } ?? "n/a")"
            }
            if !scores.isEmpty { Terminal.printLine("    " + scores.joined(separator: ", ")) }
        }
    }

    /// One run in `--json` output.
    struct RunListing: Encodable {
        var id: String
        var generatedAt: String
        var toolVersion: String
        var configHash: String
        var findings: Int
        var new: Int
        var resolved: Int
        var regressions: Int
        var scores: [Score]

        struct Score: Encodable {
            var catalog: String
            /// Fraction 0…1; null when no mapping was live.
            var score: Double?

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(catalog, forKey: .catalog)
                try container.encode(score, forKey: .score)
            }

            enum CodingKeys: String, CodingKey { case catalog, score }
        }

        init(_ summary: RunSummary) {
            id = summary.run.id
            generatedAt = summary.run.generatedAt.iso8601
            toolVersion = summary.toolVersion
            configHash = summary.configHash
            findings = summary.findingCount
            new = summary.newCount
            resolved = summary.resolvedCount
            regressions = summary.regressionCount
            scores = summary.scores.map { Score(catalog: $0.catalogID, score: $0.score) }
        }
    }
}

/// Opening an existing history database for the read-only commands (`history`, `diff`).
enum HistoryDatabase {
    /// The history at `path`; a diagnostic when there is no such file (the read-only commands
    /// never create one).
    static func open(_ path: String) throws -> HistoryStore {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Diagnostic(.error, file: path, message: "no such history database (a run with history: creates it)")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw Diagnostic(.error, file: path, message: "is not a file: expected a history database")
        }
        return try HistoryStore(path: path)
    }
}
