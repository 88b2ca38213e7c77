/// What `crosswalk run` does, read from a versioned run config file (`version: 1`, YAML or JSON;
/// see `docs/run-config.md`): the inputs, the frameworks, where the dated report folders go, the
/// history database and its retention, the gates and the input size limit.
///
/// Every path is already resolved against the config file's folder (absolute paths are kept).
public struct RunConfig: Sendable {
    /// A value together with where the config file set it, for errors found after loading (a
    /// catalog id that no loaded catalog has, a size the executable cannot read).
    public struct Located<Value: Sendable>: Sendable {
        public var value: Value
        /// Where in the document, e.g. `gates.minimum_scores.nist-csf-2.0`.
        public var keyPath: String
        public var location: SourceLocation?

        public init(_ value: Value, keyPath: String, location: SourceLocation?) {
            self.value = value
            self.keyPath = keyPath
            self.location = location
        }
    }

    /// One platform export to import, like `report --import KIND=PATH`.
    public struct ImportInput: Hashable, Sendable {
        /// An import kind (see `crosswalk importers`) or `auto`.
        public var kind: String
        public var path: String

        public init(kind: String, path: String) {
            self.kind = kind
            self.path = path
        }
    }

    /// The `inputs` section: what the run reads.
    public struct Inputs: Sendable {
        /// A folder holding `inventory.*` and `policy.*`, like `report PATH`.
        public var folder: String?
        public var inventories: [String] = []
        public var imports: [ImportInput] = []
        public var policy: String?
        public var overlay: String?
        /// The waivers file (docs/waivers.md).
        public var waivers: String?
        public var catalogs: [String] = []

        public init() {}
    }

    /// The `output` section: where and what the run writes.
    public struct Output: Sendable {
        /// The folder holding one dated folder per run, `latest` and the history database.
        public var root: String
        /// The formats to write, as `report --format` names them; nil for every format.
        public var formats: [String]?
        public var prettyJSON = false
        public var templates: String?
        /// The Ed25519 private key that signs each run's manifest.
        public var sign: String?
        public var includePassing = false

        public init(root: String) {
            self.root = root
        }
    }

    /// The `history` section: the run history database and how long runs are kept.
    public struct History: Sendable {
        /// The database file; `OUTPUT_ROOT/history.sqlite` unless set.
        public var database: String
        public var retention: RunRetention

        public init(database: String, retention: RunRetention = RunRetention()) {
            self.database = database
            self.retention = retention
        }
    }

    /// The config file as the user named it.
    public var file: String
    public var inputs: Inputs
    /// Catalog ids to report on, in order; empty for every loaded catalog.
    public var frameworks: [Located<String>]
    public var output: Output
    public var history: History
    public var gates: GatePolicy
    /// Where each `gates.minimum_scores` catalog id was written.
    public var minimumScoreKeys: [Located<String>]
    /// `limits.max_input_size` as written (e.g. `2G`); the executable reads the size.
    public var maxInputSize: Located<String>?

    public init(
        file: String,
        inputs: Inputs,
        frameworks: [Located<String>] = [],
        output: Output,
        history: History,
        gates: GatePolicy = GatePolicy(),
        minimumScoreKeys: [Located<String>] = [],
        maxInputSize: Located<String>? = nil
    ) {
        self.file = file
        self.inputs = inputs
        self.frameworks = frameworks
        self.output = output
        self.history = history
        self.gates = gates
        self.minimumScoreKeys = minimumScoreKeys
        self.maxInputSize = maxInputSize
    }

    /// Every catalog id the config names (frameworks and minimum scores), with its place.
    public var catalogReferences: [Located<String>] {
        frameworks + minimumScoreKeys
    }

    /// An error for each catalog id the config names that is not among `known`.
    public func unknownCatalogs(known: [String]) -> [Diagnostic] {
        catalogReferences.filter { !known.contains($0.value) }.map { reference in
            Diagnostic(
                .error,
                file: file,
                location: reference.location,
                keyPath: reference.keyPath,
                message:
                    "unknown catalog id \(Diagnostic.quoted(reference.value)); expected one of \(known.joined(separator: ", ")) (see `crosswalk catalogs`)"
            )
        }
    }
}
