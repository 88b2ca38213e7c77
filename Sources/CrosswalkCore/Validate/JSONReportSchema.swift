/// The JSON report's schema (`schemas/crosswalk-report-2.schema.json`, embedded at build time) and
/// the check `crosswalk validate` runs on a JSON report: a file whose top-level `schema` member is
/// `urn:crosswalk:report:2`.
public enum JSONReportSchema {
    /// The schema file in the repository and in the bundled resources.
    public static let path = "schemas/crosswalk-report-2.schema.json"
    /// The prefix every Crosswalk report identifier shares; the version follows it.
    static let identifierPrefix = "urn:crosswalk:report:"

    /// The bundled schema, parsed once.
    public static let schema: Result<JSONSchema, Diagnostic> = {
        guard let text = BundledResources.text(at: path) else {
            return .failure(Diagnostic(.error, file: path, message: "the report schema is not bundled in this build"))
        }
        do {
            return .success(try JSONSchema.parse(Array(text.utf8), file: path))
        } catch let diagnostic as Diagnostic {
            return .failure(diagnostic)
        } catch {
            return .failure(Diagnostic(.error, file: path, message: "cannot load the report schema: \(error)"))
        }
    }()

    /// The report identifier a parsed document declares in its top-level `schema` member, when it
    /// declares one of Crosswalk's (`urn:crosswalk:report:…`, any version).
    static func declaredIdentifier(of document: SourceNode) -> String? {
        guard case .object(let members) = document.value,
            let member = members.first(where: { $0.key == "schema" }),
            case .string(let identifier) = member.value.value,
            identifier.hasPrefix(identifierPrefix)
        else { return nil }
        return identifier
    }

    /// Every problem with a parsed JSON report: an identifier this version cannot check, or each
    /// violation of the schema, located.
    public static func validate(_ document: SourceNode, file: String) -> [Diagnostic] {
        if let identifier = declaredIdentifier(of: document), identifier != ReportExporter.schema {
            return [
                Diagnostic(
                    .error,
                    file: file,
                    location: document.location,
                    keyPath: "schema",
                    message:
                        "unsupported report schema \"\(InertText.visible(identifier))\": this version checks \(ReportExporter.schema)"
                )
            ]
        }
        switch schema {
        case .success(let schema): return JSONSchemaValidator(schema).validate(document, file: file)
        case .failure(let diagnostic): return [diagnostic]
        }
    }

    /// Parses and validates a JSON report file.
    public static func validate(_ file: InputFile) -> [Diagnostic] {
        do {
            return validate(try DocumentParser.parse(file), file: file.path)
        } catch let diagnostic as Diagnostic {
            return [diagnostic]
        } catch {
            return [Diagnostic(.error, file: file.path, message: "\(error)")]
        }
    }
}
