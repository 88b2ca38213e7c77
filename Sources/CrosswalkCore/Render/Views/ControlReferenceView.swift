/// What `controls.md` (docs/controls.md) receives: every built-in control with its definition
/// and framework mappings.
struct ControlReferenceView: TemplateView {
    var toolVersion: String
    var controlCount: String
    var controls: [ControlReferenceSection]

    init(toolVersion: String, controls: [ControlDefinition], library: FrameworkLibrary) {
        self.toolVersion = toolVersion
        controlCount = String(controls.count)
        self.controls = controls.map { ControlReferenceSection($0, library: library) }
    }
}
