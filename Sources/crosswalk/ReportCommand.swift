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
            let signingKey = try sign.map(Self.readSigningKey)
            let request = try makeRequest()
            let report: GapReport
            do {
                let display = ProgressDisplay.make(forced: progress, quiet: quiet)
                defer { display?.finish() }
                report = try CrosswalkPipeline().run(
                    request,
                    spool: try TemporaryResultSpool(),
                    runner: ConcurrentRunner(),
                    progress: display?.handler
                )
            } catch let error as UnknownFrameworkError {
                Terminal.printError("Error: --framework: \(error.message)")
                Terminal.printError("  See 'crosswalk report --help'.")
                throw CrosswalkExit.usage
            }
            if !quiet {
                for source in report.importedSources where source.detected {
                    Terminal.printError("\(source.file): note: --import auto read it as \(source.kind)")
                }
            }
            Terminal.printDiagnostics(report.warnings)
            let templateFiles = try templates.map { try FileAccess.templates(in: $0, limit: maxInputSize) } ?? []
            let reportTemplates = try ReportTemplates(overrides: templateFiles)
            printTemplateOverrides(reportTemplates)
            let registry = ReportRenderers.registry(
                templates: reportTemplates,
                prettyJSON: pretty,
                catalogIDs: report.frameworks.map(\.catalog.id)
            )
            var rendered: [ReportSetWriter.Document] = []
            for name in formatNames {
                for document in registry.documents(forFormat: name)
                where !rendered.contains(where: { $0.name == document.fileName }) {
                    guard let renderer = registry.renderer(for: document) else { continue }
                    rendered.append(
                        ReportSetWriter.Document(name: document.fileName) { sink in
                            try renderer.render(report, to: sink)
                        }
                    )
                }
            }
            let inputPaths =
                (request.inventoryFiles + request.imports.map(\.file)
                + [request.overlayFile, request.policyFile, request.waiversFile].compactMap { $0 }
                + request.catalogFiles
                + templateFiles).map(\.path)
            let manifest = ReportManifest(
                toolVersion: CrosswalkPipeline.toolVersion,
                clock: ManifestClock(time: request.now, source: now == nil ? .system : .option),
                inputs: report.metadata.inputs.map(ManifestInput.init)
                    + templateFiles.map { ManifestInput(role: "template", file: $0) } + ManifestInput.bundled,
                files: []
            )
            let outcome = try writeReportSet(
                rendered,
                inputPaths: inputPaths + [sign].compactMap { $0 },
                manifest: manifest,
                signingKey: signingKey
            )
            if !quiet { printSummary(report, written: outcome.written, removed: outcome.removed) }
            if let failOn, let threshold = Severity(rawValue: failOn) {
                let gates = GateCheck.check(report, against: GatePolicy(failuresAtOrAbove: threshold))
                for gate in gates where gate.breached { Terminal.printError("gate breached: \(gate.detail)") }
                if gates.contains(where: \.breached) { throw CrosswalkExit.gateBreached }
            }
        } catch let failure as WriteFailure {
            Terminal.printDiagnostics([failure.diagnostic])
            Terminal.printError("crosswalk: nothing written; any reports already in \(output) are unchanged")
            throw CrosswalkExit.writeFailed
        } catch let error as InputError {
            Terminal.printDiagnostics(error.diagnostics)
            Terminal.printError("crosswalk: nothing written: fix the error(s) above")
            throw CrosswalkExit.invalidInput
        } catch let diagnostic as Diagnostic {
            Terminal.printDiagnostics([diagnostic])
            Terminal.printError("crosswalk: nothing written: fix the error above")
            throw CrosswalkExit.invalidInput
        }
    }

    /// Writes the reports as one set, printing what was tidied on the way; on failure says what
    /// was and was not written and exits 73 (or 75 when another run holds the folder).
    private func writeReportSet(
        _ rendered: [ReportSetWriter.Document],
        inputPaths: [String],
        manifest: ReportManifest,
        signingKey: ManifestSigningKey?
    ) throws -> ReportSetWriter.Outcome {
        var notices: [String] = []
        defer { notices.forEach(Terminal.printError) }
        do {
            let writer = ReportSetWriter(
                outputPath: output,
                inputPaths: inputPaths,
                manifest: manifest,
                signingKey: signingKey
            )
            return try writer.write(rendered, notices: &notices)
        } catch let busy as OutputBusy {
            notices.append(Diagnostic(.error, file: busy.folder, message: busy.message).description)
            throw CrosswalkExit.outputBusy
        } catch let failure as WriteFailure {
            notices.append(failure.diagnostic.description)
            notices.append(
                failure.reportsUnchanged
                    ? "crosswalk: nothing written; any reports already in \(output) are unchanged"
                    : "crosswalk: nothing written, and some of the previous reports in \(output) could not be put back yet; the next run into this folder restores them"
            )
            throw CrosswalkExit.writeFailed
        }
    }

    /// Reads the `--sign` private key, warning when others may read the file.
    private static func readSigningKey(_ path: String) throws -> ManifestSigningKey {
        let file = try FileAccess.read(path, limit: .defaultInputLimit)
        let key: ManifestSigningKey
        do {
            key = try ManifestSigningKey(keyFile: file.bytes)
        } catch {
            throw Diagnostic(.error, file: path, message: "--sign: \(error.message)")
        }
        let permissions = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0
        if permissions & 0o077 != 0 {
            Terminal.printDiagnostics([
                Diagnostic(
                    .warning,
                    file: path,
                    message:
                        "the private key can be read by other users (mode \(String(permissions, radix: 8))); chmod 600 it"
                )
            ])
        }
        return key
    }

    private func makeRequest() throws -> CrosswalkPipeline.Request {
        var inventoryPaths = inventory
        var policyPath = policy
        if let path {
            if FileAccess.isDirectory(path) {
                if inventoryPaths.isEmpty {
                    guard
                        let found = FileAccess.find(
                            "inventory",
                            in: path,
                            extensions: ["yaml", "yml", "json", "jsonl"]
                        )
                    else {
                        throw Diagnostic(
                            .error,
                            file: path,
                            message: "no inventory.yaml, inventory.json or inventory.jsonl in this folder"
                        )
                    }
                    inventoryPaths = [found]
                }
                if policyPath == nil {
                    policyPath = FileAccess.find("policy", in: path, extensions: ["yaml", "yml", "json"])
                }
            } else {
                inventoryPaths.insert(path, at: 0)
            }
        }
        var errors: [Diagnostic] = []
        func read(_ path: String) -> InputFile? {
            do { return try FileAccess.read(path, limit: maxInputSize) } catch let diagnostic as Diagnostic {
                errors.append(diagnostic)
            } catch {
                errors.append(Diagnostic(.error, file: path, message: "\(error)"))
            }
            return nil
        }
        let inventoryFiles = inventoryPaths.compactMap { path -> InputFile? in
            do { return try FileAccess.read(path, limit: maxInputSize, mapping: true) } catch let diagnostic
                as Diagnostic
            {
                errors.append(diagnostic)
            } catch {
                errors.append(Diagnostic(.error, file: path, message: "\(error)"))
            }
            return nil
        }
        let importInputs = try imports.compactMap { value -> ImportSession.Input? in
            let argument = try ImportArgument(value)
            return read(argument.path).map { ImportSession.Input(kind: argument.kind, file: $0) }
        }
        let overlayFile = overlay.flatMap(read)
        let policyFile = policyPath.flatMap(read)
        let catalogFiles = catalog.compactMap(read)
        let waiversFile = waivers.flatMap(read)
        if !errors.isEmpty { throw InputError(errors) }
        var request = CrosswalkPipeline.Request(
            inventoryFiles: inventoryFiles,
            imports: importInputs,
            overlayFile: overlayFile,
            policyFile: policyFile,
            catalogFiles: catalogFiles,
            frameworks: framework,
            now: now.flatMap { Timestamp(iso8601: $0) } ?? FileAccess.currentTime(),
            includePassing: includePassing
        )
        request.waiversFile = waiversFile
        return request
    }

    /// Says on standard error which bundled templates `--templates` replaced, and what is risky or
    /// unused in the overrides.
    private func printTemplateOverrides(_ templates: ReportTemplates) {
        for replacement in templates.replacements {
            Terminal.printError("\(replacement.file): note: replaces the bundled template \(replacement.template)")
        }
        Terminal.printDiagnostics(templates.warnings)
    }

    private func printSummary(_ report: GapReport, written: [String], removed: [String]) {
        let summary = report.inventorySummary
        let identities = Counted.phrase(summary.identityCount, "identity", "identities")
        let agents = Counted.phrase(summary.agentCount, "AI agent", "AI agents")
        let controls = Counted.phrase(report.evaluation.outcomes.count, "control", "controls")
        Terminal.printLine("Evaluated \(identities) (\(agents)) against \(controls).")
        let failing = report.evaluation.outcomes.filter { $0.status == .fail }.count
        Terminal.printLine(
            failing == 0
                ? "No control fails." : "\(Counted.phrase(failing, "control fails", "controls fail"))."
        )
        for framework in report.frameworks {
            let score = framework.score.map { "\($0.text) \($0.posture.rawValue)" } ?? "n/a"
            Terminal.printLine(
                "  \(framework.catalog.shortTitle): score \(score), coverage \(framework.coverage.percentText)"
            )
        }
        for name in written {
            Terminal.printLine("Wrote \(output.hasSuffix("/") ? output : output + "/")\(name)")
        }
        for name in removed {
            Terminal.printLine(
                "Removed \(output.hasSuffix("/") ? output : output + "/")\(name) (an earlier run's report in a format not written now)"
            )
        }
        if let first = Self.openFirst(written) {
            Terminal.printLine("Open \(output.hasSuffix("/") ? output : output + "/")\(first) first.")
        }
    }

    /// The report a reader should open first among those written: the one-page summary, then the
    /// full report, HTML before Markdown, then the machine formats.
    static func openFirst(_ written: [String]) -> String? {
        let preference: [ReportDocument] = [
            .htmlExecutiveSummary, .markdownExecutiveSummary, .htmlReport, .markdownReport, .jsonReport, .xmlReport,
        ]
        return preference.map(\.fileName).first { written.contains($0) }
    }
}
