import ArgumentParser
import CrosswalkCore
import CrosswalkXML

/// `crosswalk validate`: checks input files and XML and JSON reports, reporting every problem and
/// writing nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check inventory, overlay, policy, waivers, catalog and mapping files, and XML and JSON reports.",
        discussion: """
            Files ending in .xml are checked as Crosswalk XML reports against the bundled schema \
            (schemas/crosswalk-report-2.xsd). A JSON file whose "schema" member is \
            urn:crosswalk:report:2 is checked as a JSON report against the bundled JSON Schema \
            (schemas/crosswalk-report-2.schema.json). Every other file is checked as an inventory, \
            overlay, policy snapshot, waivers file, catalog or mapping file.

            Example: crosswalk validate examples/acme/inventory.yaml examples/acme/policy.yaml
            Example: crosswalk validate reports/example/crosswalk-report.json

            Exit codes: 0 every file is valid; 2 at least one file is invalid (or unreadable, or larger \
            than --max-input-size).
            """
    )

    @Option(
        name: .customLong("max-input-size"),
        help: ArgumentHelp("Refuse any file larger than this, e.g. 500M or 2G (binary units).", valueName: "size")
    )
    var maxInputSize: ByteCount = .defaultInputLimit

    @Argument(
        help:
            "Files to check. Inventories are checked together, so references may cross files; .xml files and JSON files naming a report schema are reports."
    )
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to check") }
    }

    /// One checked file's verdict, in the order the files were named.
    private enum Verdict {
        case valid(file: String, kind: String, warnings: [Diagnostic])
        case invalid([Diagnostic])
    }

    func run() throws {
        var inputs: [InputFile] = []
        var unreadable: [Diagnostic] = []
        for path in files {
            do { inputs.append(try FileAccess.read(path, limit: maxInputSize, mapping: true)) } catch let diagnostic
                as Diagnostic
            {
                unreadable.append(diagnostic)
            }
        }
        let isReport = { (file: InputFile) in file.path.lowercased().hasSuffix(".xml") }
        let (outcomes, warnings) = FileValidator().validate(inputs.filter { !isReport($0) })
        var remainingOutcomes = outcomes[...]
        var reportValidator: XMLSchemaValidator?
        var verdicts: [Verdict] = []
        for input in inputs {
            if isReport(input) {
                verdicts.append(Self.validateReport(input, with: &reportValidator))
            } else if let outcome = remainingOutcomes.popFirst() {
                if outcome.errors.isEmpty, let kind = outcome.kind {
                    verdicts.append(.valid(file: outcome.file, kind: kind.rawValue, warnings: []))
                } else {
                    verdicts.append(.invalid(outcome.errors))
                }
            }
        }
        Terminal.printDiagnostics(unreadable)
        Terminal.printDiagnostics(warnings)
        var failed = !unreadable.isEmpty
        for verdict in verdicts {
            switch verdict {
            case .valid(let file, let kind, let warnings):
                Terminal.printDiagnostics(warnings)
                Terminal.printLine("\(file): valid \(kind)")
            case .invalid(let diagnostics):
                failed = true
                Terminal.printDiagnostics(diagnostics)
            }
        }
        if failed { throw CrosswalkExit.invalidInput }
    }

    /// Checks an XML file against the report schema, parsing the schema on first use.
    private static func validateReport(
        _ input: InputFile,
        with validator: inout XMLSchemaValidator?
    ) -> Verdict {
        do {
            if validator == nil { validator = try XMLSchemaValidator.crosswalkReport() }
        } catch let error as InputError {
            return .invalid(error.diagnostics)
        } catch let diagnostic as Diagnostic {
            return .invalid([diagnostic])
        } catch {
            return .invalid([Diagnostic(.error, file: input.path, message: "cannot load the report schema: \(error)")])
        }
        let problems = validator?.validate(input.bytes, file: input.path) ?? []
        guard problems.contains(where: { $0.severity == .error }) else {
            return .valid(file: input.path, kind: "XML report", warnings: problems)
        }
        return .invalid(problems)
    }
}
