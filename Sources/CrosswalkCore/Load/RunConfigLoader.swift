/// Load stage for the `crosswalk run` config file (`version: 1`, YAML or JSON; see
/// `docs/run-config.md`). The file is hand-written, so every unknown key and bad value is an
/// error naming the line, column and key path; all of them are reported together.
public struct RunConfigLoader {
    /// The report format names `output.formats` accepts (`report --format`'s names).
    public var knownFormats: [String]

    public init(knownFormats: [String]) {
        self.knownFormats = knownFormats
    }

    static let topKeys = ["version", "inputs", "frameworks", "output", "history", "gates", "limits"]
    static let inputKeys = ["folder", "inventories", "imports", "policy", "overlay", "waivers", "catalogs"]
    static let importKeys = ["kind", "path"]
    static let outputKeys = ["root", "formats", "pretty_json", "templates", "sign", "include_passing"]
    static let historyKeys = ["database", "retention"]
    static let retentionKeys = ["runs", "days"]
    static let gateKeys = [
        "new_failures_at_or_above", "fail_on", "minimum_scores", "maximum_score_drop", "require_complete_evidence",
    ]
    static let limitKeys = ["max_input_size"]

    /// The history database's file name in the output root when `history.database` is not set.
    public static let defaultDatabaseName = "history.sqlite"

    /// Reads the config; throws ``InputError`` with every problem found.
    public func load(_ file: InputFile) throws -> RunConfig {
        let root = NodeReader(node: try DocumentParser.parse(file), path: "", file: file.path)
        let object = try root.object()
        try DocumentVersion.check(object, supported: 1, what: "run config")
        let reading = Reading(file: file.path)
        reading.refuseUnknown(object, known: Self.topKeys)

        var inputs = RunConfig.Inputs()
        reading.collect {
            guard let section = try object.optional("inputs")?.object() else {
                throw root.diagnostic("missing required key 'inputs' (what to read: folder, inventories or imports)")
            }
            inputs = reading.inputs(section)
        }
        var frameworks: [RunConfig.Located<String>] = []
        reading.collect {
            for element in try object.optional("frameworks")?.list() ?? [] {
                reading.collect { frameworks.append(try reading.located(element.identifier(), element)) }
            }
        }
        var output = RunConfig.Output(root: "")
        reading.collect {
            let section = try object.required("output", "where the runs go, with at least root").object()
            output = try reading.output(section, knownFormats: knownFormats)
        }
        var history = RunConfig.History(database: Self.join(output.root, Self.defaultDatabaseName))
        reading.collect {
            guard let section = try object.optional("history")?.object() else { return }
            reading.history(section, into: &history)
        }
        var gates = GatePolicy()
        var minimumScoreKeys: [RunConfig.Located<String>] = []
        reading.collect {
            guard let section = try object.optional("gates")?.object() else { return }
            reading.gates(section, into: &gates, keys: &minimumScoreKeys)
        }
        var maxInputSize: RunConfig.Located<String>?
        reading.collect {
            guard let section = try object.optional("limits")?.object() else { return }
            reading.refuseUnknown(section, known: Self.limitKeys)
            if let size = section.optional("max_input_size") {
                maxInputSize = try reading.located(size.string(), size)
            }
        }
        if !reading.errors.isEmpty { throw InputError(reading.errors) }
        return RunConfig(
            file: file.path,
            inputs: inputs,
            frameworks: frameworks,
            output: output,
            history: history,
            gates: gates,
            minimumScoreKeys: minimumScoreKeys,
            maxInputSize: maxInputSize
        )
    }

    /// `path` joined to `folder` unless absolute, with `.` and `..` steps resolved by name
    /// (`examples/nightly` + `../acme` is `examples/acme`).
    public static func join(_ folder: String, _ path: String) -> String {
        let absolute = path.hasPrefix("/") || folder.hasPrefix("/")
        let steps = (path.hasPrefix("/") ? [] : folder.split(separator: "/")) + path.split(separator: "/")
        var kept: [Substring] = []
        for step in steps where step != "." {
            if step == "..", let last = kept.last, last != ".." {
                kept.removeLast()
            } else if step == "..", absolute {
                continue
            } else {
                kept.append(step)
            }
        }
        let joined = kept.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}

/// The state of one config being read: the errors so far, and how relative paths resolve.
private final class Reading {
    let file: String
    var errors: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// The folder holding the config file, against which relative paths resolve.
    private var baseFolder: String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return slash == file.startIndex ? "/" : String(file[..<slash])
    }

    func collect(_ body: () throws -> Void) {
        do { try body() } catch let diagnostic as Diagnostic { errors.append(diagnostic) } catch let error
            as InputError
        {
            errors += error.diagnostics
        } catch {
            errors.append(Diagnostic(.error, file: file, message: "\(error)"))
        }
    }

    func refuseUnknown(_ object: ObjectReader, known: [String]) {
        for member in object.unknownMembers(known: Set(known)) {
            errors.append(
                object.diagnostic(
                    for: member,
                    "unknown key \(Diagnostic.quoted(member.key)); expected \(known.joined(separator: ", "))",
                    severity: .error
                )
            )
        }
    }

    func located<Value>(_ value: Value, _ reader: NodeReader) -> RunConfig.Located<Value> {
        RunConfig.Located(value, keyPath: reader.path, location: reader.node.location)
    }

    /// A path as written, resolved against the config file's folder unless absolute.
    func resolve(_ path: String) -> String {
        RunConfigLoader.join(baseFolder, path)
    }

    func path(_ reader: NodeReader) throws -> String {
        let text = try reader.string()
        guard !text.isEmpty else { throw reader.diagnostic("expected a non-empty path") }
        return resolve(text)
    }

    func inputs(_ section: ObjectReader) -> RunConfig.Inputs {
        refuseUnknown(section, known: RunConfigLoader.inputKeys)
        var inputs = RunConfig.Inputs()
        collect { inputs.folder = try section.optional("folder").map(path) }
        collect { inputs.inventories = try section.optional("inventories")?.list().map(path) ?? [] }
        collect {
            for element in try section.optional("imports")?.list() ?? [] {
                collect {
                    let entry = try element.object()
                    refuseUnknown(entry, known: RunConfigLoader.importKeys)
                    let kindReader = try entry.required("kind", "an import kind from `crosswalk importers`, or auto")
                    let kind = try kindReader.string()
                    guard kind == "auto" || ImportRegistry.kind(named: kind) != nil else {
                        let names = ImportRegistry.kinds.map(\.name) + ["auto"]
                        throw kindReader.diagnostic(
                            "unknown import kind \(Diagnostic.quoted(kind)); expected one of \(names.joined(separator: ", ")) (see `crosswalk importers`)"
                        )
                    }
                    let file = try path(try entry.required("path", "the export file to read"))
                    inputs.imports.append(RunConfig.ImportInput(kind: kind, path: file))
                }
            }
        }
        collect { inputs.policy = try section.optional("policy").map(path) }
        collect { inputs.overlay = try section.optional("overlay").map(path) }
        collect { inputs.waivers = try section.optional("waivers").map(path) }
        collect { inputs.catalogs = try section.optional("catalogs")?.list().map(path) ?? [] }
        if inputs.folder == nil && inputs.inventories.isEmpty && inputs.imports.isEmpty
            && !section.contains("folder") && !section.contains("inventories") && !section.contains("imports")
        {
            errors.append(
                Diagnostic(
                    .error,
                    file: file,
                    location: section.location,
                    keyPath: "inputs",
                    message: "name what to read: folder (holding inventory.*), inventories or imports"
                )
            )
        }
        return inputs
    }

    func output(_ section: ObjectReader, knownFormats: [String]) throws -> RunConfig.Output {
        refuseUnknown(section, known: RunConfigLoader.outputKeys)
        var output = RunConfig.Output(
            root: try path(section.required("root", "the folder that holds the dated run folders"))
        )
        collect {
            guard let reader = section.optional("formats") else { return }
            let list = try reader.list()
            var formats: [String] = []
            for element in list {
                let name = try element.string()
                guard knownFormats.contains(name) else {
                    throw element.diagnostic(
                        "unknown format \(Diagnostic.quoted(name)); expected \(knownFormats.joined(separator: ", "))"
                    )
                }
                if !formats.contains(name) { formats.append(name) }
            }
            guard !formats.isEmpty else {
                throw reader.diagnostic("expected at least one format, or leave the key out")
            }
            output.formats = formats
        }
        collect { output.prettyJSON = try section.optional("pretty_json")?.bool() ?? false }
        collect { output.templates = try section.optional("templates").map(path) }
        collect { output.sign = try section.optional("sign").map(path) }
        collect { output.includePassing = try section.optional("include_passing")?.bool() ?? false }
        return output
    }

    func history(_ section: ObjectReader, into history: inout RunConfig.History) {
        refuseUnknown(section, known: RunConfigLoader.historyKeys)
        collect {
            if let database = section.optional("database") { history.database = try path(database) }
        }
        collect {
            guard let retention = try section.optional("retention")?.object() else { return }
            refuseUnknown(retention, known: RunConfigLoader.retentionKeys)
            collect { history.retention.runs = try retention.optional("runs").map(positiveCount) }
            collect { history.retention.days = try retention.optional("days").map(positiveCount) }
        }
    }

    func gates(
        _ section: ObjectReader,
        into gates: inout GatePolicy,
        keys: inout [RunConfig.Located<String>]
    ) {
        refuseUnknown(section, known: RunConfigLoader.gateKeys)
        collect { gates.newFailuresAtOrAbove = try section.optional("new_failures_at_or_above").map(severity) }
        collect { gates.failuresAtOrAbove = try section.optional("fail_on").map(severity) }
        collect {
            guard let scores = try section.optional("minimum_scores")?.object() else { return }
            for member in scores.members {
                let value = NodeReader(node: member.value, location: .key(scores.nodePath, member.key), file: file)
                collect {
                    let percent = try number(value)
                    guard (0...100).contains(percent) else {
                        throw value.diagnostic("expected a percentage from 0 to 100")
                    }
                    gates.minimumScores[member.key] = percent
                    keys.append(
                        RunConfig.Located(
                            member.key,
                            keyPath: value.path,
                            location: member.keyLocation ?? member.value.location
                        )
                    )
                }
            }
        }
        collect {
            guard let drop = section.optional("maximum_score_drop") else { return }
            let points = try number(drop)
            guard points >= 0 else { throw drop.diagnostic("expected a number of percentage points, 0 or more") }
            gates.maximumScoreDrop = points
        }
        collect {
            gates.requireCompleteEvidence = try section.optional("require_complete_evidence")?.bool() ?? false
        }
    }

    private func severity(_ reader: NodeReader) throws -> Severity {
        let text = try reader.string()
        guard let severity = Severity(rawValue: text) else {
            throw reader.diagnostic("expected critical, high, medium or low, found \(Diagnostic.quoted(text))")
        }
        return severity
    }

    private func positiveCount(_ reader: NodeReader) throws -> Int {
        let value = try reader.integer()
        guard value >= 1, value <= Int64(Int32.max) else {
            throw reader.diagnostic("expected a whole number of 1 or more")
        }
        return Int(value)
    }

    private func number(_ reader: NodeReader) throws -> Double {
        switch reader.node.value {
        case let .integer(value): return Double(value)
        case let .number(value) where value.isFinite: return value
        default: throw reader.mismatch("a number")
        }
    }
}
