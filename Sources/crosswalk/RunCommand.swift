import ArgumentParser
import CrosswalkCore
import Foundation

/// `crosswalk run`: the unattended (nightly) job. Reads a run config, writes one dated report
/// folder under the output root as a set, points `ROOT/latest` at it, prunes old runs, and exits
/// with a code a scheduler can act on.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the configured job: a dated report folder, latest, retention and gates.",
        discussion: """
            The config file (YAML or JSON, version 1; docs/run-config.md) names the inputs, \
            frameworks, output root, history, gates and limits; relative paths in it are relative \
            to its folder. Each run writes ROOT/<UTC time, e.g. 20261101T000000Z>/ as one report \
            set, then points ROOT/latest at it; a run that fails changes neither. One run at a \
            time per root. Each run is recorded in the history database (ROOT/history.sqlite \
            unless the config names another), and its reports say what changed since the previous \
            recorded run (docs/history.md). Scheduling: docs/scheduling.md.

            Gate options override the config's gates.

            Examples:
              crosswalk run --config examples/nightly/crosswalk.yaml
              crosswalk run --config crosswalk.yaml --quiet --fail-on high
              crosswalk run --config crosswalk.yaml --now 2026-11-01T00:00:00Z --verbose

            Exit codes: 0 reports written, no gate breached; 1 reports written and a gate \
            breached; 2 nothing written because the config or an input is invalid; 4 reports \
            written but the evaluation is incomplete while the completeness gate is set; 5 reports \
            written but the run history could not be used, so the run is not recorded; 64 usage \
            error (including an unknown catalog id in the config); 73 nothing written because the \
            run could not be written (the run folder exists, a write failed); 75 nothing written \
            because another run holds the output root.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The run config file (YAML or JSON).", valueName: "file"))
    var config: String

    @Option(
        name: .long,
        help: "The run's time, ISO 8601 (e.g. 2026-11-01T00:00:00Z): evaluation time and folder name. Defaults to now."
    )
    var now: String?

    @Option(
        name: .customLong("fail-on"),
        help: "Gate: exit 1 when a control of this severity or worse fails: critical, high, medium, low."
    )
    var failOn: String?

    @Option(
        name: .customLong("gate-new-failures"),
        help: "Gate: exit 1 when a failure new since the previous run has this severity or worse."
    )
    var gateNewFailures: String?

    @Option(
        name: .customLong("gate-min-score"),
        help: ArgumentHelp(
            "Gate: exit 1 when this catalog's score is below PERCENT (0-100). Repeatable.",
            valueName: "id=percent"
        )
    )
    var gateMinScore: [RunScoreMinimumArgument] = []

    @Option(
        name: .customLong("gate-max-drop"),
        help: ArgumentHelp(
            "Gate: exit 1 when a score drops by more than this many points since the previous run.",
            valueName: "points"
        )
    )
    var gateMaxDrop: Double?

    @Flag(name: .customLong("gate-complete"), help: "Gate: exit 4 when any result is not-assessed or error.")
    var gateComplete = false

    @Flag(
        name: .shortAndLong,
        help: "Print nothing on standard output; warnings and errors still go to standard error."
    )
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also list the old runs retention removed and the runs kept.")
    var verbose = false

    @Flag(
        name: .long,
        help:
            "Show progress on standard error even when it is not a terminal (shown on a terminal unless --quiet)."
    )
    var progress = false

    func validate() throws {
        for (name, value) in [("--fail-on", failOn), ("--gate-new-failures", gateNewFailures)] {
            if let value, Severity(rawValue: value) == nil {
                throw ValidationError("\(name) takes critical, high, medium or low (got '\(InertText.visible(value))')")
            }
        }
        if let now, Timestamp(iso8601: now) == nil {
            throw ValidationError(
                "--now takes an ISO 8601 time such as 2026-11-01T00:00:00Z (got '\(InertText.visible(now))')"
            )
        }
        if let gateMaxDrop, !(gateMaxDrop >= 0 && gateMaxDrop.isFinite) {
            throw ValidationError("--gate-max-drop takes a number of percentage points, 0 or more")
        }
        if quiet && verbose {
            throw ValidationError("--quiet and --verbose cannot be used together")
        }
    }

    func run() throws {
        let loaded = try loadConfig()
        try RunJob(
            config: loaded.config,
            configFile: loaded.file,
            gates: gates(over: loaded.config.gates),
            inputLimit: loaded.limit,
            now: now.flatMap { Timestamp(iso8601: $0) },
            quiet: quiet,
            verbose: verbose,
            progress: progress
        ).run()
    }

    /// The config's gates with the command line's gate options applied over them.
    func gates(over configured: GatePolicy) -> GatePolicy {
        var gates = configured
        if let failOn { gates.failuresAtOrAbove = Severity(rawValue: failOn) }
        if let gateNewFailures { gates.newFailuresAtOrAbove = Severity(rawValue: gateNewFailures) }
        for minimum in gateMinScore { gates.minimumScores[minimum.catalogID] = minimum.percent }
        if let gateMaxDrop { gates.maximumScoreDrop = gateMaxDrop }
        if gateComplete { gates.requireCompleteEvidence = true }
        return gates
    }

    /// Reads and checks the config: syntax, keys and values (exit 2), the input size limit (exit
    /// 2), and the catalog ids against the loaded catalogs, the config's and `--gate-min-score`'s
    /// (exit 64).
    private func loadConfig() throws -> (config: RunConfig, file: InputFile, limit: ByteCount) {
        let config: RunConfig
        let file: InputFile
        var limit = ByteCount.defaultInputLimit
        var known: [String] = []
        do {
            file = try FileAccess.read(self.config, limit: .defaultInputLimit)
            config = try RunConfigLoader(knownFormats: ReportRenderers.formats).load(file)
            if let size = config.maxInputSize {
                guard let parsed = ByteCount(argument: size.value) else {
                    throw Diagnostic(
                        .error,
                        file: config.file,
                        location: size.location,
                        keyPath: size.keyPath,
                        message: "expected a size such as 500M or 2G (binary units)"
                    )
                }
                limit = parsed
            }
            let catalogs = try config.inputs.catalogs.map { try FileAccess.read($0, limit: limit) }
            known = try CatalogLoader().load(user: catalogs).catalogs.map(\.id)
        } catch {
            throw CrosswalkExit.forInputError(error)
        }
        var unknown = config.unknownCatalogs(known: known)
        for minimum in gateMinScore where !known.contains(minimum.catalogID) {
            unknown.append(
                Diagnostic(
                    .error,
                    file: "--gate-min-score",
                    message:
                        "unknown catalog id \(Diagnostic.quoted(minimum.catalogID)); expected one of \(known.joined(separator: ", ")) (see `crosswalk catalogs`)"
                )
            )
        }
        if !unknown.isEmpty {
            Terminal.printDiagnostics(unknown)
            Terminal.printError("  See 'crosswalk catalogs' and docs/run-config.md.")
            throw CrosswalkExit.usage
        }
        return (config, file, limit)
    }
}
