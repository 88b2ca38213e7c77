/// Ranks the failing controls into the report's priority list (docs/assessment.md, section 7):
///
/// 1. severity, critical first;
/// 2. exposure class: exposure, then privilege, then hygiene (``ExposureClass``);
/// 3. identities affected, more first; then failing subjects, more first; then control id.
///
/// Severity always decides first: a medium control that affects every identity still ranks below a
/// critical control that affects one.
public enum GapRanking {
    /// How many gaps the executive summary shows.
    public static let executiveCount = 5

    /// Every failing control, ranked; each with the entries it maps to and those it leaves with gaps.
    public static func rank(
        _ evaluation: Evaluation,
        library: FrameworkLibrary,
        frameworks: [FrameworkAssessment]
    ) -> [Gap] {
        var entriesWithGaps: [String: [(catalogID: String, entryID: String)]] = [:]
        for framework in frameworks {
            for entry in framework.entries where entry.isLeaf {
                for mapped in entry.links where leavesGap(entry, controlID: mapped.mapping.controlID) {
                    entriesWithGaps[mapped.mapping.controlID, default: []].append(
                        (framework.catalog.id, entry.entry.id)
                    )
                }
            }
        }
        let unranked = evaluation.outcomes.filter { $0.status == .fail }.map { outcome in
            Gap(
                control: outcome.definition,
                failingSubjects: outcome.count(.fail),
                affectedIdentities: outcome.affectedIdentityCount,
                rank: 0,
                entries: library.mappings(forControl: outcome.definition.id).map { ($0.catalogID, $0.entryID) },
                entriesWithGaps: entriesWithGaps[outcome.definition.id] ?? []
            )
        }
        return unranked.sorted(by: precedes).enumerated().map { position, gap in
            var ranked = gap
            ranked.rank = position + 1
            return ranked
        }
    }

    /// Whether `lhs` is to be closed before `rhs`.
    public static func precedes(_ lhs: Gap, _ rhs: Gap) -> Bool {
        (
            -lhs.control.severity.weight, lhs.control.exposureClass.rankOrder, -lhs.affectedIdentities,
            -lhs.failingSubjects, lhs.control.id
        )
            < (
                -rhs.control.severity.weight, rhs.control.exposureClass.rankOrder, -rhs.affectedIdentities,
                -rhs.failingSubjects, rhs.control.id
            )
    }

    /// Whether an entry has gaps to which the control's failures contribute: the entry is a leaf
    /// with gaps found, and the control's mapping to it is live with failures in its scope.
    static func leavesGap(_ entry: EntryAssessment, controlID: String) -> Bool {
        guard entry.isLeaf, entry.status == .gapsFound else { return false }
        return entry.links.contains { $0.mapping.controlID == controlID && $0.isLive && $0.counts.failing > 0 }
    }
}
