/// Lists in evidence and messages whose length grows with the whole inventory (the owners of the
/// agents sharing a role, the peers of a shared credential) are cut after a few names, so one
/// result never holds thousands of them: `a, b, c and 1,833 more`.
enum CappedList {
    /// How many names a capped list shows.
    static let limit = 10

    static func text(_ items: [String], limit: Int = CappedList.limit) -> String {
        guard items.count > limit else { return items.joined(separator: ", ") }
        return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }
}
