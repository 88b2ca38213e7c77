/// Renders `docs/controls.md`: every built-in control with its definition and framework mappings,
/// for auditors who want to read the rules without running a report.
public struct ControlReference: Sendable {
    public var templates: ReportTemplates

    public init(templates: ReportTemplates) {
        self.templates = templates
    }

    public func render(controls: [ControlDefinition], library: FrameworkLibrary) throws -> String {
        let view: [String: Any] = [
            "toolVersion": CrosswalkPipeline.toolVersion,
            "controlCount": String(controls.count),
            "controls": controls.map { control($0, library: library) },
        ]
        return try templates.render("controls.md", view)
    }

    private func control(_ definition: ControlDefinition, library: FrameworkLibrary) -> [String: Any] {
        var mappings: [[String: String]] = []
        for catalog in library.catalogs {
            for mapping in library.mappings(forControl: definition.id) where mapping.catalogID == catalog.id {
                let title = catalog.entries.first { $0.id == mapping.entryID }?.title ?? ""
                mappings.append([
                    "catalog": catalog.shortTitle,
                    "entry":
                        "\(mapping.entryID)\(catalog.entryIDs == .crosswalk ? PriorityViewModel.crosswalkIDMark : "") \(title)",
                    "relationship": mapping.relationship.rawValue,
                    "strength": String(mapping.strength),
                    "scope": mapping.scope.rawValue,
                    "rationale": mapping.rationale,
                ])
            }
        }
        return [
            "id": definition.id,
            "title": definition.title,
            "severity": ReportViewModel.severityLabel(definition.severity),
            "subjectKind": definition.subjectKind.rawValue,
            "evidenceSource": definition.evidenceSource.rawValue,
            "appliesTo": definition.appliesTo,
            "description": definition.description,
            "rationale": definition.rationale,
            "remediation": definition.remediation,
            "evidenceFields": definition.evidenceFields.joined(separator: ", "),
            "policyParameters": definition.policyParameters.isEmpty
                ? "none" : definition.policyParameters.joined(separator: ", "),
            "exampleCount": String(definition.examples.count),
            "mappings": mappings,
        ]
    }
}
