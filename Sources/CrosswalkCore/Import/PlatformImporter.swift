/// Reads every export of one platform and joins them into identities and roles.
///
/// The import session gives it each file of its kinds in command-line order, then asks for the
/// result once. An importer never throws for one bad record: it reports the record through the
/// log (file and line or key path) and goes on, so a partial export loses nothing else. A file it
/// cannot read at all is an error in the log.
protocol PlatformImporter {
    static var platform: ImportPlatform { get }
    /// The kinds this importer reads, as `crosswalk importers` lists them.
    static var kinds: [ImportKind] { get }

    init()

    /// Reads one file of one of ``kinds``.
    mutating func read(_ document: ImportDocument, as kind: ImportKind, log: inout ImportLog)

    /// Joins what every file said: identities (merged by id), roles, logging facts.
    mutating func finish(log: inout ImportLog) -> ImportedPlatform
}

/// What one platform's exports yield.
struct ImportedPlatform {
    /// Identities, each id once, in the order first seen.
    var identities: [Identity] = []
    var roles: [Role] = []
    /// Logging configuration the exports show (GCP audit configs), keyed by platform name.
    var logging: [String: PlatformLogging] = [:]
}
