import Mustache

/// One owner in the "Findings by owner" section (key `ownerGroups`): failing results by severity
/// and the first few, most severe first.
struct OwnerGroupRow: TemplateView {
    /// The owner, or `no owner`.
    var owner: String
    /// The group's anchor in the HTML page.
    var anchor: String
    var critical: String
    var high: String
    var medium: String
    var low: String
    var total: String
    var findings: [OwnerFindingRow]
    /// Whether the list was cut, and how many findings it leaves out (empty when none).
    var hasMoreFindings: Bool
    var moreFindings: String

    init(_ group: OwnerFindings) {
        owner = group.ownerText
        anchor = HTMLEscaping.anchor("owner", group.ownerText)
        critical = CountText.grouped(group.count(.critical))
        high = CountText.grouped(group.count(.high))
        medium = CountText.grouped(group.count(.medium))
        low = CountText.grouped(group.count(.low))
        total = CountText.grouped(group.total)
        findings = group.listed.map(OwnerFindingRow.init)
        hasMoreFindings = group.omitted > 0
        moreFindings = group.omitted > 0 ? CountText.grouped(group.omitted) : ""
    }
}

extension OwnerGroupRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "owner": owner
        case "anchor": anchor
        case "critical": critical
        case "high": high
        case "medium": medium
        case "low": low
        case "total": total
        case "findings": findings
        case "hasMoreFindings": hasMoreFindings
        case "moreFindings": moreFindings
        default: nil
        }
    }
}
