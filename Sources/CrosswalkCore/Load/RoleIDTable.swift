#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The role ids an inventory's headers declare, found by their UTF-8 bytes, so that the fast
/// decoder gives a role binding the header's own `String` rather than a new one.
///
/// Every identity names its roles, and a million identities name tens of thousands: shared, the
/// bindings cost no allocation each and no memory for as long as the run keeps the identities, and
/// comparing a binding's role with a role id (the loader's check that the role exists, the role
/// controls' lookups) finds the same storage, equal at once, instead of comparing bytes that lie
/// elsewhere in memory. Ids are hashed with the standard library's seeded hasher, so ids chosen to
/// collide cannot slow the table down.
final class RoleIDTable: Sendable {
    /// One slot of the open-addressing table: an id and its hash, side by side so that a lookup
    /// reads one place before it compares bytes; an empty id marks an empty slot.
    private struct Slot {
        var hash = 0
        var id = ""
    }

    private let slots: [Slot]
    private let mask: Int
    private let isEmpty: Bool

    init(_ roleIDs: some Sequence<String>) {
        let unique = Array(Set(roleIDs.filter { !$0.isEmpty }))
        var capacity = 16
        while capacity < 2 * unique.count { capacity *= 2 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        let mask = capacity - 1
        for id in unique {
            var id = id
            let hash = id.withUTF8 { Self.hash($0) }
            var slot = hash & mask
            while !slots[slot].id.isEmpty { slot = (slot + 1) & mask }
            slots[slot] = Slot(hash: hash, id: id)
        }
        self.slots = slots
        self.mask = mask
        isEmpty = unique.isEmpty
    }

    /// The declared id spelled by `utf8`, or nil when no role has that id.
    func id(matching utf8: UnsafeBufferPointer<UInt8>) -> String? {
        guard !isEmpty else { return nil }
        let hash = Self.hash(utf8)
        return slots.withUnsafeBufferPointer { slots in
            var slot = hash & mask
            while !slots[slot].id.isEmpty {
                if slots[slot].hash == hash, Self.spells(slots[slot].id, utf8) { return slots[slot].id }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    private static func spells(_ id: String, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        id.utf8.withContiguousStorageIfAvailable { stored in
            guard stored.count == utf8.count else { return false }
            guard let left = stored.baseAddress, let right = utf8.baseAddress else { return stored.isEmpty }
            return memcmp(left, right, stored.count) == 0
        } ?? id.utf8.elementsEqual(utf8)
    }

    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(utf8))
        return hasher.finalize()
    }
}
