/// The pipeline behind `crosswalk report`. Like a compiler, it runs in stages, each in its own
/// folder of `Sources/CrosswalkCore/`, and hands the next stage one boundary type from `Layers/`:
///
/// | stage | folder | reads | produces |
/// |---|---|---|---|
/// | 1. load | `Load/` | ``Request`` (bytes already read) | ``LoadedInputs``: inventory, policy, catalogs, warnings |
/// | 2. evaluate | `Evaluate/` | ``LoadedInputs`` | ``Evaluation``: one ``ControlOutcome`` per control |
/// | 3. assess | `Assess/` | ``Evaluation`` and the catalogs | ``GapReport``: framework scores, priorities, figures |
/// | 4. render | `Render/` | ``GapReport`` | one document per ``ReportRenderer`` in a ``RendererRegistry`` |
///
/// The core works on values in memory and never touches files, the terminal or the clock; the
/// `crosswalk` executable reads the inputs, picks the renderers and writes the report set.
public struct CrosswalkPipeline: Sendable {
    public static let toolVersion = "0.1.0"

    public var evaluator: ControlEvaluator
    public var mapper: FrameworkMapper

    public init(evaluator: ControlEvaluator = ControlEvaluator(), mapper: FrameworkMapper = FrameworkMapper()) {
        self.evaluator = evaluator
        self.mapper = mapper
    }

    /// What one run reads and how.
    public struct Request: Sendable {
        public var inventoryFiles: [InputFile]
        /// Platform exports to import (`--import KIND=PATH`), judged after the native inventories.
        public var imports: [ImportSession.Input]
        /// The organisation's overlay (`--overlay FILE`), applied to every identity.
        public var overlayFile: InputFile?
        public var policyFile: InputFile?
        /// User catalogs and mapping files, added to the bundled ones.
        public var catalogFiles: [InputFile]
        /// Catalog ids to report on, in order; empty for every loaded catalog.
        public var frameworks: [String]
        public var now: Timestamp
        public var includePassing: Bool
        /// Risk acceptances (`--waivers FILE`): turn matching failures into accepted results.
        public var waiversFile: InputFile?

        public init(
            inventoryFiles: [InputFile],
            imports: [ImportSession.Input] = [],
            overlayFile: InputFile? = nil,
            policyFile: InputFile? = nil,
            catalogFiles: [InputFile] = [],
            frameworks: [String] = [],
            now: Timestamp,
            includePassing: Bool = false
        ) {
            self.inventoryFiles = inventoryFiles
            self.imports = imports
            self.overlayFile = overlayFile
            self.policyFile = policyFile
            self.catalogFiles = catalogFiles
            self.frameworks = frameworks
            self.now = now
            self.includePassing = includePassing
        }
    }

    /// Runs stages 1–3. Throws ``InputError`` when any input is invalid (nothing to render then),
    /// or ``UnknownFrameworkError`` when `request.frameworks` names a catalog that was not loaded.
    ///
    /// `spool` receives every finding; the report's outcomes read them back from it. `runner`
    /// spreads the work over the machine's cores. `progress` hears how far the run has got.
    public func run(
        _ request: Request,
        spool: any ResultSpool = MemoryResultSpool(),
        runner: any WorkRunner = SerialRunner(),
        progress: ProgressHandler? = nil
    ) throws -> GapReport {
        progress?(PipelineProgress(stage: .loading, done: 0))
        // The inventories are hashed late, beside the controls that read across identities, where
        // a core is often idle, instead of before the first identity is read.
        var inputs = try load(request, digestingInventories: false)
        let files = request.inventoryFiles
        let inventoryDigests = WorkResults<InputDigest>(count: files.count)
        let evaluation = try evaluate(
            inputs,
            includePassing: request.includePassing,
            spool: spool,
            runner: runner,
            progress: progress,
            alongsideCrossRecordControls: {
                for (index, file) in files.enumerated() {
                    inventoryDigests.set(index, Self.digest(file, role: .inventory))
                }
            }
        )
        inputs.digests.insert(contentsOf: inventoryDigests.values, at: 0)
        progress?(PipelineProgress(stage: .assessing, done: 0))
        return assess(evaluation, of: inputs, includePassing: request.includePassing, runner: runner)
    }

    /// Stage 1, load: reads and checks the policy and the catalogs, and digests every input. The
    /// inventories are read in stage 2, as they are judged; every error of every input is
    /// reported together at the end of stage 2.
    public func load(_ request: Request) throws -> LoadedInputs {
        try load(request, digestingInventories: true)
    }

    /// Stage 1; without `digestingInventories`, the inventories' digests are left for the caller
    /// to add at the front of ``LoadedInputs/digests``.
    func load(_ request: Request, digestingInventories: Bool) throws -> LoadedInputs {
        guard !request.inventoryFiles.isEmpty || !request.imports.isEmpty else {
            throw InputError(
                Diagnostic(
                    .error,
                    file: "crosswalk",
                    message:
                        "no inventory given: pass a folder with inventory.* or --inventory FILE, or import exports with --import KIND=PATH"
                )
            )
        }
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var policy = Policy()
        var library = FrameworkLibrary(catalogs: [], mappings: [])
        var digests: [InputDigest] =
            digestingInventories ? request.inventoryFiles.map { Self.digest($0, role: .inventory) } : []
        if let policyFile = request.policyFile {
            do {
                let loaded = try PolicyLoader().load(policyFile)
                policy = loaded.0
                warnings += loaded.warnings
            } catch let error as InputError {
                errors += error.diagnostics
            } catch let diagnostic as Diagnostic {
                errors.append(diagnostic)
            }
        } else {
            warnings.append(
                Diagnostic(
                    .warning,
                    file: "crosswalk",
                    message: "no policy snapshot given; every threshold takes its documented default"
                )
            )
        }
        do {
            let loaded = try CatalogLoader().loadReportingWarnings(user: request.catalogFiles)
            library = loaded.library
            warnings += loaded.warnings
            if !request.frameworks.isEmpty {
                let unknown = request.frameworks.filter { library.catalog(withID: $0) == nil }
                if !unknown.isEmpty {
                    throw UnknownFrameworkError(unknown: unknown, known: library.catalogs.map(\.id))
                }
                library = library.selecting(request.frameworks)
            }
        } catch let error as InputError {
            errors += error.diagnostics
        }
        let imported = request.imports.isEmpty ? ImportedInventory() : ImportSession.run(request.imports)
        errors += imported.errors
        digests += request.imports.map { Self.digest($0.file, role: .importedExport) }
        // What exports show about logging counts where the policy snapshot says nothing.
        for (platform, logging) in imported.logging.sorted(by: { $0.key < $1.key })
        where policy.logging[platform] == nil {
            policy.logging[platform] = logging
        }
        var overlay: Overlay?
        if let overlayFile = request.overlayFile {
            do {
                let loaded = try OverlayLoader().load(overlayFile)
                overlay = loaded.0
                warnings += loaded.warnings
            } catch let error as InputError {
                errors += error.diagnostics
            } catch let diagnostic as Diagnostic {
                errors.append(diagnostic)
            }
            digests.append(Self.digest(overlayFile, role: .overlay))
        }
        if let policyFile = request.policyFile { digests.append(Self.digest(policyFile, role: .policy)) }
        digests += request.catalogFiles.map { Self.digest($0, role: .catalog) }
        var waivers: (waivers: WaiverFile, file: String)?
        if let waiversFile = request.waiversFile {
            do {
                let loaded = try WaiverLoader().load(waiversFile)
                waivers = (loaded.0, waiversFile.path)
                warnings += loaded.warnings
            } catch let error as InputError {
                errors += error.diagnostics
            } catch let diagnostic as Diagnostic {
                errors.append(diagnostic)
            }
            digests.append(Self.digest(waiversFile, role: .waivers))
        }
        var loaded = LoadedInputs(
            inventoryFiles: request.inventoryFiles,
            imported: imported,
            overlay: overlay.map { (overlay: $0, file: request.overlayFile?.path ?? "overlay") },
            policy: policy,
            library: library,
            now: request.now,
            digests: digests,
            warnings: warnings,
            errors: errors
        )
        loaded.waivers = waivers
        return loaded
    }

    /// Stage 2, evaluate: streams the inventories from the loader through an
    /// ``EvaluationSession`` — each batch of identities judged as it is read, on `runner`, and
    /// only peer records kept — writing every finding to `spool`. Throws ``InputError`` with the
    /// errors of every input (stage 1's too), or what the spool throws.
    public func evaluate(
        _ inputs: LoadedInputs,
        includePassing: Bool = false,
        spool: any ResultSpool = MemoryResultSpool(),
        runner: any WorkRunner = SerialRunner(),
        progress: ProgressHandler? = nil
    ) throws -> Evaluation {
        try evaluate(
            inputs,
            includePassing: includePassing,
            spool: spool,
            runner: runner,
            progress: progress,
            alongsideCrossRecordControls: nil
        )
    }

    /// Stage 2, with `work` started on `runner` when the controls that read across identities
    /// begin, and finished before it returns.
    func evaluate(
        _ inputs: LoadedInputs,
        includePassing: Bool,
        spool: any ResultSpool,
        runner: any WorkRunner,
        progress: ProgressHandler?,
        alongsideCrossRecordControls work: (@Sendable () -> Void)?
    ) throws -> Evaluation {
        var session: EvaluationSession?
        let knownControls = Set(evaluator.controls.map(\.definition.id))
        var queued: [[Identity]] = []
        var identitiesRead = 0
        var spoolFailure: (any Error)?
        let totalBytes = inputs.inventoryFiles.reduce(0) { $0 + $1.count }
        /// Judges the queued batches side by side and merges them in order.
        func drain() {
            guard let session, spoolFailure == nil, !queued.isEmpty else {
                queued = []
                return
            }
            // Handed over whole, so the session numbers the identities in place.
            var batches: [[Identity]] = []
            swap(&batches, &queued)
            do { try session.add(consume batches, runner: runner) } catch { spoolFailure = error }
        }
        var inventoryWarnings: [Diagnostic] = []
        var inventoryErrors: [Diagnostic] = []
        var overlay = inputs.overlay.map { OverlayApplier($0.overlay, file: $0.file) }
        let imported = inputs.imported
        let importedIDs = Set(imported.identities.map(\.id))
        var collisions: [Diagnostic] = []
        do {
            let loaded = try InventoryLoader().load(
                inputs.inventoryFiles,
                header: { header in
                    let nativeRoles = Set(header.roles.map(\.id))
                    for role in imported.roles where nativeRoles.contains(role.id) {
                        collisions.append(
                            Diagnostic(
                                .error,
                                file: "crosswalk",
                                message: "role \"\(role.id)\" is defined both in an inventory and by an import"
                            )
                        )
                    }
                    guard inputs.errors.allSatisfy({ $0.severity != .error }), collisions.isEmpty else { return }
                    session = EvaluationSession(
                        controls: evaluator.controls,
                        policy: inputs.policy,
                        now: inputs.now,
                        organization: header.organization ?? inputs.overlay?.overlay.organization,
                        roles: header.roles + imported.roles,
                        includePassing: includePassing,
                        spool: spool,
                        waivers: inputs.waivers.map {
                            WaiverBook($0.waivers, knownControls: knownControls, now: inputs.now)
                        },
                        preparingOn: runner
                    )
                },
                identities: { (batch: consuming [Identity], bytesRead: Int) in
                    if !importedIDs.isEmpty {
                        for identity in copy batch where importedIDs.contains(identity.id) {
                            collisions.append(
                                Diagnostic(
                                    .error,
                                    file: "crosswalk",
                                    message:
                                        "identity \"\(identity.id)\" is both in an inventory and imported from \(imported.identities.first { $0.id == identity.id }?.origin?.file ?? "an export")"
                                )
                            )
                        }
                    }
                    overlay?.apply(to: &batch)
                    let before = identitiesRead
                    identitiesRead += batch.count
                    let sizing = IdentityCountEstimate.sizingCount
                    if before < sizing, identitiesRead >= sizing {
                        // Enough of the input is read to judge how many identities it holds.
                        let expected = IdentityCountEstimate.identities(
                            seen: identitiesRead,
                            bytesRead: bytesRead,
                            totalBytes: totalBytes
                        )
                        session?.expectIdentities(expected + imported.identities.count)
                    }
                    queued.append(consume batch)
                    if queued.count >= runner.width { drain() }
                    progress?(
                        PipelineProgress(
                            stage: .evaluating,
                            done: identitiesRead,
                            bytesRead: bytesRead,
                            totalBytes: totalBytes
                        )
                    )
                }
            )
            inventoryWarnings = loaded.warnings
        } catch let error as InputError {
            inventoryErrors = error.diagnostics.filter { $0.severity == .error }
            inventoryWarnings = error.diagnostics.filter { $0.severity != .error }
        }
        // The imported identities, after the native ones, in batches like theirs.
        var gaps = SourceGapTally()
        var start = 0
        while start < imported.identities.count, inventoryErrors.isEmpty {
            let end = min(start + 4096, imported.identities.count)
            var batch = Array(imported.identities[start..<end])
            overlay?.apply(to: &batch)
            gaps.add(batch)
            identitiesRead += batch.count
            queued.append(batch)
            if queued.count >= runner.width { drain() }
            start = end
        }
        drain()
        // The last group's merge may still be writing to the spool: wait for it here, so that no
        // thread touches the spool once this stage returns or throws.
        do { try session?.settleMerge() } catch { spoolFailure = spoolFailure ?? error }
        progress?(PipelineProgress(stage: .evaluating, done: identitiesRead, total: identitiesRead))
        inventoryWarnings += imported.warnings + gaps.warnings(overlayGiven: overlay != nil) + (overlay?.warnings ?? [])
        let errors = inventoryErrors + collisions + inputs.errors
        guard errors.allSatisfy({ $0.severity != .error }), let session else {
            throw InputError(errors + inventoryWarnings + inputs.warnings)
        }
        if let spoolFailure { throw spoolFailure }
        var evaluation = try session.finish(runner: runner, alongside: work)
        evaluation.warnings = inventoryWarnings + inputs.warnings
        return evaluation
    }

    /// Stage 3, assess: maps the results onto the frameworks, scores them and assembles what every
    /// renderer shows. The findings by owner are grouped on `runner`, beside the caller, and read
    /// when a renderer first needs them.
    public func assess(
        _ evaluation: Evaluation,
        of inputs: LoadedInputs,
        includePassing: Bool = false,
        runner: any WorkRunner = SerialRunner()
    ) -> GapReport {
        let library = inputs.library
        let frameworks = mapper.assess(evaluation, library: library)
        var report = GapReport(
            metadata: RunMetadata(
                toolVersion: Self.toolVersion,
                generatedAt: inputs.now,
                organization: evaluation.identities.organization,
                inputs: inputs.digests
            ),
            inventorySummary: evaluation.summary,
            keyFigures: KeyFigures(evaluation: evaluation),
            evaluation: evaluation,
            library: library,
            frameworks: frameworks,
            overall: OverallPosture(frameworks),
            topGaps: GapRanking.rank(evaluation, library: library, frameworks: frameworks),
            criticalFindings: AttributedFinding.criticalFindings(evaluation),
            riskiestIdentities: RiskyIdentity.rank(evaluation),
            warnings: evaluation.warnings,
            includesPassing: includePassing,
            identities: IdentityDirectory(evaluation.identities)
        )
        report.importedSources = inputs.imported.sources
        // A spool that cannot be read back fails the renderers, which read it again.
        report.ownerGrouping = .start(on: runner) { (try? OwnerGrouping.group(evaluation)) ?? OwnerGrouping.Result() }
        if let waivers = inputs.waivers {
            let audit = WaiverAudit(
                file: waivers.file,
                waivers: waivers.waivers,
                knownControls: Set(evaluation.outcomes.map(\.definition.id)),
                now: inputs.now,
                matches: evaluation.waiverMatches
            )
            report.waiverAudit = audit
            report.warnings += audit.warnings
        }
        return report
    }

    /// The digest of `file`, read in parts whose pages are given back as soon as they are hashed
    /// (a file kept outside Swift's memory then never has more than one part resident for it).
    static func digest(_ file: InputFile, role: InputDigest.Role) -> InputDigest {
        let part = 16 << 20
        var digester = ContentDigester()
        file.withUnsafeBytes { bytes in
            let bytes = UnsafeRawBufferPointer(bytes)
            var start = 0
            while start < bytes.count {
                let end = min(start + part, bytes.count)
                digester.update(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                file.release(before: end)
                start = end
            }
        }
        return InputDigest(role: role, path: file.path, byteCount: file.count, sha256: digester.finish().sha256)
    }

}
