/// Thrown when a run asks to report on catalog ids that no loaded catalog has: a usage mistake
/// (the `--framework` option), not a problem in an input file, so the caller can treat it as one.
public struct UnknownFrameworkError: Error, Sendable {
    /// The requested ids that match no catalog, in the order given.
    public var unknown: [String]
    /// The ids of every loaded catalog.
    public var known: [String]

    /// One sentence naming what was asked for and what exists.
    public var message: String {
        let asked = unknown.map { "'\($0)'" }.joined(separator: ", ")
        return
            "unknown framework \(asked); the loaded catalogs are \(known.joined(separator: ", ")) (see `crosswalk catalogs`)"
    }
}
