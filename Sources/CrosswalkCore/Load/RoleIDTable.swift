/// The role ids an inventory's headers declare, found by their UTF-8 bytes, so that the fast
/// decoder gives a role binding the header's own `String` rather than a new one.
///
/// Every identity names its roles, and a million identities name a few thousand roles: shared, the
/// bindings cost no allocation each and no memory for as long as the run keeps the identities, and
/// comparing a binding's role with a role id (the loader's check that the role exists, the role
/// controls' lookups) finds the same storage, equal at once, instead of comparing bytes that lie
/// elsewhere in memory. Ids are hashed with the standard library's seeded hasher, so ids chosen to
/// collide cannot slow the table down.
final class RoleIDTable: Sendable {
    /// The ids, in the order first declared (a repeated id is kept once).
    private let ids: [String]
    /// Every id's UTF-8 bytes, one after another; id `n`'s lie at `offsets[n]..<offsets[n + 1]`.
    private let bytes: [UInt8]
    private let offsets: [Int]
    private let hashes: [Int]
    /// Open addressing: the position in `ids` plus one, or 0 for an empty slot.
    private let slots: [Int32]
    private let mask: Int

    init(_ roleIDs: some Sequence<String>) {
        var ids: [String] = []
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        var hashes: [Int] = []
        var seen = Set<String>()
        for id in roleIDs where !id.isEmpty && seen.insert(id).inserted {
            ids.append(id)
            bytes.append(contentsOf: id.utf8)
            offsets.append(bytes.count)
        }
        var capacity = 16
        while capacity < 2 * ids.count { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        bytes.withUnsafeBufferPointer { all in
            for position in ids.indices {
                let hash = Self.hash(UnsafeBufferPointer(rebasing: all[offsets[position]..<offsets[position + 1]]))
                hashes.append(hash)
                var slot = hash & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(position + 1)
            }
        }
        self.ids = ids
        self.bytes = bytes
        self.offsets = offsets
        self.hashes = hashes
        self.slots = slots
        self.mask = mask
    }

    /// The declared id spelled by `utf8`, or nil when no role has that id.
    func id(matching utf8: UnsafeBufferPointer<UInt8>) -> String? {
        guard !ids.isEmpty else { return nil }
        let hash = Self.hash(utf8)
        var slot = hash & mask
        while true {
            let entry = Int(slots[slot])
            guard entry != 0 else { return nil }
            let position = entry - 1
            if hashes[position] == hash, spells(position, utf8) { return ids[position] }
            slot = (slot + 1) & mask
        }
    }

    private func spells(_ position: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[position]
        guard offsets[position + 1] - start == utf8.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            utf8.indices.allSatisfy { all[start + $0] == utf8[$0] }
        }
    }

    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(utf8))
        return hasher.finalize()
    }
}
