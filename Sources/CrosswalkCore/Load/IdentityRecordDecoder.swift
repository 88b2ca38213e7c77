/// Decodes one JSON Lines identity record straight from its bytes into an ``Identity``, with no
/// intermediate tree: one pass over the bytes, and a `String` only for each value kept.
///
/// It is the fast path for ordinary records and gives up (returns nil) on anything the tree
/// reader in ``InventoryLoader`` would report or count: malformed JSON, escapes, duplicate or
/// unknown keys (`description` included), keys in ``SecretKeys``, a value of the wrong type, a
/// term outside its documented vocabulary, a number that is not a plain whole number, a string
/// the secret screen would redact or refuse, a duplicate credential id. The loader then reads
/// that record the slow way, so warnings and errors are exactly those of the tree reader. A pure
/// function of the record's bytes, safe to call from any thread.
enum IdentityRecordDecoder {
    /// The identity in `line` (one JSON Lines record without its line feed), or nil when the
    /// record needs the tree reader. A role binding naming one of `roleIDs` gets that id's own
    /// string (see ``RoleIDTable``).
    static func decode(_ line: UnsafeBufferPointer<UInt8>, roleIDs: RoleIDTable? = nil) -> DecodedIdentityRecord? {
        // The tree reader places the record at its first byte; a record that starts elsewhere
        // (indented, after a byte-order mark) is left to it.
        guard line.first == UInt8(ascii: "{") else { return nil }
        var reader = IdentityRecordReader(scanner: JSONByteScanner(bytes: line), roleIDs: roleIDs)
        return try? reader.record()
    }
}

/// The fast decoder's state while reading one record.
private struct IdentityRecordReader {
    var scanner: JSONByteScanner
    /// The roles the headers declare, whose ids role bindings share.
    let roleIDs: RoleIDTable?
    /// Where to start looking up the next key (see ``key(in:)``).
    fileprivate var nextKeyHint = 0

    mutating func record() throws(FastPathBailout) -> DecodedIdentityRecord {
        var fields = SeenKeys()
        var id: String?
        var kind: IdentityKind?
        var name: String?
        var identity = Identity(id: "", name: "", kind: .agent)
        var spawnedBy: String?
        var bindingReferences: [String] = []
        var sharedReferences: [String] = []
        try scanner.expect(UInt8(ascii: "{"))
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                let field = try key(in: RecordKeys.identity)
                try fields.insert(field)
                try scanner.expect(UInt8(ascii: ":"))
                if scanner.consumeNull() { continue }
                switch field {
                case 0: id = try identifier()
                case 1: name = try text()
                case 2: kind = try term(RecordKeys.identityKinds)
                case 3: identity.platform = try label()
                case 4: identity.environment = try label()
                case 5: identity.owner = try text()
                case 6: identity.trustZone = try label()
                case 7: identity.status = try term(RecordKeys.statuses)
                case 8: identity.created = try timestamp()
                case 9: identity.lastUsed = try timestamp()
                case 10: spawnedBy = try identifier()
                case 11: identity.authentication = try term(RecordKeys.authenticationMethods)
                case 12: identity.interactiveUse = try scanner.bool()
                case 13: identity.sharedAccount = try scanner.bool()
                case 14: identity.thirdParty = try scanner.bool()
                case 15: identity.lastReviewed = try timestamp()
                case 16: identity.tools = try textList()
                case 17: identity.roleBindings = try roleBindings(references: &bindingReferences)
                case 18: identity.tags = try tags()
                default: identity.credentials = try credentials(sharedWith: &sharedReferences)
                }
            } while try scanner.continues(before: UInt8(ascii: "}"))
        }
        try scanner.expectEnd()
        guard let id, let kind else { throw FastPathBailout() }
        identity.id = id
        identity.kind = kind
        identity.name = name ?? id
        identity.spawnedBy = spawnedBy
        var references: [DecodedIdentityRecord.Reference] = []
        references.reserveCapacity(bindingReferences.count + sharedReferences.count + 1)
        if let spawnedBy { references.append(.init(kind: .spawnedBy, target: spawnedBy)) }
        for role in bindingReferences { references.append(.init(kind: .role, target: role)) }
        for other in sharedReferences { references.append(.init(kind: .sharedWith, target: other)) }
        return DecodedIdentityRecord(identity: identity, references: references)
    }

    // MARK: Nested values

    private mutating func roleBindings(references: inout [String]) throws(FastPathBailout) -> [RoleBinding] {
        var bindings: [RoleBinding] = []
        try list { reader throws(FastPathBailout) in
            reader.scanner.skipWhitespace()
            if reader.scanner.current == UInt8(ascii: "\"") {
                bindings.append(RoleBinding(role: try reader.roleID()))
            } else {
                bindings.append(try reader.roleBindingObject())
            }
            references.append(bindings[bindings.count - 1].role)
        }
        return bindings
    }

    private mutating func roleBindingObject() throws(FastPathBailout) -> RoleBinding {
        var role: String?
        var binding = RoleBinding(role: "")
        try object(RecordKeys.roleBinding) { reader, field throws(FastPathBailout) in
            switch field {
            case 0: role = try reader.roleID()
            case 1: binding.scope = try reader.text()
            default: binding.environment = try reader.label()
            }
        }
        guard let role else { throw FastPathBailout() }
        binding.role = role
        return binding
    }

    private mutating func tags() throws(FastPathBailout) -> [Tag] {
        var tags: [Tag] = []
        try scanner.expect(UInt8(ascii: "{"))
        if scanner.consume(UInt8(ascii: "}")) { return tags }
        repeat {
            let keyToken = try scanner.stringToken()
            let key = try screened(keyToken, nonEmpty: false)
            // Secret-named keys are dropped and counted by the tree reader; duplicates are errors.
            guard !SecretKeys.names.contains(key), !tags.contains(where: { $0.key == key }) else {
                throw FastPathBailout()
            }
            try scanner.expect(UInt8(ascii: ":"))
            let value: String
            if scanner.consumeNull() {
                value = ""
            } else {
                scanner.skipWhitespace()
                switch scanner.current {
                case UInt8(ascii: "\""): value = try text()
                case UInt8(ascii: "t"), UInt8(ascii: "f"): value = String(try scanner.bool())
                default: throw FastPathBailout()
                }
            }
            tags.append(Tag(key: key, value: value))
        } while try scanner.continues(before: UInt8(ascii: "}"))
        return tags.sorted { $0.key < $1.key }
    }

    private mutating func credentials(sharedWith references: inout [String]) throws(FastPathBailout) -> [Credential] {
        var credentials: [Credential] = []
        try list { reader throws(FastPathBailout) in
            let credential = try reader.credential(sharedWith: &references)
            guard !credentials.contains(where: { $0.id == credential.id }) else { throw FastPathBailout() }
            credentials.append(credential)
        }
        return credentials
    }

    private mutating func credential(sharedWith references: inout [String]) throws(FastPathBailout) -> Credential {
        var id: String?
        var type: CredentialType?
        var credential = Credential(id: "", type: .token)
        try object(RecordKeys.credential) { reader, field throws(FastPathBailout) in
            switch field {
            case 0: id = try reader.identifier()
            case 1: type = try reader.term(RecordKeys.credentialTypes)
            case 2: credential.status = try reader.term(RecordKeys.statuses)
            case 3: credential.created = try reader.timestamp()
            case 4: credential.lastRotated = try reader.timestamp()
            case 5: credential.expires = try reader.timestamp()
            case 6: credential.lastUsed = try reader.timestamp()
            case 7: credential.revoked = try reader.timestamp()
            case 8: credential.ttlSeconds = try reader.scanner.nonNegativeInteger()
            case 9: credential.storage = try reader.term(RecordKeys.storages)
            case 10:
                try reader.list { reader throws(FastPathBailout) in
                    let other = try reader.identifier()
                    credential.sharedWith.append(other)
                    references.append(other)
                }
            case 11: credential.usedIn = try reader.textList()
            case 12:
                try reader.list { reader throws(FastPathBailout) in
                    credential.exposures.append(try reader.exposure())
                }
            default: credential.task = try reader.task()
            }
        }
        guard let id, let type else { throw FastPathBailout() }
        credential.id = id
        credential.type = type
        return credential
    }

    private mutating func exposure() throws(FastPathBailout) -> Exposure {
        var exposure = Exposure()
        try object(RecordKeys.exposure) { reader, field throws(FastPathBailout) in
            switch field {
            case 0: exposure.detected = try reader.timestamp()
            case 1: exposure.source = try reader.text()
            default: exposure.location = try reader.text()
            }
        }
        return exposure
    }

    private mutating func task() throws(FastPathBailout) -> AgentTask {
        var id: String?
        var ended: Timestamp?
        try object(RecordKeys.task) { reader, field throws(FastPathBailout) in
            switch field {
            case 0: id = try reader.identifier()
            default: ended = try reader.timestamp()
            }
        }
        guard let id else { throw FastPathBailout() }
        return AgentTask(id: id, ended: ended)
    }

    // MARK: Structure

    /// Reads an object whose keys all come from `keys`, once each; null values count as absent.
    private mutating func object(
        _ keys: [[UInt8]],
        member: (inout IdentityRecordReader, Int) throws(FastPathBailout) -> Void
    ) throws(FastPathBailout) {
        var fields = SeenKeys()
        let outerHint = nextKeyHint
        nextKeyHint = 0
        defer { nextKeyHint = outerHint }
        try scanner.expect(UInt8(ascii: "{"))
        if scanner.consume(UInt8(ascii: "}")) { return }
        repeat {
            let field = try key(in: keys)
            try fields.insert(field)
            try scanner.expect(UInt8(ascii: ":"))
            if scanner.consumeNull() { continue }
            try member(&self, field)
        } while try scanner.continues(before: UInt8(ascii: "}"))
    }

    /// Reads a list, calling `element` for each element.
    private mutating func list(
        _ element: (inout IdentityRecordReader) throws(FastPathBailout) -> Void
    ) throws(FastPathBailout) {
        try scanner.expect(UInt8(ascii: "["))
        if scanner.consume(UInt8(ascii: "]")) { return }
        repeat {
            try element(&self)
        } while try scanner.continues(before: UInt8(ascii: "]"))
    }

    /// The position of the next key in `keys`; bails out on a key that is not there. Records
    /// usually list keys in one order, so the search starts after the key matched last.
    private mutating func key(in keys: [[UInt8]]) throws(FastPathBailout) -> Int {
        let token = try scanner.stringToken()
        let count = keys.count
        var position = nextKeyHint < count ? nextKeyHint : 0
        for _ in 0..<count {
            if scanner.token(token, equals: keys[position]) {
                nextKeyHint = position + 1
                return position
            }
            position = position + 1 == count ? 0 : position + 1
        }
        throw FastPathBailout()
    }

    // MARK: Scalars, screened as the tree reader screens them

    /// An id or reference: non-empty and not credential-like (the tree reader refuses those).
    private mutating func identifier() throws(FastPathBailout) -> String {
        try screened(try scanner.stringToken(), nonEmpty: true)
    }

    /// A role binding's role: an identifier, given as the header's own string when a role has
    /// that id (screened first, as any identifier is).
    private mutating func roleID() throws(FastPathBailout) -> String {
        let token = try scanner.stringToken()
        if let roleIDs, !token.range.isEmpty {
            let utf8 = scanner.slice(token)
            if SecretScreen.mayContainSecret(utf8) { throw FastPathBailout() }
            if let known = roleIDs.id(matching: utf8) { return known }
        }
        return try screened(token, nonEmpty: true)
    }

    /// Free text; bails out when the screen would redact any of it.
    private mutating func text() throws(FastPathBailout) -> String {
        try screened(try scanner.stringToken(), nonEmpty: false)
    }

    /// A non-empty label, screened like text.
    private mutating func label() throws(FastPathBailout) -> String {
        try screened(try scanner.stringToken(), nonEmpty: true)
    }

    private mutating func textList() throws(FastPathBailout) -> [String] {
        var texts: [String] = []
        try list { reader throws(FastPathBailout) in texts.append(try reader.text()) }
        return texts
    }

    /// A term of a documented vocabulary, as the vocabulary's own value; bails out on others.
    private mutating func term<Term>(_ vocabulary: [([UInt8], Term)]) throws(FastPathBailout) -> Term {
        let token = try scanner.stringToken()
        for (spelling, term) in vocabulary where scanner.token(token, equals: spelling) { return term }
        throw FastPathBailout()
    }

    private mutating func timestamp() throws(FastPathBailout) -> Timestamp {
        let token = try scanner.stringToken()
        guard let timestamp = Timestamp(iso8601UTF8: scanner.slice(token)) else { throw FastPathBailout() }
        return timestamp
    }

    private func screened(_ token: JSONByteScanner.StringToken, nonEmpty: Bool) throws(FastPathBailout) -> String {
        if nonEmpty, token.range.isEmpty { throw FastPathBailout() }
        if SecretScreen.mayContainSecret(scanner.slice(token)) { throw FastPathBailout() }
        return try scanner.string(token)
    }
}

/// The keys already read in one object, by position in its key table (duplicates bail out).
private struct SeenKeys {
    private var bits: UInt32 = 0

    mutating func insert(_ position: Int) throws(FastPathBailout) {
        let bit: UInt32 = 1 << UInt32(position)
        guard bits & bit == 0 else { throw FastPathBailout() }
        bits |= bit
    }
}

/// The keys and vocabularies the fast decoder knows, as UTF-8 bytes. The key tables' order is the
/// order of the `switch` statements in ``IdentityRecordReader``.
private enum RecordKeys {
    static let identity = bytes([
        "id", "name", "kind", "platform", "environment", "owner", "trust_zone", "status", "created", "last_used",
        "spawned_by", "authentication", "interactive_use", "shared_account", "third_party", "last_reviewed", "tools",
        "role_bindings", "tags", "credentials",
    ])
    static let roleBinding = bytes(["role", "scope", "environment"])
    static let credential = bytes([
        "id", "type", "status", "created", "last_rotated", "expires", "last_used", "revoked", "ttl_seconds", "storage",
        "shared_with", "used_in", "exposures", "task",
    ])
    static let exposure = bytes(["detected", "source", "location"])
    static let task = bytes(["id", "ended"])

    static let identityKinds = IdentityKind.known.map { (Array($0.rawValue.utf8), $0) }
    static let statuses = LifecycleStatus.known.map { (Array($0.rawValue.utf8), $0) }
    static let authenticationMethods = AuthenticationMethod.known.map { (Array($0.rawValue.utf8), $0) }
    static let credentialTypes = CredentialType.known.map { (Array($0.rawValue.utf8), $0) }
    static let storages = SecretStorage.known.map { (Array($0.rawValue.utf8), $0) }

    private static func bytes(_ keys: [String]) -> [[UInt8]] { keys.map { Array($0.utf8) } }
}
