import Crypto

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
        public var policyFile: InputFile?
        /// User catalogs and mapping files, added to the bundled ones.
        public var catalogFiles: [InputFile]
        /// Catalog ids to report on, in order; empty for every loaded catalog.
        public var frameworks: [String]
        public var now: Timestamp
        public var includePassing: Bool

        public init(
            inventoryFiles: [InputFile],
            policyFile: InputFile? = nil,
            catalogFiles: [InputFile] = [],
            frameworks: [String] = [],
            now: Timestamp,
            includePassing: Bool = false
        ) {
            self.inventoryFiles = inventoryFiles
            self.policyFile = policyFile
            self.catalogFiles = catalogFiles
            self.frameworks = frameworks
            self.now = now
            self.includePassing = includePassing
        }
    }

    /// Runs stages 1–3. Throws ``InputError`` when any input is invalid (nothing to render then),
    /// or ``UnknownFrameworkError`` when `request.frameworks` names a catalog that was not loaded.
    public func run(_ request: Request) throws -> GapReport {
        let inputs = try load(request)
        let evaluation = evaluate(inputs, includePassing: request.includePassing)
        return assess(evaluation, of: inputs, includePassing: request.includePassing)
    }

    /// Stage 1, load: reads and checks every input. Collects the errors of all inputs before
    /// throwing, so one run names every problem.
    public func load(_ request: Request) throws -> LoadedInputs {
        guard !request.inventoryFiles.isEmpty else {
            throw InputError(
                Diagnostic(
                    .error,
                    file: "crosswalk",
                    message: "no inventory given: pass a folder with inventory.* or --inventory FILE"
                )
            )
        }
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var inventory: Inventory?
        var policy = Policy()
        var library: FrameworkLibrary?
        do {
            let loaded = try InventoryLoader().load(request.inventoryFiles)
            inventory = loaded.0
            warnings += loaded.warnings
        } catch let error as InputError {
            errors += error.diagnostics
        }
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
        } catch let error as InputError {
            errors += error.diagnostics
        }
        if var selected = library, !request.frameworks.isEmpty {
            let unknown = request.frameworks.filter { selected.catalog(withID: $0) == nil }
            if !unknown.isEmpty {
                throw UnknownFrameworkError(unknown: unknown, known: selected.catalogs.map(\.id))
            }
            selected = selected.selecting(request.frameworks)
            library = selected
        }
        guard errors.filter({ $0.severity == .error }).isEmpty, let inventory, let library else {
            throw InputError(errors + warnings)
        }
        var digests: [InputDigest] = request.inventoryFiles.map { Self.digest($0, role: .inventory) }
        if let policyFile = request.policyFile { digests.append(Self.digest(policyFile, role: .policy)) }
        digests += request.catalogFiles.map { Self.digest($0, role: .catalog) }
        return LoadedInputs(
            inventory: inventory,
            policy: policy,
            library: library,
            now: request.now,
            digests: digests,
            warnings: warnings
        )
    }

    /// Stage 2, evaluate: runs every control over the inventory.
    public func evaluate(_ inputs: LoadedInputs, includePassing: Bool = false) -> Evaluation {
        let context = EvaluationContext(inventory: inputs.inventory, policy: inputs.policy, now: inputs.now)
        return evaluator.evaluate(context, includePassing: includePassing)
    }

    /// Stage 3, assess: maps the results onto the frameworks, scores them and assembles what every
    /// renderer shows.
    public func assess(_ evaluation: Evaluation, of inputs: LoadedInputs, includePassing: Bool = false) -> GapReport {
        let inventory = inputs.inventory
        let library = inputs.library
        let frameworks = mapper.assess(evaluation, library: library)
        return GapReport(
            metadata: RunMetadata(
                toolVersion: Self.toolVersion,
                generatedAt: inputs.now,
                organization: inventory.organization,
                inputs: inputs.digests
            ),
            inventorySummary: InventorySummary(inventory),
            keyFigures: KeyFigures(evaluation: evaluation, inventory: inventory),
            evaluation: evaluation,
            library: library,
            frameworks: frameworks,
            overall: OverallPosture(frameworks),
            topGaps: GapRanking.rank(evaluation, library: library, frameworks: frameworks),
            criticalFindings: AttributedFinding.criticalFindings(evaluation, inventory: inventory),
            riskiestIdentities: RiskyIdentity.rank(evaluation, inventory: inventory),
            warnings: inputs.warnings,
            includesPassing: includePassing,
            identities: IdentityDirectory(inventory)
        )
    }

    static func digest(_ file: InputFile, role: InputDigest.Role) -> InputDigest {
        let hash = SHA256.hash(data: file.bytes)
        let hex = hash.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return InputDigest(role: role, path: file.path, byteCount: file.bytes.count, sha256: hex.joined())
    }
}
