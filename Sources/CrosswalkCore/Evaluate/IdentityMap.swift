extension Inventory {
    /// `transform` of every identity, in inventory order, worked out in `runner.width` consecutive
    /// parts side by side: for the preparations of cross-record controls, whose walk over a
    /// million identities scattered in memory would otherwise leave a core idle.
    func mapIdentities<Value>(on runner: any WorkRunner, _ transform: @Sendable (Identity) -> Value) -> [Value] {
        let parts = mapIdentityParts(on: runner, transform)
        guard parts.count > 1 else { return parts.first?.values ?? [] }
        var all: [Value] = []
        all.reserveCapacity(identities.count)
        for part in parts { all.append(contentsOf: part.values) }
        return all
    }

    /// As ``mapIdentities(on:_:)``, the values left in their parts, each with the position of its
    /// first identity, for callers that walk them in order without a copy of the whole.
    func mapIdentityParts<Value>(
        on runner: any WorkRunner,
        _ transform: @Sendable (Identity) -> Value
    ) -> [(start: Int, values: [Value])] {
        let count = identities.count
        let parts = count >= Self.partedMapMinimum ? runner.width : 1
        guard parts > 1 else { return [(0, identities.map(transform))] }
        let results = WorkResults<[Value]>(count: parts)
        let identities = identities
        runner.run(parts) { part in
            results.set(part, identities[(count * part / parts)..<(count * (part + 1) / parts)].map(transform))
        }
        return results.values.enumerated().map { part, values in (count * part / parts, values) }
    }

    /// Below this many identities a map runs on the calling thread.
    static let partedMapMinimum = 8192
}
