/// The identities behind one leaf entry's gaps (docs/assessment.md §5, "Affected identities"),
/// computed once in the assess stage for every report format: their number, and the first
/// ``cap`` of them in input order with their owners and failing controls.
///
/// The set is the union, over the entry's live mappings with a failure in scope, of each
/// control's affected identities in that scope (``ControlOutcome/affectedIdentities(in:)``): the
/// identities with a failing or erroring result directly or through a credential, and for a
/// finding about a role the identities holding it, for one about a platform the identities on it.
/// The union is taken over bitsets, so only the listed identities are ever materialised.
public struct AffectedIdentityList: Sendable {
    /// How many identities the machine-readable reports list per entry.
    public static let cap = 1_000
    /// How many identities the Markdown and HTML reports list per entry.
    public static let displayLimit = 10

    /// How many distinct identities are affected (the size of the whole set).
    public private(set) var count = 0
    /// The first ``cap`` affected identities, in input order.
    public private(set) var listed: [AffectedIdentity] = []

    public init() {}

    public init(count: Int, listed: [AffectedIdentity]) {
        self.count = count
        self.listed = listed
    }

    /// Affected identities not listed (beyond ``cap``).
    public var omitted: Int { count - listed.count }

    /// The identities the human reports show: the first ``displayLimit``.
    public var displayed: ArraySlice<AffectedIdentity> { listed.prefix(Self.displayLimit) }

    /// Affected identities the human reports do not show.
    public var notDisplayed: Int { count - displayed.count }

    /// The affected identities of `links` (each mapping with its control's outcome) among
    /// `identities` (the run's peer records, by ordinal); only mappings with a failure in scope
    /// count, as for the entry's status.
    public init(_ links: [(Mapping, ControlOutcome)], identities: [Identity], cap: Int = Self.cap) {
        let failing = links.filter { mapping, outcome in outcome.scopedCounts(in: mapping.scope).failing > 0 }
        let sets = failing.map { mapping, outcome in
            (controlID: outcome.definition.id, set: outcome.affectedIdentities(in: mapping.scope))
        }
        var union = IdentitySet()
        for entry in sets { union.formUnion(entry.set) }
        count = union.count
        for ordinal in union.ordinals(limit: cap) {
            let identity = Int(ordinal) < identities.count ? identities[Int(ordinal)] : nil
            var controls: [String] = []
            for entry in sets where entry.set.contains(ordinal) && !controls.contains(entry.controlID) {
                controls.append(entry.controlID)
            }
            listed.append(
                AffectedIdentity(
                    id: identity?.id ?? "#\(ordinal)",
                    name: identity?.name ?? "",
                    owner: OwnerName.of(identity),
                    failingControlIDs: controls
                )
            )
        }
    }
}
