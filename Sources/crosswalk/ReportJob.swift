import CrosswalkCore
import CrosswalkXML
import Foundation

/// The work behind `crosswalk report` and `crosswalk run`: read the inputs, evaluate them, render
/// the chosen formats and write them into a folder as one report set with its manifest. The
/// commands decide where the set goes and what the exit code is.
struct ReportJob {
    /// A folder with `inventory.*` and `policy.*`, or an inventory file.
    var path: String?
    var inventory: [String] = []
    var imports: [ImportArgument] = []
    var overlay: String?
    /// Risk acceptances (`--waivers`, the config's `inputs.waivers`).
    var waivers: String?
    var policy: String?
    var catalog: [String] = []
    var framework: [String] = []
    var formatNames: [String] = []
    /// The evaluation time: `--now`, or the clock when the run started.
    var now: Timestamp
    /// Whether `now` came from `--now` or the clock, as the manifest records it.
    var nowSource: ManifestClock.Source
    var templates: String?
    var maxInputSize: ByteCount = .defaultInputLimit
    var sign: String?
    var includePassing = false
    var pretty = false
    var quiet = false
    var progress = false
    /// How messages name the option that chose the frameworks, e.g. `--framework`.
    var frameworkSource = "--framework"
    /// The command whose help a usage error points to.
    var commandName = "report"
    /// The run config a `run` read, listed first among the manifest's inputs (role `run-config`).
    var runConfig: InputFile?

    /// What `run` adds to the evaluated report before it is rendered: what changed since the
    /// previous run, from its history. Nil for `report`.
    var beforeRendering: ((inout GapReport) -> Void)?

    /// An evaluated and rendered run, ready to be written.
    struct Prepared {
        var report: GapReport
        var documents: [ReportSetWriter.Document]
        /// Every file the run read (inputs, templates, the signing key).
        var inputPaths: [String]
        var manifest: ReportManifest
        var signingKey: ManifestSigningKey?
    }

    /// Reads and evaluates the inputs and prepares the renderers. Throws `InputError` or
    /// `Diagnostic` for invalid inputs, `CrosswalkExit.usage` for an unknown framework id.
    func prepare() throws -> Prepared {
        let signingKey = try sign.map(Self.readSigningKey)
        let request = try makeRequest()
        // The templates are read and parsed beside the evaluation, which leaves a core idle at
        // times, instead of between it and the reports (a tenth of a second); their errors are
        // still reported after the inputs'.
        let templateLoad = PendingValue.start(on: ConcurrentRunner()) { [templates, maxInputSize] in
            Result { () throws -> (files: [InputFile], templates: ReportTemplates) in
                let files = try templates.map { try FileAccess.templates(in: $0, limit: maxInputSize) } ?? []
                return (files, try ReportTemplates(overrides: files))
            }
        }
        var report: GapReport
        do {
            let display = ProgressDisplay.make(forced: progress, quiet: quiet)
            defer { display?.finish() }
            let spool = try TemporaryResultSpool()
            report = try CrosswalkPipeline().run(
                request,
                spool: spool,
                runner: ConcurrentRunner(),
                progress: display?.handler
            )
            // Every result is written: nothing more needs the folder, even if the report is
            // never freed (``KeptUntilExit``).
            spool.closeFolder()
        } catch let error as UnknownFrameworkError {
            Terminal.printError("Error: \(frameworkSource): \(error.message)")
            Terminal.printError("  See 'crosswalk \(commandName) --help'.")
            throw CrosswalkExit.usage
        }
        if !quiet {
            for source in report.importedSources where source.detected {
                Terminal.printError("\(source.file): note: --import auto read it as \(source.kind)")
            }
        }
        Terminal.printDiagnostics(report.warnings)
        beforeRendering?(&report)
        let finalReport = report
        let (templateFiles, reportTemplates) = try templateLoad.value.get()
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
                    ReportSetWriter.Document(name: document.fileName, listsEveryResult: document.listsEveryResult) {
                        sink in
                        try renderer.render(finalReport, to: sink)
                    }
                )
            }
        }
        let inputPaths =
            (request.inventoryFiles + request.imports.map(\.file)
            + [request.overlayFile, request.policyFile, request.waiversFile].compactMap { $0 } + request.catalogFiles
            + templateFiles).map(\.path)
        let manifest = ReportManifest(
            toolVersion: CrosswalkPipeline.toolVersion,
            clock: ManifestClock(time: request.now, source: nowSource),
            inputs: [runConfig].compactMap { $0 }.map { ManifestInput(role: "run-config", file: $0) }
                + report.metadata.inputs.map(ManifestInput.init)
                + templateFiles.map { ManifestInput(role: "template", file: $0) } + ManifestInput.bundled,
            files: []
        )
        return Prepared(
            report: finalReport,
            documents: rendered,
            inputPaths: inputPaths + [sign, runConfig?.path].compactMap { $0 },
            manifest: manifest,
            signingKey: signingKey
        )
    }

    /// Writes the reports as one set into `output`, printing what was tidied on the way; on
    /// failure says what was and was not written and exits 73 (or 75 when another run holds the
    /// folder). `failureNote` replaces the closing line about the folder's earlier reports.
    func write(
        _ prepared: Prepared,
        into output: String,
        failureNote: String? = nil
    ) throws
        -> ReportSetWriter.Outcome
    {
        var notices: [String] = []
        defer { notices.forEach(Terminal.printError) }
        do {
            let writer = ReportSetWriter(
                outputPath: output,
                inputPaths: prepared.inputPaths,
                manifest: prepared.manifest,
                signingKey: prepared.signingKey
            )
            return try writer.write(prepared.documents, notices: &notices)
        } catch let busy as OutputBusy {
            notices.append(Diagnostic(.error, file: busy.folder, message: busy.message).description)
            throw CrosswalkExit.outputBusy
        } catch let failure as WriteFailure {
            notices.append(failure.diagnostic.description)
            notices.append(
                failureNote
                    ?? (failure.reportsUnchanged
                        ? "crosswalk: nothing written; any reports already in \(output) are unchanged"
                        : "crosswalk: nothing written, and some of the previous reports in \(output) could not be put back yet; the next run into this folder restores them")
            )
            throw CrosswalkExit.writeFailed
        }
    }

    /// Judges `gates` on `report` (``GateCheck``), printing each breached gate on standard error,
    /// and with `verbose` the others too. Returns the breached gates.
    static func judge(_ report: GapReport, gates: GatePolicy, verbose: Bool = false) -> [GateResult] {
        let results = GateCheck.check(report, against: gates)
        for result in results where result.breached || verbose {
            Terminal.printError("\(result.breached ? "gate breached" : "gate"): \(result.detail)")
        }
        return results.filter(\.breached)
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
        let importInputs = imports.compactMap { argument -> ImportSession.Input? in
            read(argument.path).map { ImportSession.Input(kind: argument.kind, file: $0) }
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
            now: now,
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

    /// Prints what was evaluated and the scores, then each report written into `shownAs`.
    static func printSummary(_ report: GapReport, written: [String], removed: [String], shownAs output: String) {
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
        if let first = openFirst(written) {
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
