import CrosswalkCore
import CrosswalkHistory
import Foundation

/// One `crosswalk run` after its config was read: under the output root's lock, tidy what
/// stopped runs left, write the dated report folder, point `latest` at it, apply retention, then
/// apply the gates to decide the exit code.
struct RunJob {
    var config: RunConfig
    /// The config file as read, recorded in each run's manifest.
    var configFile: InputFile
    /// The config's gates with the command line's overrides applied.
    var gates: GatePolicy
    var inputLimit: ByteCount
    /// The run's time from `--now`; nil for the clock.
    var now: Timestamp?
    var quiet = false
    var verbose = false
    var progress = false

    func run() throws {
        let rootPath = config.output.root
        let time = now ?? FileAccess.currentTime()
        let run = RunFolderName(time: time)
        do {
            let root = try RunRoot.open(rootPath)
            let lock = try lockRoot(root)
            defer { lock.release() }
            root.removeLeftovers().forEach(Terminal.printError)
            try root.checkReady(for: run)
            let shownAs = root.display(run.description)
            var job = reportJob(time: time)
            let history = RunHistory(
                path: config.history.database,
                configHash: ManifestInput(role: "run-config", file: configFile).sha256
            )
            job.beforeRendering = { report in history.compare(&report, runID: run.description) }
            let prepared = try job.prepare()
            KeptUntilExit.keep(prepared)
            let staging = root.stagingName(for: run)
            let outcome: ReportSetWriter.Outcome
            do {
                outcome = try job.write(
                    prepared,
                    into: root.display(staging),
                    failureNote: "crosswalk: nothing written; the earlier runs and latest in \(rootPath) are unchanged"
                )
                try root.publish(staging, as: run)
            } catch {
                DirectoryEntries.remove(staging, in: root.folder.descriptor)
                throw error
            }
            do {
                try root.pointLatest(at: run)
            } catch {
                root.withdraw(run)
                throw error
            }
            let pruned = root.prune(config.history.retention, now: time)
            pruned.warnings.forEach(Terminal.printError)
            let recorded = history.record(runID: run.description, retention: config.history.retention, now: time)
            if !quiet {
                ReportJob.printSummary(prepared.report, written: outcome.written, removed: [], shownAs: shownAs)
                Terminal.printLine("Run folder: \(shownAs) (\(root.display(RunRoot.latestName)) points at it)")
                if verbose {
                    for removed in pruned.removed {
                        Terminal.printLine(
                            "Pruned \(root.display(removed.description)) (older than the retention keeps)"
                        )
                    }
                    Terminal.printLine("Runs kept: \(root.runs.map(\.description).joined(separator: ", "))")
                }
            }
            let breached = ReportJob.judge(prepared.report, gates: gates, verbose: verbose)
            if breached.contains(where: { $0.gate == .requireCompleteEvidence }) {
                throw CrosswalkExit.incompleteEvaluation
            }
            if !breached.isEmpty { throw CrosswalkExit.gateBreached }
            if !recorded { throw CrosswalkExit.historyFailed }
        } catch let failure as WriteFailure {
            Terminal.printDiagnostics([failure.diagnostic])
            Terminal.printError("crosswalk: nothing written; the earlier runs and latest in \(rootPath) are unchanged")
            throw CrosswalkExit.writeFailed
        } catch {
            throw CrosswalkExit.forInputError(error)
        }
    }

    /// Takes the root's lock, saying when it takes over one a dead run left; exits 75 when
    /// another run holds it.
    private func lockRoot(_ root: RunRoot) throws -> OutputLock {
        switch try OutputLock.acquire(in: root.folder) {
        case .busy(let holder):
            let who = holder.map { "another crosswalk run (pid \($0))" } ?? "another crosswalk run"
            Terminal.printDiagnostics([
                Diagnostic(
                    .error,
                    file: config.output.root,
                    message: "\(who) is using this output root; nothing written. Run again when it has finished."
                )
            ])
            throw CrosswalkExit.outputBusy
        case .acquired(let lock, let staleHolder):
            if let staleHolder {
                let state =
                    OutputLock.isRunning(staleHolder) ? "which no longer holds it" : "which is no longer running"
                Terminal.printError(
                    "crosswalk: took over the lock \(root.display(OutputLock.fileName)) left by process \(staleHolder), \(state)"
                )
            }
            return lock
        }
    }

    /// The report job the config describes.
    private func reportJob(time: Timestamp) -> ReportJob {
        ReportJob(
            path: config.inputs.folder,
            inventory: config.inputs.inventories,
            imports: config.inputs.imports.map { ImportArgument(kind: $0.kind, path: $0.path) },
            overlay: config.inputs.overlay,
            waivers: config.inputs.waivers,
            policy: config.inputs.policy,
            catalog: config.inputs.catalogs,
            framework: config.frameworks.map(\.value),
            formatNames: config.output.formats ?? ReportRenderers.formats,
            now: time,
            nowSource: now == nil ? .system : .option,
            templates: config.output.templates,
            maxInputSize: inputLimit,
            sign: config.output.sign,
            includePassing: config.output.includePassing,
            pretty: config.output.prettyJSON,
            quiet: quiet,
            progress: progress,
            frameworkSource: "\(config.file): frameworks",
            commandName: "run",
            runConfig: configFile
        )
    }
}
