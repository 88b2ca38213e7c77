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

/// Where a reference sits in a JSON Lines record the fast decoder read: the file (by its position
/// among the JSON Lines files loaded), the line, and the reference's position among the record's
/// references. Small on purpose (a million records have millions of references); the exact line
/// and column are found by reading the line again, only when a diagnostic needs them.
struct JSONLinesReferencePlace: Sendable {
    var file: Int32
    var ordinal: Int32
    var lineNumber: Int
    var bytes: Range<Int>
}

/// Where an identity was first defined: the first byte of a JSON Lines record (spelled out only
/// when a duplicate must name it), or a place already spelled out, kept in the loader's list of
/// places. Packed into 8 bytes, since the loader keeps one per identity id (a million of them)
/// until every reference is checked.
struct IdentityOrigin {
    enum Kind {
        /// The loader's place number `number`.
        case place(Int)
        case recordStart(file: Int32, line: Int)
    }

    /// Bit 63 set: a place number; else the file number above bit 40 and the line below it.
    private let packed: UInt64
    private static let placeFlag: UInt64 = 1 << 63
    private static let lineBits: UInt64 = 40

    static func place(_ number: Int) -> IdentityOrigin { IdentityOrigin(packed: placeFlag | UInt64(number)) }

    static func recordStart(file: Int32, line: Int) -> IdentityOrigin {
        IdentityOrigin(packed: UInt64(UInt32(bitPattern: file)) << lineBits | UInt64(line) & (1 << lineBits - 1))
    }

    var kind: Kind {
        if packed & Self.placeFlag != 0 { return .place(Int(packed & ~Self.placeFlag)) }
        return .recordStart(
            file: Int32(truncatingIfNeeded: packed >> Self.lineBits),
            line: Int(packed & (1 << Self.lineBits - 1))
        )
    }
}
