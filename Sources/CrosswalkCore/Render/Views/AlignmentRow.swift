import Mustache

/// One covered leaf entry in the "Standards & Framework Alignment" table (key `alignment`).
struct AlignmentRow: TemplateView {
    /// The framework's short title.
    var framework: String
    /// The anchor of the framework's section, from its catalog id (short titles need not be unique).
    var frameworkAnchor: String
    /// `NHI7 Long-lived secrets`.
    var entry: String
    var status: String
    var statusClass: String
    var passShare: String
    /// The mapped controls: `CW-LOG-01 (attested), CW-CRED-02`.
    var controls: String
    /// The same, as links to the control sections.
    var controlLinks: [ControlLink]

    init(_ entry: EntryAssessment, catalog: Catalog) {
        let presentation = StatusPresentation.of(entry.status)
        framework = catalog.shortTitle
        frameworkAnchor = HTMLEscaping.anchor("framework", catalog.id)
        self.entry = "\(ReportText.entryID(entry.entry.id, in: catalog)) \(entry.entry.title)"
        status = presentation.label
        statusClass = presentation.cssClass
        passShare = ReportText.passShare(entry)
        let links = entry.links.map { ($0.mapping.controlID, ReportText.attestedMark($0.evidenceSource)) }
        controls = links.map { $0.0 + $0.1 }.joined(separator: ", ")
        controlLinks = ControlLink.list(links)
    }

    /// The rows of every framework: its covered leaf entries, frameworks in report order.
    static func rows(_ frameworks: [FrameworkAssessment]) -> [AlignmentRow] {
        frameworks.flatMap { assessment in
            assessment.entries.filter { $0.isLeaf && $0.status != .notCovered }.map {
                AlignmentRow($0, catalog: assessment.catalog)
            }
        }
    }
}

extension AlignmentRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "framework": framework
        case "frameworkAnchor": frameworkAnchor
        case "entry": entry
        case "status": status
        case "statusClass": statusClass
        case "passShare": passShare
        case "controls": controls
        case "controlLinks": controlLinks
        default: nil
        }
    }
}
