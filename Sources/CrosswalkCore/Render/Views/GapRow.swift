import Mustache

/// One failing control in the ranking of gaps (keys `topGaps` and `executiveGaps`).
struct GapRow: TemplateView {
    /// 1 for the worst.
    var rank: String
    /// The control id, title and section anchor.
    var id: String
    var title: String
    var anchor: String
    /// `Critical`, …
    var severity: String
    var severityClass: String
    /// `exposure`, `privilege` or `hygiene`.
    var exposureClass: String
    /// Failing subjects, and identities they affect.
    var failing: String
    var affected: String
    /// `4 identities affected, 4 failing checks`.
    var scope: String
    /// The framework entries the control maps to, and those left with gaps:
    /// `OWASP NHI Top 10 2025: NHI7, NHI10; CSA MAESTRO: L7-03 (Crosswalk id)`.
    var entries: String
    var gapEntries: String
    var hasGapEntries: Bool
    var remediation: String

    init(_ gap: Gap, library: FrameworkLibrary) {
        let severity = StatusPresentation.of(gap.control.severity)
        let gapEntries = ReportText.entries(gap.entriesWithGaps, in: library)
        rank = String(gap.rank)
        id = gap.control.id
        title = gap.control.title
        anchor = HTMLEscaping.anchor("control", gap.control.id)
        self.severity = severity.label
        severityClass = severity.cssClass
        exposureClass = gap.control.exposureClass.rawValue
        failing = String(gap.failingSubjects)
        affected = String(gap.affectedIdentities)
        scope =
            ReportText.counted(gap.affectedIdentities, "identity", "identities") + " affected, "
            + ReportText.counted(gap.failingSubjects, "failing check", "failing checks")
        entries = ReportText.entries(gap.entries, in: library)
        self.gapEntries = gapEntries
        hasGapEntries = !gapEntries.isEmpty
        remediation = gap.control.remediation
    }
}

extension GapRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "rank": rank
        case "id": id
        case "title": title
        case "anchor": anchor
        case "severity": severity
        case "severityClass": severityClass
        case "exposureClass": exposureClass
        case "failing": failing
        case "affected": affected
        case "scope": scope
        case "entries": entries
        case "gapEntries": gapEntries
        case "hasGapEntries": hasGapEntries
        case "remediation": remediation
        default: nil
        }
    }
}
