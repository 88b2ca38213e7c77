import Crypto

/// The whole pipeline behind `crosswalk report`: load → evaluate → map → assemble a ``GapReport``.
/// Works on bytes already read; the caller writes the rendered output.
public struct ReportBuilder: Sendable {
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

    /// Runs the pipeline. Throws ``InputError`` when any input is invalid (nothing to render then),
    /// or ``UnknownFrameworkError`` when `request.frameworks` names a catalog that was not loaded.
    public func build(_ request: Request) throws -> GapReport {
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
        let context = EvaluationContext(inventory: inventory, policy: policy, now: request.now)
        let evaluation = evaluator.evaluate(context, includePassing: request.includePassing)
        let frameworks = mapper.assess(evaluation, library: library)
        var inputs: [InputDigest] = request.inventoryFiles.map { Self.digest($0, role: .inventory) }
        if let policyFile = request.policyFile { inputs.append(Self.digest(policyFile, role: .policy)) }
        inputs += request.catalogFiles.map { Self.digest($0, role: .catalog) }
        return GapReport(
            metadata: RunMetadata(
                toolVersion: Self.toolVersion,
                generatedAt: request.now,
                organization: inventory.organization,
                inputs: inputs
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
            warnings: warnings,
            includesPassing: request.includePassing
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
