/// Counts, per import kind, the identities whose source leaves fields unreported once the overlay
/// has filled in what it can: the report's warnings say which source lacks which field.
public struct SourceGapTally: Sendable {
    private struct Gap: Sendable {
        var file: String
        var count = 0
        var fields: UnreportedFields = []
    }

    private var gaps: [(kind: String, gap: Gap)] = []
    private var positions: [String: Int] = [:]

    public init() {}

    /// Counts the identities' unreported fields (after the overlay).
    public mutating func add(_ identities: some Sequence<Identity>) {
        for identity in identities where !identity.unreported.isEmpty {
            let kind = identity.origin?.kind ?? identity.platform ?? "import"
            let position: Int
            if let known = positions[kind] {
                position = known
            } else {
                gaps.append((kind, Gap(file: identity.origin?.file ?? kind)))
                position = gaps.count - 1
                positions[kind] = position
            }
            gaps[position].gap.count += 1
            gaps[position].gap.fields.formUnion(identity.unreported)
        }
    }

    /// One warning per kind: which fields its records lack, for how many identities, and how to
    /// fill them in.
    public func warnings(overlayGiven: Bool) -> [Diagnostic] {
        gaps.map { kind, gap in
            let noun = gap.count == 1 ? "identity" : "identities"
            let remedy =
                overlayGiven
                ? "the overlay does not fill them in, so controls that need them are not assessed"
                : "controls that need them are not assessed; fill them in with --overlay"
            return Diagnostic(
                .warning,
                file: gap.file,
                message:
                    "\(kind) does not report \(gap.fields.keys.joined(separator: ", ")) for \(gap.count) \(noun): \(remedy)"
            )
        }
    }
}
