/// Renders `docs/controls.md`: every built-in control with its definition and framework mappings,
/// for auditors who want to read the rules without running a report.
public struct ControlReference: Sendable {
    public var templates: ReportTemplates

    public init(templates: ReportTemplates) {
        self.templates = templates
    }

    public func render(controls: [ControlDefinition], library: FrameworkLibrary) throws -> String {
        let view = ControlReferenceView(
            toolVersion: CrosswalkPipeline.toolVersion,
            controls: controls,
            library: library
        )
        return try templates.render("controls.md", view)
    }
}
