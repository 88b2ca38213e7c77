import Mustache

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

extension ControlReferenceView: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "toolVersion": toolVersion
        case "controlCount": controlCount
        case "controls": controls
        default: nil
        }
    }
}
