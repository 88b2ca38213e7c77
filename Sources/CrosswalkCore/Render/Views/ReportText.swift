/// How reports word the values several views share: entry ids, mapped controls, pass shares,
/// dates and counts. Views call these so that Markdown, HTML and the control reference agree.
enum ReportText {
    /// What marks an entry id that Crosswalk assigned, after the id.
    static let crosswalkIDMark = " (Crosswalk id)"

    /// An entry id as reports print it: `L7-03 (Crosswalk id)` when Crosswalk assigned it.
    static func entryID(_ entryID: String, in catalog: Catalog?) -> String {
        catalog?.entryIDs == .crosswalk ? entryID + crosswalkIDMark : entryID
    }

    /// ` (attested)` for attested evidence, nothing for observed.
    static func attestedMark(_ source: EvidenceSource) -> String {
        source == .attested ? " (attested)" : ""
    }

    /// What follows a mapped control's id in an entry row: ` (attested) (subset-of, 7)`.
    static func linkSuffix(_ link: LinkAssessment) -> String {
        attestedMark(link.evidenceSource) + " (\(link.mapping.relationship.rawValue), \(link.mapping.strength))"
    }

    /// A pass share as a whole percent, or empty when the entry has none.
    static func passShare(_ entry: EntryAssessment) -> String {
        entry.passShare.map(FrameworkScore.percentText) ?? ""
    }

    /// `12 of 40`.
    static func fraction(_ ratio: Ratio) -> String {
        "\(ratio.numeratorText) of \(ratio.denominator)"
    }

    /// `1 identity`, `4 identities`, `1,000,000 identities`.
    static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(number(count)) \(count == 1 ? singular : plural)"
    }

    /// `1234567` → `1,234,567`: counts as people read them (``CountText/grouped(_:)``).
    static func number(_ value: Int) -> String { CountText.grouped(value) }

    /// `1 November 2026, 00:00 UTC`.
    static func readable(_ timestamp: Timestamp) -> String {
        let text = timestamp.iso8601
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let parts = text.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
        guard parts.count >= 5, (1...12).contains(parts[1]) else { return text }
        let time = text.dropFirst(11).prefix(5)
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0]), \(time) UTC"
    }

    /// `1 November 2026`: the day of `timestamp`, without the time.
    static func readableDay(_ timestamp: Timestamp) -> String {
        let text = readable(timestamp)
        guard let comma = text.firstIndex(of: ",") else { return text }
        return String(text[..<comma])
    }

    /// Why a posture cannot read Strong: the critical controls that fail, or nothing.
    static func criticalGapNote(_ controlIDs: [String]) -> String {
        guard !controlIDs.isEmpty else { return "" }
        let list = controlIDs.joined(separator: ", ")
        return controlIDs.count == 1
            ? "A critical control fails (\(list)), so the posture cannot read Strong until it passes."
            : "Critical controls fail (\(list)), so the posture cannot read Strong until they pass."
    }

    /// One plain sentence on where the organisation stands against a framework: its covered
    /// entries by status, naming only the statuses that occur. The score and coverage are printed
    /// beside it, so the sentence does not repeat them.
    static func postureSentence(_ assessment: FrameworkAssessment) -> String {
        guard assessment.score != nil else {
            return "No inventory result speaks to the entries identity controls address."
        }
        let parts: [(EntryStatus, String)] = [
            (.gapsFound, "with gaps"),
            (.satisfied, "satisfied"),
            (.partiallyEvidenced, "without gaps but partly evidenced"),
            (.notAssessed, "not assessed"),
            (.notApplicable, "not applicable"),
        ]
        let counted = parts.compactMap { status, words -> String? in
            let count = assessment.count(status)
            return count == 0 ? nil : "\(count) \(words)"
        }
        let covered = assessment.coverage.numeratorText
        return "Of \(covered) covered \(covered == "1" ? "entry" : "entries"): \(counted.joined(separator: ", "))."
    }

    /// `OWASP NHI Top 10 2025: NHI7, NHI10; CSA MAESTRO: L7-03 (Crosswalk id)`, frameworks in
    /// library order.
    static func entries(_ entries: [(catalogID: String, entryID: String)], in library: FrameworkLibrary) -> String {
        var byCatalog: [String: [String]] = [:]
        for entry in entries { byCatalog[entry.catalogID, default: []].append(entry.entryID) }
        return library.catalogs.compactMap { catalog -> String? in
            guard let ids = byCatalog[catalog.id] else { return nil }
            return "\(catalog.shortTitle): \(ids.map { entryID($0, in: catalog) }.joined(separator: ", "))"
        }
        .joined(separator: "; ")
    }
}
