/// A catalog entry's status, the evidence behind it and why.
public struct EntryAssessment: Sendable {
    public var entry: CatalogEntry
    public var status: EntryStatus
    /// The mappings of a leaf entry with their scoped counts, in control order; empty for groups.
    public var links: [LinkAssessment]
    /// Distinct identities behind the failing results of the live mappings, in each mapping's scope
    /// (for groups: the most of any child).
    public var affectedIdentityCount: Int
    /// Whether the entry is a leaf (scored); groups are rolled up for display only.
    public var isLeaf: Bool
    /// Leaf descendants by status (a leaf counts itself once); groups derive status and coverage from it.
    public var leafStatusCounts: [EntryStatus: Int]
    /// One sentence explaining the status.
    public var reason: String
    /// The identities behind a leaf entry's gaps, listed up to ``AffectedIdentityList/cap``;
    /// its count is ``affectedIdentityCount`` (empty for groups and entries without gaps).
    public var affectedIdentities = AffectedIdentityList()

    /// The live mappings: those with a result in scope.
    public var liveLinks: [LinkAssessment] { links.filter(\.isLive) }

    /// Σ weight × rate over live mappings.
    public var earned: Double { liveLinks.reduce(0) { $0 + $1.weight * $1.rate } }

    /// Σ weight over live mappings.
    public var possible: Double { liveLinks.reduce(0) { $0 + $1.weight } }

    /// earned ÷ possible; nil without a live mapping (and for groups).
    public var passShare: Double? {
        let possible = possible
        return possible > 0 ? earned / possible : nil
    }

    /// Covered leaf descendants ÷ leaf descendants (a leaf's is 1 of 1 or 0 of 1).
    public var coverage: Ratio {
        let total = leafStatusCounts.values.reduce(0, +)
        return Ratio(total - (leafStatusCounts[.notCovered] ?? 0), of: total)
    }
}

/// The map stage's output for one catalog: every entry's status, the score and the coverage.
public struct FrameworkAssessment: Sendable {
    public var catalog: Catalog
    /// Every entry of the catalog, in catalog order (groups rolled up from their leaves).
    public var entries: [EntryAssessment]

    /// Leaf entries with `status`.
    public func count(_ status: EntryStatus) -> Int {
        entries.filter { $0.isLeaf && $0.status == status }.count
    }

    public var leafEntryCount: Int { entries.filter(\.isLeaf).count }

    /// Covered leaf entries ÷ all leaf entries.
    public var coverage: Ratio {
        Ratio(leafEntryCount - count(.notCovered), of: leafEntryCount)
    }

    /// Σ (weight × rate) ÷ Σ weight over the live mappings of every leaf entry, with the critical
    /// controls failing in them; nil when no mapping is live.
    public var score: FrameworkScore? {
        var earned = 0.0
        var possible = 0.0
        var criticalGaps = Set<String>()
        for entry in entries where entry.isLeaf {
            for link in entry.links where link.isLive {
                earned += link.weight * link.rate
                possible += link.weight
                if link.severity == .critical && link.counts.failing > 0 {
                    criticalGaps.insert(link.mapping.controlID)
                }
            }
        }
        return possible > 0
            ? FrameworkScore(earned: earned, possible: possible, criticalGaps: criticalGaps.sorted()) : nil
    }
}
