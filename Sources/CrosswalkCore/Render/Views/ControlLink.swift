import Mustache

/// An in-page link to a control's section, as HTML lists them: `<a href="#{{anchor}}">{{id}}</a>`
/// then ``suffix`` and ``separator``.
struct ControlLink: TemplateView {
    /// The control id: `CW-LOG-01`.
    var id: String
    /// The control section's anchor: `control-CW-LOG-01`.
    var anchor: String
    /// Text after the link: ` (attested)`, ` (subset-of, 7)` or nothing.
    var suffix: String
    /// `, ` between links, nothing after the last.
    var separator: String

    /// Links to `controls` (id and the text after its link), separated by commas.
    static func list(_ controls: [(id: String, suffix: String)]) -> [ControlLink] {
        controls.enumerated().map { index, control in
            ControlLink(
                id: control.id,
                anchor: HTMLEscaping.anchor("control", control.id),
                suffix: control.suffix,
                separator: index == controls.count - 1 ? "" : ", "
            )
        }
    }
}

extension ControlLink: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "anchor": anchor
        case "suffix": suffix
        case "separator": separator
        default: nil
        }
    }
}
