/// Gathers one platform's identities by id, merging what several records and files say about the
/// same one (a credential report row and an authorization-details entry for one AWS user, a
/// service account and the bindings that name it).
///
/// A *full* record comes from the identity's own listing; an *implied* one from a mention
/// elsewhere (a binding subject, a role assignment's principal). An identity known only by
/// mentions is still reported (a principal holding Owner is a finding even if its listing was not
/// exported), and its own listing, when it comes, supplies its name, kind and dates.
struct IdentityMerger {
    private var order: [String] = []
    private var byID: [String: Identity] = [:]
    private var impliedOnly: Set<String> = []

    /// Adds a record, merging it into any earlier one with the same id.
    mutating func add(_ identity: Identity, implied: Bool = false) {
        guard var existing = byID[identity.id] else {
            order.append(identity.id)
            byID[identity.id] = identity
            if implied { impliedOnly.insert(identity.id) }
            return
        }
        if impliedOnly.contains(identity.id), !implied {
            // The listing arrives after a mention: its fields lead, the mention's lists are kept.
            impliedOnly.remove(identity.id)
            var listing = identity
            Self.absorb(existing, into: &listing)
            byID[identity.id] = listing
            return
        }
        Self.absorb(identity, into: &existing)
        if !implied { existing.unreported.formIntersection(identity.unreported) }
        byID[identity.id] = existing
    }

    /// Changes the identity with `id`, if there is one; returns whether there was.
    @discardableResult
    mutating func update(_ id: String, _ change: (inout Identity) -> Void) -> Bool {
        guard var identity = byID[id] else { return false }
        change(&identity)
        byID[id] = identity
        return true
    }

    func identity(withID id: String) -> Identity? { byID[id] }

    func contains(_ id: String) -> Bool { byID[id] != nil }

    /// Ids in the order first seen.
    var ids: [String] { order }

    /// Whether the identity is known only from mentions of it.
    func isImpliedOnly(_ id: String) -> Bool { impliedOnly.contains(id) }

    /// The identities in the order first seen; a field that holds a value is never listed as
    /// unreported.
    func identities() -> [Identity] {
        order.compactMap { id in
            guard var identity = byID[id] else { return nil }
            identity.unreported.subtract(Self.reportedFields(of: identity))
            identity.tags.sort { $0.key < $1.key }
            return identity
        }
    }

    /// The fields of ``UnreportedFields`` that hold a value.
    static func reportedFields(of identity: Identity) -> UnreportedFields {
        var reported: UnreportedFields = []
        if identity.owner != nil { reported.insert(.owner) }
        if identity.lastUsed != nil { reported.insert(.lastUsed) }
        if identity.environment != nil { reported.insert(.environment) }
        if identity.trustZone != nil { reported.insert(.trustZone) }
        if identity.lastReviewed != nil { reported.insert(.lastReviewed) }
        if identity.interactiveUse != nil { reported.insert(.interactiveUse) }
        if identity.sharedAccount != nil { reported.insert(.sharedAccount) }
        return reported
    }

    /// Fills `target`'s missing fields from `other` and unions their lists; `target` leads.
    static func absorb(_ other: Identity, into target: inout Identity) {
        if target.name == target.id, other.name != other.id { target.name = other.name }
        target.platform = target.platform ?? other.platform
        target.environment = target.environment ?? other.environment
        target.owner = target.owner ?? other.owner
        target.trustZone = target.trustZone ?? other.trustZone
        if target.status == .active, other.status != .active { target.status = other.status }
        target.created = target.created ?? other.created
        target.lastUsed = Self.later(target.lastUsed, other.lastUsed)
        target.spawnedBy = target.spawnedBy ?? other.spawnedBy
        target.authentication = target.authentication ?? other.authentication
        target.interactiveUse = target.interactiveUse ?? other.interactiveUse
        target.sharedAccount = target.sharedAccount ?? other.sharedAccount
        target.thirdParty = target.thirdParty || other.thirdParty
        target.lastReviewed = target.lastReviewed ?? other.lastReviewed
        if let tools = other.tools { target.tools = Array(Set((target.tools ?? []) + tools)).sorted() }
        for binding in other.roleBindings where !target.roleBindings.contains(binding) {
            target.roleBindings.append(binding)
        }
        for tag in other.tags where !target.tags.contains(where: { $0.key == tag.key }) {
            target.tags.append(tag)
        }
        for credential in other.credentials {
            if let index = target.credentials.firstIndex(where: { $0.id == credential.id }) {
                Self.absorb(credential, into: &target.credentials[index])
            } else {
                target.credentials.append(credential)
            }
        }
        target.origin = target.origin ?? other.origin
    }

    /// Fills `target`'s missing credential fields from `other`; `target` leads.
    static func absorb(_ other: Credential, into target: inout Credential) {
        if target.status == .active, other.status != .active { target.status = other.status }
        target.created = target.created ?? other.created
        target.lastRotated = target.lastRotated ?? other.lastRotated
        target.expires = target.expires ?? other.expires
        target.lastUsed = Self.later(target.lastUsed, other.lastUsed)
        target.revoked = target.revoked ?? other.revoked
        target.ttlSeconds = target.ttlSeconds ?? other.ttlSeconds
        target.storage = target.storage ?? other.storage
        for other in other.sharedWith where !target.sharedWith.contains(other) { target.sharedWith.append(other) }
        for environment in other.usedIn where !target.usedIn.contains(environment) {
            target.usedIn.append(environment)
        }
        for exposure in other.exposures where !target.exposures.contains(exposure) { target.exposures.append(exposure) }
        target.task = target.task ?? other.task
        target.origin = target.origin ?? other.origin
    }

    private static func later(_ first: Timestamp?, _ second: Timestamp?) -> Timestamp? {
        guard let first else { return second }
        guard let second else { return first }
        return max(first, second)
    }
}
