/// What the fast decoder makes of one JSON Lines identity record: the identity, and the ids it
/// refers to, in the order the tree reader records them (spawned_by, role bindings, then each
/// credential's shared_with), so the loader can check them once every file is read.
struct DecodedIdentityRecord: Sendable {
    var identity: Identity
    var references: [Reference]

    /// One id the record refers to.
    struct Reference: Sendable, Equatable {
        var kind: InventoryReferenceKind
        var target: String
    }
}

/// What an inventory reference points at: a role, the identity that spawned another, or an
/// identity a credential is shared with.
enum InventoryReferenceKind: Sendable, Equatable {
    case role
    case spawnedBy
    case sharedWith
}

/// Where a JSON Lines record is, so the loader can read it again through the tree parser when a
/// diagnostic must name the exact place of something inside it.
struct JSONLinesRecordPlace: Sendable {
    var file: String
    var lineNumber: Int
    /// The line's bytes (a slice sharing the file's storage, not a copy).
    var bytes: ArraySlice<UInt8>
}
