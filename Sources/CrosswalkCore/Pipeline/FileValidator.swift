/// Checks input files of any kind without producing a report: what `crosswalk validate` runs.
/// Tells inventories, policies, catalogs, mapping files and JSON reports apart by their content.
public struct FileValidator {
    public enum Kind: String, Sendable {
        case inventory
        case overlay
        case policy
        case catalog
        case mapping = "mapping file"
        /// A JSON report (top-level `schema` is a Crosswalk report identifier), checked against
        /// `schemas/crosswalk-report-2.schema.json`.
        case report = "JSON report"
        /// A waivers file (top-level `waivers`), see `docs/waivers.md`.
        case waivers = "waivers file"
    }

    /// Per file: the kind it was recognised as (nil when it could not be read at all).
    public struct Outcome: Sendable {
        public var file: String
        public var kind: Kind?
        public var errors: [Diagnostic]
    }

    public init() {}

    /// Validates all files; inventories are validated together so references may cross files,
    /// mapping files are checked against the bundled catalogs plus any catalogs given, and JSON
    /// reports against the report schema (each parsed once, checked, then dropped).
    public func validate(_ files: [InputFile]) -> (outcomes: [Outcome], warnings: [Diagnostic]) {
        var kinds: [(InputFile, Kind?)] = []
        var classifyErrors: [String: [Diagnostic]] = [:]
        for file in files {
            do {
                let (kind, root) = try Self.classifyParsing(file)
                kinds.append((file, kind))
                if kind == .report, let root {
                    let problems = JSONReportSchema.validate(root, file: file.path)
                    if !problems.isEmpty { classifyErrors[file.path, default: []] += problems }
                }
            } catch let diagnostic as Diagnostic {
                kinds.append((file, nil))
                classifyErrors[file.path, default: []].append(diagnostic)
            } catch {
                kinds.append((file, nil))
            }
        }
        var errors = classifyErrors
        var warnings: [Diagnostic] = []
        let inventories = kinds.filter { $0.1 == .inventory }.map(\.0)
        if !inventories.isEmpty {
            do {
                // Streamed and dropped batch by batch: validating keeps no identity.
                warnings += try InventoryLoader().load(inventories, header: { _ in }, identities: { _, _ in }).warnings
            } catch let error as InputError {
                for diagnostic in error.diagnostics {
                    if diagnostic.severity == .error {
                        errors[diagnostic.file, default: []].append(diagnostic)
                    } else {
                        warnings.append(diagnostic)
                    }
                }
            } catch {}
        }
        for (file, kind) in kinds where kind == .policy {
            do {
                warnings += try PolicyLoader().load(file).warnings
            } catch let error as InputError {
                errors[file.path, default: []] += error.errors
                warnings += error.diagnostics.filter { $0.severity == .warning }
            } catch let diagnostic as Diagnostic {
                errors[file.path, default: []].append(diagnostic)
            } catch {}
        }
        for (file, kind) in kinds where kind == .overlay {
            do {
                warnings += try OverlayLoader().load(file).warnings
            } catch let error as InputError {
                errors[file.path, default: []] += error.errors
                warnings += error.diagnostics.filter { $0.severity == .warning }
            } catch let diagnostic as Diagnostic {
                errors[file.path, default: []].append(diagnostic)
            } catch {}
        }
        for (file, kind) in kinds where kind == .waivers {
            do {
                warnings += try WaiverLoader().load(file).warnings
            } catch let error as InputError {
                errors[file.path, default: []] += error.errors
                warnings += error.diagnostics.filter { $0.severity == .warning }
            } catch let diagnostic as Diagnostic {
                errors[file.path, default: []].append(diagnostic)
            } catch {}
        }
        let catalogFiles = kinds.filter { $0.1 == .catalog || $0.1 == .mapping }.map(\.0)
        if !catalogFiles.isEmpty {
            do {
                warnings += try CatalogLoader().loadReportingWarnings(user: catalogFiles).warnings
            } catch let error as InputError {
                for diagnostic in error.diagnostics {
                    if diagnostic.severity == .error {
                        errors[diagnostic.file, default: []].append(diagnostic)
                    } else {
                        warnings.append(diagnostic)
                    }
                }
            } catch {}
        }
        let outcomes = kinds.map { file, kind in Outcome(file: file.path, kind: kind, errors: errors[file.path] ?? []) }
        return (outcomes, warnings)
    }

    /// An overlay holds only `version` and `identities`, and either its name says so or one of its
    /// entries selects by `match` (which no inventory identity has).
    private static func isOverlay(_ object: ObjectReader, name: String) -> Bool {
        guard object.members.allSatisfy({ ["version", "organization", "identities"].contains($0.key) }),
            let identities = object.members.first(where: { $0.key == "identities" })?.value
        else { return false }
        if name.contains("overlay") { return true }
        guard case .array(let entries) = identities.value else { return false }
        return entries.contains { entry in
            guard case .object(let members) = entry.value else { return false }
            return members.contains { $0.key == "match" }
        }
    }

    /// Recognises a file's kind from its top-level keys (JSON Lines files are inventories; a
    /// `schema` member naming a Crosswalk report makes a JSON report).
    public static func classify(_ file: InputFile) throws -> Kind {
        try classifyParsing(file).kind
    }

    /// The file's kind, and its parsed document when it had to be parsed.
    private static func classifyParsing(_ file: InputFile) throws -> (kind: Kind, document: SourceNode?) {
        if file.format == .jsonLines { return (.inventory, nil) }
        let document = try DocumentParser.parse(file)
        if JSONReportSchema.declaredIdentifier(of: document) != nil { return (.report, document) }
        return (try classify(document, file: file), document)
    }

    private static func classify(_ document: SourceNode, file: InputFile) throws -> Kind {
        let root = NodeReader(node: document, path: "", file: file.path)
        let object = try root.object()
        if object.contains("entries") { return .catalog }
        if object.contains("mappings") { return .mapping }
        if object.contains("waivers") { return .waivers }
        let name = file.path.split(separator: "/").last.map(String.init)?.lowercased() ?? ""
        if Self.isOverlay(object, name: name) { return .overlay }
        if object.contains("identities") || object.contains("roles") || object.contains("organization") {
            return .inventory
        }
        let policyKeys = Set(PolicyLoader.topLevelKeys).subtracting(["version"])
        if object.members.contains(where: { policyKeys.contains($0.key) }) { return .policy }
        if name.contains("policy") { return .policy }
        if name.contains("inventory") { return .inventory }
        throw root.diagnostic(
            "cannot tell what this file is: expected an inventory (identities, roles), an overlay (identities with match or id entries, in a file named overlay.*), a policy snapshot (thresholds, …), a catalog (entries), a mapping file (mappings) or a waivers file (waivers)"
        )
    }
}
