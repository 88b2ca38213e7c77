/// Finds catalog entries whose `parent` links loop back on themselves, so the catalog loader can
/// reject them (a parent chain must end at an entry without a parent). Linear in the entry count.
enum ParentCycleFinder {
    /// Every cycle once, as entry ids in parent order, starting from the cycle's entry that comes
    /// first in the catalog; cycles in the order their first entry appears. A parent that the
    /// catalog does not define ends a chain (the loader reports it separately).
    static func cycles(in entries: [CatalogEntry]) -> [[String]] {
        var position: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where position[entry.id] == nil { position[entry.id] = index }
        let parent = entries.map { entry in entry.parent.flatMap { position[$0] } }
        var state = [UInt8](repeating: 0, count: entries.count)  // 0 unvisited, 1 on the current walk, 2 done
        var found: [[Int]] = []
        for start in entries.indices where state[start] == 0 {
            var walk: [Int] = []
            var current: Int? = start
            while let index = current, state[index] == 0 {
                state[index] = 1
                walk.append(index)
                current = parent[index]
            }
            if let index = current, state[index] == 1, let cycleStart = walk.firstIndex(of: index) {
                found.append(Array(walk[cycleStart...]))
            }
            for index in walk { state[index] = 2 }
        }
        return found.map { cycle in
            let first = cycle.firstIndex(of: cycle.min() ?? 0) ?? 0
            return (cycle[first...] + cycle[..<first]).map { entries[$0].id }
        }
        .sorted { (position[$0[0]] ?? 0) < (position[$1[0]] ?? 0) }
    }
}
