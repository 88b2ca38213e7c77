/// An organisation's own facts about identities that their sources cannot tell: owners,
/// environments, trust zones, tags, agent flags. Read from `--overlay FILE` and applied to every
/// identity, native or imported, before it is judged.
///
/// Entries with an exact `id` apply first, then entries with a `match` glob in file order. By
/// default an entry fills only fields that are still empty, so what a source reports stands; an
/// entry with `replace: true` overwrites.
public struct Overlay: Sendable {
    /// The organisation the reports name, when no native inventory names one.
    public var organization: String?
    public var entries: [OverlayEntry]

    public init(organization: String? = nil, entries: [OverlayEntry]) {
        self.organization = organization
        self.entries = entries
    }

    /// The entries in the order they apply: exact ids first, then globs in file order.
    var applicationOrder: [Int] {
        entries.indices.filter { entries[$0].selector.isExact }
            + entries.indices.filter { !entries[$0].selector.isExact }
    }
}

/// One overlay entry: which identities it selects and the facts it states.
public struct OverlayEntry: Sendable {
    /// Which identities the entry applies to.
    public enum Selector: Sendable {
        /// The identity with this id.
        case id(String)
        /// Identities whose id matches the glob (`*` matches any run of characters).
        case match(String)

        var isExact: Bool {
            if case .id = self { return true }
            return false
        }

        func selects(_ identityID: String) -> Bool {
            switch self {
            case .id(let id): return id == identityID
            case .match(let pattern): return Pattern.matches(pattern, identityID)
            }
        }

        /// As the overlay file writes it.
        public var description: String {
            switch self {
            case .id(let id): return "id \(id)"
            case .match(let pattern): return "match \(pattern)"
            }
        }
    }

    public var selector: Selector
    /// Overwrite values the source gave, instead of filling only empty fields.
    public var replace: Bool = false
    public var owner: String?
    public var environment: String?
    public var trustZone: String?
    public var kind: IdentityKind?
    public var thirdParty: Bool?
    public var lastReviewed: Timestamp?
    public var sharedAccount: Bool?
    public var interactiveUse: Bool?
    public var tools: [String]?
    /// Where the credentials of the selected identities are kept, for credentials whose source
    /// does not say.
    public var credentialStorage: SecretStorage?
    /// Tags added when the identity has no tag with the key (or replaced, with `replace`).
    public var tags: [Tag] = []
    /// Where the entry is written, for warnings about entries that select nothing.
    public var location: SourceLocation?

    public init(selector: Selector) {
        self.selector = selector
    }

    /// Applies the entry to `identity`; a field it sets is no longer unreported.
    func apply(to identity: inout Identity) {
        func set<Value>(_ value: Value?, _ field: WritableKeyPath<Identity, Value?>, _ gap: UnreportedFields = []) {
            guard let value, replace || identity[keyPath: field] == nil else { return }
            identity[keyPath: field] = value
            identity.unreported.subtract(gap)
        }
        set(owner, \.owner, .owner)
        set(environment, \.environment, .environment)
        set(trustZone, \.trustZone, .trustZone)
        set(lastReviewed, \.lastReviewed, .lastReviewed)
        set(sharedAccount, \.sharedAccount, .sharedAccount)
        set(interactiveUse, \.interactiveUse, .interactiveUse)
        set(tools, \.tools)
        if let kind { identity.kind = kind }
        if let thirdParty { identity.thirdParty = thirdParty }
        if let credentialStorage {
            for index in identity.credentials.indices where replace || identity.credentials[index].storage == nil {
                identity.credentials[index].storage = credentialStorage
            }
            identity.unreported.subtract(.credentialStorage)
        }
        for tag in tags {
            if let index = identity.tags.firstIndex(where: { $0.key == tag.key }) {
                if replace { identity.tags[index].value = tag.value }
            } else {
                identity.tags.append(tag)
                identity.tags.sort { $0.key < $1.key }
            }
        }
    }
}
