/// One sort of platform export Crosswalk reads: what `--import KIND=PATH` names and
/// `crosswalk importers` lists.
public struct ImportKind: Hashable, Sendable, CustomStringConvertible {
    /// The name on the command line, e.g. `aws-credential-report`.
    public let name: String
    /// The platform whose importer reads it; identities it yields carry this platform.
    public let platform: ImportPlatform
    /// One line: what the export is.
    public let summary: String
    /// The command (or API call) that produces it.
    public let producedBy: String
    /// Whether a parsed document has this kind's shape, for `--import auto=PATH`.
    let matches: @Sendable (ImportDocument) -> Bool

    init(
        name: String,
        platform: ImportPlatform,
        summary: String,
        producedBy: String,
        matches: @escaping @Sendable (ImportDocument) -> Bool
    ) {
        self.name = name
        self.platform = platform
        self.summary = summary
        self.producedBy = producedBy
        self.matches = matches
    }

    public var description: String { name }

    public static func == (lhs: ImportKind, rhs: ImportKind) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// The platforms Crosswalk imports from. One importer per platform reads every file of its kinds,
/// so it can join them (a credential report with authorization details, keys with service
/// accounts, role assignments with service principals).
public enum ImportPlatform: String, CaseIterable, Sendable {
    case aws
    case kubernetes
    case azure
    case gcp

    /// The platform name identities carry, as policy `logging` keys use it.
    public var platformName: String { rawValue }

    /// The display name.
    public var title: String {
        switch self {
        case .aws: return "Amazon Web Services"
        case .kubernetes: return "Kubernetes"
        case .azure: return "Microsoft Azure / Entra ID"
        case .gcp: return "Google Cloud"
        }
    }
}
