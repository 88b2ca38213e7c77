import Mustache

/// One catalog entry in a framework's table (key `entries` of a ``FrameworkRow``).
struct EntryRow: TemplateView {
    var id: String
    /// The id as printed: `L7-03 (Crosswalk id)` when Crosswalk assigned it.
    var displayID: String
    var title: String
    var kind: String
    /// A function, category or layer: it rolls up and is not scored.
    var isGroup: Bool
    /// `✓ Satisfied`, …
    var status: String
    var statusClass: String
    /// `group`, `leaf`, or `leaf uncovered` (HTML row class).
    var rowClass: String
    /// The row's anchor in the HTML page.
    var anchor: String
    /// A leaf's pass share (`85%`), or empty.
    var passShare: String
    /// A group's coverage (`3 of 4 covered`), or empty.
    var coverage: String
    /// The mapped controls: `CW-LOG-01 (attested) (subset-of, 7), …`.
    var controls: String
    /// The same, as links to the control sections.
    var controlLinks: [ControlLink]
    /// Identities behind the leaf's failing results, or empty.
    var affected: String
    /// Why the entry has its status.
    var reason: String
    /// Whether the HTML shows ``reason``: covered leaf entries.
    var hasReason: Bool
    /// The first ``AffectedIdentityList/displayLimit`` identities behind the leaf's gaps.
    var hasAffectedIdentities: Bool
    var affectedIdentities: [AffectedIdentityRow]
    /// Whether the list was cut, and how many identities it leaves out (empty when none).
    var hasMoreAffected: Bool
    var moreAffected: String
    /// `gaps-found`, `not-covered`, …, and the catalog id: what the HTML page's filter reads.
    var statusKey: String
    var catalogID: String
    /// No control addresses the entry: the HTML page lists it compactly, collapsed.
    var isNotCovered: Bool

    init(_ entry: EntryAssessment, catalog: Catalog) {
        let presentation = StatusPresentation.of(entry.status)
        id = entry.entry.id
        displayID = ReportText.entryID(entry.entry.id, in: catalog)
        title = entry.entry.title
        kind = entry.entry.kind
        isGroup = !entry.isLeaf
        status = presentation.label
        statusClass = presentation.cssClass
        rowClass = !entry.isLeaf ? "group" : entry.status == .notCovered ? "leaf uncovered" : "leaf"
        anchor = HTMLEscaping.entryAnchor(catalogID: catalog.id, entryID: entry.entry.id)
        passShare = ReportText.passShare(entry)
        coverage = entry.isLeaf ? "" : "\(ReportText.fraction(entry.coverage)) covered"
        controls = entry.links.map { $0.mapping.controlID + ReportText.linkSuffix($0) }.joined(separator: ", ")
        controlLinks = ControlLink.list(entry.links.map { ($0.mapping.controlID, ReportText.linkSuffix($0)) })
        affected = entry.isLeaf && entry.affectedIdentityCount > 0 ? String(entry.affectedIdentityCount) : ""
        reason = entry.reason
        hasReason = entry.isLeaf && entry.status != .notCovered
        let list = entry.affectedIdentities
        hasAffectedIdentities = !list.listed.isEmpty
        affectedIdentities = AffectedIdentityRow.rows(list.displayed)
        hasMoreAffected = list.notDisplayed > 0
        moreAffected = list.notDisplayed > 0 ? CountText.grouped(list.notDisplayed) : ""
        statusKey = presentation.filterKey
        catalogID = catalog.id
        isNotCovered = entry.status == .notCovered
    }
}

extension EntryRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "displayID": displayID
        case "title": title
        case "kind": kind
        case "isGroup": isGroup
        case "status": status
        case "statusClass": statusClass
        case "rowClass": rowClass
        case "anchor": anchor
        case "passShare": passShare
        case "coverage": coverage
        case "controls": controls
        case "controlLinks": controlLinks
        case "affected": affected
        case "reason": reason
        case "hasReason": hasReason
        case "hasAffectedIdentities": hasAffectedIdentities
        case "affectedIdentities": affectedIdentities
        case "hasMoreAffected": hasMoreAffected
        case "moreAffected": moreAffected
        case "statusKey": statusKey
        case "catalogID": catalogID
        case "isNotCovered": isNotCovered
        default: nil
        }
    }
}
