import CrosswalkCore
import Testing

/// Look-ups the importer tests share: an identity or role by id, or a test failure naming it.
extension ImportedInventory {
    func identity(_ id: String) throws -> Identity {
        try #require(identities.first { $0.id == id }, "no identity \(id)")
    }

    func role(_ id: String) throws -> Role {
        try #require(roles.first { $0.id == id }, "no role \(id)")
    }

    /// The warnings a run without an overlay gives about fields the sources cannot tell.
    var gapWarnings: [Diagnostic] {
        var tally = SourceGapTally()
        tally.add(identities)
        return tally.warnings(overlayGiven: false)
    }
}
