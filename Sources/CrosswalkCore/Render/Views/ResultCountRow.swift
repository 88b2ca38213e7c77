import Mustache

/// How many subjects of a control have one result status (key `counts` of a ``ControlSection``).
struct ResultCountRow: TemplateView {
    /// `✓ Pass`, …
    var status: String
    var statusClass: String
    var count: String

    init(_ status: ResultStatus, count: Int) {
        let presentation = StatusPresentation.of(status)
        self.status = presentation.label
        statusClass = presentation.cssClass
        self.count = String(count)
    }

    /// The statuses a control card counts, worst first. `accepted` only appears once a waiver
    /// (`--waivers`) has accepted a result of the control, so reports without waivers show no
    /// accepted row.
    static func rows(_ outcome: ControlOutcome) -> [ResultCountRow] {
        ResultStatus.allCases.sorted().filter { $0 != .accepted || outcome.count(.accepted) > 0 }.map {
            ResultCountRow($0, count: outcome.count($0))
        }
    }
}

extension ResultCountRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "status": status
        case "statusClass": statusClass
        case "count": count
        default: nil
        }
    }
}
