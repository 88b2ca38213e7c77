import ArgumentParser
import CrosswalkCore
import CrosswalkXML
import Foundation

/// `crosswalk report`: evaluates the inventory and writes the gap reports.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Evaluate an inventory against the controls and write gap reports.",
        discussion: """
            PATH may be a folder holding inventory.{yaml,yml,json,jsonl} and policy.{yaml,yml,json}, \
            or an inventory file. The reports are written into the --output folder as one set: \
            either every new report or the previous ones, never a mix (docs/report-set.md), with \
            manifest.json listing the hashes of the inputs and reports (docs/report-manifest.md).

            Examples:
              crosswalk report examples/acme --output reports/acme
              crosswalk report examples/acme --waivers examples/nightly/waivers.yaml
              crosswalk report --inventory a.jsonl --inventory b.yaml --policy p.yaml
              crosswalk report exports/ --format html --fail-on critical
              crosswalk report exports/ --framework nist-csf-2.0 --quiet
              crosswalk report examples/acme --output reports/acme --sign keys/crosswalk
              crosswalk report --import aws-credential-report=credential-report.csv \\
                --import kubernetes=cluster.json --overlay overlay.yaml

            Exit codes: 0 report written; 1 report written and the --fail-on gate breached; \
            2 nothing written because an input is invalid; 64 usage error; 73 nothing written \
            because the reports could not be written; 75 nothing written because another run is \
            writing into the same output folder.
            """
    )

    @Argument(help: "A folder with inventory.* and policy.*, or an inventory file.")
    var path: String?

    @Option(name: .long, help: "An inventory file (JSON, YAML or JSON Lines). Repeatable.")
    var inventory: [String] = []

    @Option(
        name: .customLong("import"),
        help: ArgumentHelp(
            "A platform export to read, as KIND=PATH (see `crosswalk importers`; KIND auto detects it). Repeatable.",
            valueName: "kind=path"
        )
    )
    var imports: [String] = []

    @Option(
        name: .long,
        help: "An overlay file of owners, environments, trust zones and tags (docs/overlay-format.md)."
    )
    var overlay: String?

    @Option(
        name: .long,
        help: "A waivers file of risk acceptances that turn matching failures into accepted results (docs/waivers.md)."
    )
    var waivers: String?

    @Option(name: .long, help: "The policy snapshot (YAML or JSON). Defaults apply when omitted.")
    var policy: String?

    @Option(name: .long, help: "An extra catalog or mapping file. Repeatable.")
    var catalog: [String] = []

    @Option(name: .long, help: "Report only on this catalog id (see `crosswalk catalogs`). Repeatable.")
    var framework: [String] = []

    @Option(
        name: .long,
        help:
            "Comma-separated formats: md, html, json, xml, csv, junit, sarif, oscal (md and html add an executive summary; csv adds one file per framework)."
    )
    var format: String = "md,html,json,xml,csv,junit,sarif,oscal"

    @Option(name: .long, help: "Output folder.")
    var output: String = "reports"

    @Option(name: .long, help: "Evaluation time, ISO 8601 (e.g. 2026-11-01T00:00:00Z). Defaults to now.")
    var now: String?

    @Option(
        name: .customLong("fail-on"),
        help: "Exit 1 when a control of this severity or worse fails: critical, high, medium, low."
    )
    var failOn: String?

    @Option(name: .long, help: "A folder whose .mustache files replace the bundled templates of the same name.")
    var templates: String?

    @Option(
        name: .customLong("max-input-size"),
        help: ArgumentHelp("Refuse any input file larger than this, e.g. 500M or 2G (binary units).", valueName: "size")
    )
    var maxInputSize: ByteCount = .defaultInputLimit

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Sign manifest.json with this Ed25519 private key (from `crosswalk keygen`), writing manifest.json.sig.",
            valueName: "keyfile"
        )
    )
    var sign: String?

    @Flag(name: .customLong("include-passing"), help: "List passing subjects in the JSON report, not just count them.")
    var includePassing = false

    @Flag(name: .long, help: "Indent the JSON report; it is compact, one result per line, by default.")
    var pretty = false

    @Flag(
        name: .shortAndLong,
        help: "Print nothing on standard output; warnings and errors still go to standard error."
    )
    var quiet = false

    @Flag(
        name: .long,
        help:
            "Show progress on standard error even when it is not a terminal (shown on a terminal unless --quiet)."
    )
    var progress = false

    func validate() throws {
        if let failOn, Severity(rawValue: failOn) == nil {
            throw ValidationError("--fail-on takes critical, high, medium or low (got '\(InertText.visible(failOn))')")
        }
        if let now, Timestamp(iso8601: now) == nil {
            throw ValidationError(
                "--now takes an ISO 8601 time such as 2026-11-01T00:00:00Z (got '\(InertText.visible(now))')"
            )
        }
        let known = ReportRenderers.formats
        for name in formatNames where !known.contains(name) {
            throw ValidationError(
                "--format takes \(ReportRenderers.formatList) (got '\(InertText.visible(name))')"
            )
        }
        if path == nil && inventory.isEmpty && imports.isEmpty {
            throw ValidationError("name a folder holding inventory.* or pass --inventory FILE or --import KIND=PATH")
        }
        for value in imports { _ = try ImportArgument(value) }
    }

    private var formatNames: [String] {
        format.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        do {
            let job = ReportJob(
                path: path,
                inventory: inventory,
                imports: try imports.map(ImportArgument.init),
                overlay: overlay,
                waivers: waivers,
                policy: policy,
                catalog: catalog,
                framework: framework,
                formatNames: formatNames,
                now: now.flatMap { Timestamp(iso8601: $0) } ?? FileAccess.currentTime(),
                nowSource: now == nil ? .system : .option,
                templates: templates,
                maxInputSize: maxInputSize,
                sign: sign,
                includePassing: includePassing,
                pretty: pretty,
                quiet: quiet,
                progress: progress
            )
            let prepared = try job.prepare()
            KeptUntilExit.keep(prepared)
            let outcome = try job.write(prepared, into: output)
            if !quiet {
                ReportJob.printSummary(
                    prepared.report,
                    written: outcome.written,
                    removed: outcome.removed,
                    shownAs: output
                )
            }
            if let failOn, let threshold = Severity(rawValue: failOn),
                !ReportJob.judge(prepared.report, gates: GatePolicy(failuresAtOrAbove: threshold)).isEmpty
            {
                throw CrosswalkExit.gateBreached
            }
        } catch let failure as WriteFailure {
            Terminal.printDiagnostics([failure.diagnostic])
            Terminal.printError("crosswalk: nothing written; any reports already in \(output) are unchanged")
            throw CrosswalkExit.writeFailed
        } catch {
            throw CrosswalkExit.forInputError(error)
        }
    }
}
