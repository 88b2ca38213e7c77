/// Load stage for inventories: reads native inventory files (JSON, YAML, JSON Lines) into one
/// normalised ``Inventory``, checking types, versions, duplicates and references.
public struct InventoryLoader {
    /// Stop collecting after this many errors: one mistake repeated a million times helps no one.
    public static let errorLimit = 50

    /// Threads that decode JSON Lines records on the fast path, or nil to read every record
    /// through the tree parser (the reference the fast path is tested against).
    let recordWorkers: Int?

    public init() {
        self.init(recordWorkers: JSONLinesBatchDecoder.processorCount)
    }

    /// A loader that decodes JSON Lines records with `recordWorkers` threads (nil: tree parser only).
    init(recordWorkers: Int?) {
        self.recordWorkers = recordWorkers
    }

    /// Loads and merges inventory files into one ``Inventory``. Throws ``InputError`` with every
    /// error found.
    public func load(_ files: [InputFile]) throws -> (Inventory, warnings: [Diagnostic]) {
        var identities: [Identity] = []
        let (header, warnings) = try load(files, header: { _ in }) { batch, _ in identities += batch }
        return (Inventory(organization: header.organization, identities: identities, roles: header.roles), warnings)
    }

    /// Loads inventory files as a stream: every file's header (organization and roles) first, handed
    /// to `header` before any identity; then the identities in input order, handed to `identities`
    /// in batches of about `batchSize` (with how many inventory bytes have been read), so a caller
    /// can judge them as they come and keep none.
    /// Throws ``InputError`` with every error found once all files are read (batches handed over
    /// before that must then be discarded).
    public func load(
        _ files: [InputFile],
        batchSize: Int = 4096,
        header: (InventoryHeader) -> Void,
        identities: @escaping (_ batch: consuming [Identity], _ bytesRead: Int) -> Void
    ) throws -> (InventoryHeader, warnings: [Diagnostic]) {
        var state = LoadState()
        state.batchSize = max(1, batchSize)
        state.consumer = identities
        // Phase 1: every file's header, so every role is known before the first identity.
        var bodies: [FileBody?] = []
        for file in files {
            state.currentFile = file.path
            bodies.append(readHead(of: file, into: &state))
            if state.errors.count >= Self.errorLimit { break }
        }
        header(InventoryHeader(organization: state.organization, roles: state.roles))
        state.knownRoleIDs = Set(state.roles.map(\.id))
        if recordWorkers != nil { state.roleIDs = RoleIDTable(state.roles.map(\.id)) }
        // Phase 2: the identities, file by file, in input order.
        for (file, body) in zip(files, bodies) {
            state.bytesInFile = 0
            defer { state.bytesBefore += file.count }
            guard state.errors.count < Self.errorLimit, let body else { continue }
            state.currentFile = file.path
            switch body {
            case let .jsonLines(offset, lineNumber):
                loadJSONLines(file, from: offset, lineNumber: lineNumber, into: &state)
            case let .document(object):
                state.bytesInFile = file.count
                readIdentities(of: object, into: &state)
            }
        }
        state.flush()
        state.resolveReferences(reread: rereadReferences(of:line:number:))
        var warnings = state.warnings + state.summaryWarnings
        if let first = state.firstDroppedSecret {
            warnings.append(
                Diagnostic(
                    .warning,
                    file: first.file,
                    location: first.location,
                    keyPath: first.keyPath,
                    message:
                        "dropped \(state.droppedSecretCount) credential value(s) found in the inventory (this is the first); Crosswalk never stores, logs or reports credential values"
                )
            )
        }
        if !state.errors.isEmpty {
            throw InputError(Array(state.errors.prefix(Self.errorLimit)) + warnings)
        }
        return (InventoryHeader(organization: state.organization, roles: state.roles), warnings)
    }

    /// What phase 2 reads of a file whose header phase 1 read.
    private enum FileBody {
        /// JSON Lines: the identity lines start at this byte offset, on this line number.
        case jsonLines(offset: Int, lineNumber: Int)
        /// A JSON or YAML document, already parsed.
        case document(ObjectReader)
    }

    /// Phase 1 for one file: reads its header (a JSON Lines file's first non-blank line, or a
    /// document's top-level keys), or records why it cannot be read. Nil when phase 2 has nothing
    /// to read.
    private func readHead(of file: InputFile, into state: inout LoadState) -> FileBody? {
        switch file.format {
        case .jsonLines:
            // A wide-encoded file would fail on every line; say it once.
            let encoding = file.withUnsafeBytes { TextEncoding.wideEncoding(of: Array($0.prefix(4))[...]) }
            if let encoding {
                state.errors.append(
                    Diagnostic(
                        .error,
                        file: file.path,
                        location: SourceLocation(line: 1, column: 1),
                        message: "invalid JSON: " + TextEncoding.wideEncodingMessage(encoding)
                    )
                )
                return nil
            }
            state.sawJSONLinesHeader = false
            var lineNumber = 0
            var start = 0
            let found: (line: [UInt8], number: Int)? = file.withUnsafeBytes { buffer in
                while start < buffer.count {
                    lineNumber += 1
                    let end = JSONLinesBatchDecoder.lineEnd(in: buffer, from: start)
                    let line = buffer[start..<end]
                    start = end + 1
                    if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return (Array(line), lineNumber) }
                }
                return nil
            }
            guard let found else {
                state.errors.append(
                    Diagnostic(
                        .error,
                        file: file.path,
                        message: "empty JSON Lines inventory: expected a header line {\"version\": 1}"
                    )
                )
                return nil
            }
            loadJSONLine(found.line[...], number: found.number, of: file, into: &state)
            return .jsonLines(offset: start, lineNumber: lineNumber)
        default:
            do {
                let root = try DocumentParser.parse(file)
                let object = try NodeReader(node: root, path: "", file: file.path).object()
                try readDocumentHead(object, into: &state)
                return .document(object)
            } catch let diagnostic as Diagnostic {
                state.errors.append(diagnostic)
            } catch {
                state.errors.append(Diagnostic(.error, file: file.path, message: "\(error)"))
            }
            return nil
        }
    }

    /// A document's version, top-level keys, organization and roles.
    private func readDocumentHead(_ object: ObjectReader, into state: inout LoadState) throws {
        try DocumentVersion.check(object, supported: 1, what: "inventory")
        for member in object.unknownMembers(known: ["version", "organization", "roles", "identities"]) {
            state.errors.append(
                object.diagnostic(
                    for: member,
                    "unknown top-level key \(Diagnostic.quoted(member.key)); expected version, organization, roles or identities",
                    severity: .error
                )
            )
        }
        try readHeader(object, into: &state)
    }

    /// A document's identities.
    private func readIdentities(of object: ObjectReader, into state: inout LoadState) {
        guard let identities = object.optional("identities") else { return }
        do {
            for element in try identities.list() {
                guard state.errors.count < Self.errorLimit else { return }
                do {
                    state.add(try readIdentity(element, state: &state), at: element)
                } catch let diagnostic as Diagnostic {
                    state.errors.append(diagnostic)
                }
            }
        } catch let diagnostic as Diagnostic {
            state.errors.append(diagnostic)
        } catch {
            state.errors.append(Diagnostic(.error, file: state.currentFile, message: "\(error)"))
        }
    }

    private func readHeader(_ object: ObjectReader, into state: inout LoadState) throws {
        if let organization = object.optional("organization") {
            let name = try organization.text(&state.tally)
            if let previous = state.organization, previous != name {
                state.warnings.append(
                    organization.diagnostic(
                        "organization \(Diagnostic.quoted(name)) differs from \(Diagnostic.quoted(previous)) named by an earlier inventory; the first is kept",
                        severity: .warning
                    )
                )
            } else {
                state.organization = name
            }
        }
        if let roles = object.optional("roles") {
            for element in try roles.list() {
                do {
                    state.add(try readRole(element, state: &state), at: element)
                } catch let diagnostic as Diagnostic {
                    state.errors.append(diagnostic)
                }
            }
        }
    }

    /// JSON Lines: the first non-blank line is a header `{"version": 1, "organization": …, "roles": […]}`;
    /// every later line is one identity object.
    ///
    /// Lines are taken in batches: the fast decoder reads a batch's records on several threads,
    /// then the records are applied in line order, each line it gave up on read by the tree
    /// reader at its turn, so errors and warnings come out as if every line were read in order.
    private func loadJSONLines(
        _ file: InputFile,
        from offset: Int,
        lineNumber firstLine: Int,
        into state: inout LoadState
    ) {
        state.sawJSONLinesHeader = true
        state.jsonLinesFiles.append(file)
        var lineNumber = firstLine
        var start = offset
        file.withUnsafeBytes { buffer in
            /// The next batch of lines, marking the ones the fast decoder should try.
            func nextBatch() -> [JSONLinesLine] {
                var batch: [JSONLinesLine] = []
                batch.reserveCapacity(JSONLinesBatchDecoder.batchSize)
                while start < buffer.count, batch.count < JSONLinesBatchDecoder.batchSize {
                    lineNumber += 1
                    let end = JSONLinesBatchDecoder.lineEnd(in: buffer, from: start)
                    var isBlank = true
                    for index in start..<end
                    where buffer[index] != 0x20 && buffer[index] != 0x09 && buffer[index] != 0x0D {
                        isBlank = false
                        break
                    }
                    batch.append(JSONLinesLine(number: lineNumber, range: start..<end, isRecord: !isBlank))
                    start = end + 1
                }
                return batch
            }
            func startDecoding(_ batch: [JSONLinesLine]) -> DecodingBatch? {
                guard let workers = recordWorkers, !batch.isEmpty else { return nil }
                return JSONLinesBatchDecoder.start(batch, in: buffer, workers: workers, roleIDs: state.roleIDs)
            }
            var batch = nextBatch()
            var decoding = startDecoding(batch)
            while !batch.isEmpty {
                // The next batch decodes while this one is applied.
                let following = state.errors.count < Self.errorLimit ? nextBatch() : []
                let followingDecoding = startDecoding(following)
                var decoded = decoding?.results() ?? Array(repeating: nil, count: batch.count)
                if let last = batch.last { state.bytesInFile = last.range.upperBound }
                for (index, line) in batch.enumerated() {
                    guard state.errors.count < Self.errorLimit else { break }
                    // Taken out, so that the identity handed on is its only copy.
                    if let record = decoded[index].take() {
                        apply(record, line: line, of: file, to: &state)
                    } else {
                        loadJSONLine(Array(buffer[line.range])[...], number: line.number, of: file, into: &state)
                    }
                }
                // This batch's bytes are done with (the next batch's lie after them).
                if let first = batch.first { file.release(before: first.range.lowerBound) }
                if state.errors.count >= Self.errorLimit {
                    _ = followingDecoding?.results()  // the decoder reads `buffer`: wait before leaving
                    break
                }
                batch = following
                decoding = followingDecoding
            }
        }
    }

    /// Applies a record the fast decoder read, as the tree reader would have; a duplicate id is
    /// left to the tree reader, which reports it.
    private func apply(
        _ record: consuming DecodedIdentityRecord,
        line: JSONLinesLine,
        of file: InputFile,
        to state: inout LoadState
    ) {
        let id = record.identity.id
        let fileIndex = Int32(state.jsonLinesFiles.count - 1)
        if state.identityOrigins.count == IdentityCountEstimate.sizingCount {
            state.identityOrigins.reserveCapacity(
                IdentityCountEstimate.identities(
                    seen: state.identityOrigins.count,
                    bytesRead: state.bytesBefore + state.bytesInFile,
                    totalBytes: state.bytesBefore + file.count
                )
            )
        }
        // The tree reader places a record at its first byte, which the fast decoder requires to be
        // `{`. One hash of the id both claims it and finds a duplicate (rare: put back the first
        // origin and let the tree reader report it).
        if let previous = state.identityOrigins.updateValue(
            .recordStart(file: fileIndex, line: line.number),
            forKey: id
        ) {
            state.identityOrigins[id] = previous
            loadJSONLine(
                file.withUnsafeBytes { Array($0[line.range]) }[...],
                number: line.number,
                of: file,
                into: &state
            )
            return
        }
        for (ordinal, reference) in record.references.enumerated() {
            state.note(
                LoadState.Reference(
                    kind: reference.kind,
                    target: reference.target,
                    from: id,
                    place: .record(
                        JSONLinesReferencePlace(
                            file: fileIndex,
                            ordinal: Int32(ordinal),
                            lineNumber: line.number,
                            bytes: line.range
                        )
                    )
                )
            )
        }
        state.append(record.identity)
    }

    /// Reads one line through the tree parser: the header, or an identity the fast decoder left.
    private func loadJSONLine(
        _ line: ArraySlice<UInt8>,
        number lineNumber: Int,
        of file: InputFile,
        into state: inout LoadState
    ) {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        let isHeader = !state.sawJSONLinesHeader
        state.sawJSONLinesHeader = true
        let node: SourceNode
        do {
            node = try JSONSourceParser.parse(Array(line), firstLine: lineNumber)
        } catch {
            state.errors.append(
                Diagnostic(
                    .error,
                    file: file.path,
                    location: error.location,
                    message: "invalid JSON: \(error.message)"
                )
            )
            return
        }
        do {
            if isHeader {
                let header = try NodeReader(node: node, path: "", file: file.path).object()
                try DocumentVersion.check(header, supported: 1, what: "inventory")
                for member in header.unknownMembers(known: ["version", "organization", "roles"]) {
                    state.errors.append(
                        header.diagnostic(
                            for: member,
                            "unknown key \(Diagnostic.quoted(member.key)) in the JSON Lines header; expected version, organization or roles",
                            severity: .error
                        )
                    )
                }
                try readHeader(header, into: &state)
            } else {
                let reader = NodeReader(node: node, path: "line \(lineNumber)", file: file.path)
                state.add(try readIdentity(reader, state: &state), at: reader)
            }
        } catch let diagnostic as Diagnostic {
            state.errors.append(diagnostic)
        } catch {
            state.errors.append(Diagnostic(.error, file: file.path, message: "\(error)"))
        }
    }

    /// The references the tree reader records for a record the fast decoder read, with their
    /// places: read again only when one of them turns out to be broken.
    fileprivate func rereadReferences(of file: InputFile, line: Range<Int>, number: Int) -> [LoadState.Reference] {
        guard let node = try? JSONSourceParser.parse(file.withUnsafeBytes { Array($0[line]) }, firstLine: number) else {
            return []
        }
        var scratch = LoadState()
        _ = try? readIdentity(
            NodeReader(node: node, path: "line \(number)", file: file.path),
            state: &scratch
        )
        return scratch.references
    }

    private func readRole(_ reader: NodeReader, state: inout LoadState) throws -> Role {
        let object = try reader.object()
        let id = try object.required("id", "the role's id").identifier()
        let role = Role(
            id: id,
            name: try object.optional("name")?.text(&state.tally) ?? id,
            platform: try object.optional("platform")?.label(&state.tally),
            permissions: try object.optional("permissions")?.textList(&state.tally) ?? [],
            administrative: try object.optional("administrative")?.bool() ?? false
        )
        state.warnUnknown(object, known: ["id", "name", "platform", "permissions", "administrative", "description"])
        return role
    }

    fileprivate func readIdentity(_ reader: NodeReader, state: inout LoadState) throws -> Identity {
        let object = try reader.object()
        state.dropSecrets(object)
        let id = try object.required("id", "the identity's unique id").identifier()
        let kindText = try object.required("kind", "agent, service-account, workload-identity, …").label(&state.tally)
        let kind = IdentityKind(rawValue: kindText)
        if !IdentityKind.known.contains(kind) {
            state.noteUnknownTerm(
                kindText,
                field: "identity kind",
                known: IdentityKind.known.map(\.rawValue),
                at: try object.required("kind", "")
            )
        }
        var identity = Identity(id: id, name: try object.optional("name")?.text(&state.tally) ?? id, kind: kind)
        identity.platform = try object.optional("platform")?.label(&state.tally)
        identity.environment = try object.optional("environment")?.label(&state.tally)
        identity.owner = try object.optional("owner")?.text(&state.tally)
        identity.trustZone = try object.optional("trust_zone")?.label(&state.tally)
        if let status = object.optional("status") {
            identity.status = LifecycleStatus(rawValue: try status.label(&state.tally))
            state.checkTerm(
                identity.status.rawValue,
                field: "status",
                known: LifecycleStatus.known.map(\.rawValue),
                at: status
            )
        }
        identity.created = try object.optional("created")?.timestamp()
        identity.lastUsed = try object.optional("last_used")?.timestamp()
        if let parent = object.optional("spawned_by") {
            let parentID = try parent.identifier()
            identity.spawnedBy = parentID
            state.note(.init(kind: .spawnedBy, target: parentID, from: id, at: parent))
        }
        if let method = object.optional("authentication") {
            let value = try method.label(&state.tally)
            identity.authentication = AuthenticationMethod(rawValue: value)
            state.checkTerm(
                value,
                field: "authentication method",
                known: AuthenticationMethod.known.map(\.rawValue),
                at: method
            )
        }
        identity.interactiveUse = try object.optional("interactive_use")?.bool()
        identity.sharedAccount = try object.optional("shared_account")?.bool()
        identity.thirdParty = try object.optional("third_party")?.bool() ?? false
        identity.lastReviewed = try object.optional("last_reviewed")?.timestamp()
        identity.tools = try object.optional("tools")?.textList(&state.tally)
        if let bindings = object.optional("role_bindings") {
            identity.roleBindings = try bindings.list().map { try readBinding($0, identity: id, state: &state) }
        }
        if let tags = object.optional("tags") {
            let tagObject = try tags.object()
            state.dropSecrets(tagObject)
            identity.tags = try tagObject.members.filter { !SecretKeys.names.contains($0.key) }.map { member in
                let valueReader = NodeReader(
                    node: member.value,
                    location: .key(tags.location, member.displayKey),
                    file: reader.file
                )
                return Tag(
                    key: state.tally.screen(member.key, at: valueReader),
                    value: state.tally.screen(try Self.tagValue(valueReader), at: valueReader)
                )
            }
            .sorted { $0.key < $1.key }
        }
        if let credentials = object.optional("credentials") {
            var seen = Set<String>()
            identity.credentials = try credentials.list().map { element in
                let credential = try readCredential(element, identity: id, state: &state)
                if !seen.insert(credential.id).inserted {
                    throw element.diagnostic(
                        "duplicate credential id \(Diagnostic.quoted(credential.id)) on identity \(Diagnostic.quoted(id))"
                    )
                }
                return credential
            }
        }
        identity.origin = try object.optional("origin").map { try Self.readOrigin($0, state: &state) }
        if let unreported = object.optional("unreported") {
            for element in try unreported.list() {
                let key = try element.string()
                guard let field = UnreportedFields.named.first(where: { $0.key == key })?.field else {
                    throw element.diagnostic(
                        "expected one of \(UnreportedFields.named.map(\.key).joined(separator: ", "))"
                    )
                }
                identity.unreported.insert(field)
            }
        }
        state.warnUnknown(
            object,
            known: [
                "id", "name", "kind", "platform", "environment", "owner", "trust_zone", "status", "created",
                "last_used", "spawned_by", "authentication", "interactive_use", "shared_account", "third_party",
                "last_reviewed", "tools", "role_bindings", "tags", "credentials", "origin", "unreported",
                "description",
            ]
        )
        return identity
    }

    private static func tagValue(_ reader: NodeReader) throws -> String {
        switch reader.node.value {
        case let .string(text): return text
        case let .integer(value): return String(value)
        case let .number(value): return String(value)
        case let .bool(value): return String(value)
        case .null: return ""
        default: throw reader.mismatch("a text value")
        }
    }

    private func readBinding(_ reader: NodeReader, identity: String, state: inout LoadState) throws -> RoleBinding {
        let binding: RoleBinding
        let roleReader: NodeReader
        if case .string = reader.node.value {
            roleReader = reader
            binding = RoleBinding(role: try reader.identifier())
        } else {
            let object = try reader.object()
            roleReader = try object.required("role", "the bound role's id")
            binding = RoleBinding(
                role: try roleReader.identifier(),
                scope: try object.optional("scope")?.text(&state.tally),
                environment: try object.optional("environment")?.label(&state.tally)
            )
            state.warnUnknown(object, known: ["role", "scope", "environment"])
        }
        state.note(.init(kind: .role, target: binding.role, from: identity, at: roleReader))
        return binding
    }

    private func readCredential(_ reader: NodeReader, identity: String, state: inout LoadState) throws -> Credential {
        let object = try reader.object()
        state.dropSecrets(object)
        let id = try object.required("id", "the credential's id, unique within its identity").identifier()
        let typeReader = try object.required("type", "api-key, access-key, token, …")
        let type = CredentialType(rawValue: try typeReader.label(&state.tally))
        state.checkTerm(
            type.rawValue,
            field: "credential type",
            known: CredentialType.known.map(\.rawValue),
            at: typeReader
        )
        var credential = Credential(id: id, type: type)
        if let status = object.optional("status") {
            credential.status = LifecycleStatus(rawValue: try status.label(&state.tally))
            state.checkTerm(
                credential.status.rawValue,
                field: "status",
                known: LifecycleStatus.known.map(\.rawValue),
                at: status
            )
        }
        credential.created = try object.optional("created")?.timestamp()
        credential.lastRotated = try object.optional("last_rotated")?.timestamp()
        credential.expires = try object.optional("expires")?.timestamp()
        credential.lastUsed = try object.optional("last_used")?.timestamp()
        credential.revoked = try object.optional("revoked")?.timestamp()
        credential.ttlSeconds = try object.optional("ttl_seconds")?.nonNegativeInteger()
        if let storage = object.optional("storage") {
            let storageText = try storage.label(&state.tally)
            credential.storage = SecretStorage(rawValue: storageText)
            state.checkTerm(
                storageText,
                field: "storage location",
                known: SecretStorage.known.map(\.rawValue),
                at: storage
            )
        }
        if let shared = object.optional("shared_with") {
            for element in try shared.list() {
                let other = try element.identifier()
                credential.sharedWith.append(other)
                state.note(.init(kind: .sharedWith, target: other, from: identity, at: element))
            }
        }
        credential.usedIn = try object.optional("used_in")?.textList(&state.tally) ?? []
        if let exposures = object.optional("exposures") {
            credential.exposures = try exposures.list().map { element in
                let exposure = try element.object()
                state.dropSecrets(exposure)
                state.warnUnknown(exposure, known: ["detected", "source", "location"])
                return Exposure(
                    detected: try exposure.optional("detected")?.timestamp(),
                    source: try exposure.optional("source")?.text(&state.tally),
                    location: try exposure.optional("location")?.text(&state.tally)
                )
            }
        }
        if let task = object.optional("task") {
            let taskObject = try task.object()
            state.warnUnknown(taskObject, known: ["id", "ended"])
            credential.task = AgentTask(
                id: try taskObject.required("id", "the task's id").identifier(),
                ended: try taskObject.optional("ended")?.timestamp()
            )
        }
        credential.origin = try object.optional("origin").map { try Self.readOrigin($0, state: &state) }
        state.warnUnknown(
            object,
            known: [
                "id", "type", "status", "created", "last_rotated", "expires", "last_used", "revoked", "ttl_seconds",
                "storage", "shared_with", "used_in", "exposures", "task", "origin", "description",
            ]
        )
        return credential
    }

    /// Where an imported record was read, as `crosswalk import` writes it.
    private static func readOrigin(_ reader: NodeReader, state: inout LoadState) throws -> RecordOrigin {
        let object = try reader.object()
        state.warnUnknown(object, known: ["kind", "file", "record"])
        return RecordOrigin(
            kind: try object.required("kind", "the import kind").label(&state.tally),
            file: try object.required("file", "the export file").text(&state.tally),
            record: try object.required("record", "the record in the file").text(&state.tally)
        )
    }
}

/// Everything gathered while loading inventory files, before references are resolved.
private struct LoadState {
    struct Reference {
        /// Where a reference was written: its node, or its position among the references of a
        /// record the fast decoder read (found again by rereading that line, only when needed).
        enum Place {
            indirect case node(NodeReader)
            case record(JSONLinesReferencePlace)
        }

        var kind: InventoryReferenceKind
        var target: String
        var from: String
        var place: Place

        init(kind: InventoryReferenceKind, target: String, from: String, place: Place) {
            self.kind = kind
            self.target = target
            self.from = from
            self.place = place
        }

        init(kind: InventoryReferenceKind, target: String, from: String, at reader: NodeReader) {
            self.init(kind: kind, target: target, from: from, place: .node(reader))
        }
    }

    var currentFile = ""
    /// Whether the JSON Lines file being read has had its header line.
    var sawJSONLinesHeader = false
    var organization: String?
    /// Identities read but not yet handed to ``consumer``.
    var pending: [Identity] = []
    var batchSize = 4096
    var consumer: (consuming [Identity], Int) -> Void = { _, _ in }
    /// Inventory bytes in the files before the current one, and read so far in the current one.
    var bytesBefore = 0
    var bytesInFile = 0
    var roles: [Role] = []
    /// Where each id was first defined, as `file:line:column` (not the parsed record: a million
    /// records must not stay in memory just to name a duplicate).
    var identityOrigins: [String: IdentityOrigin] = [:]
    /// The places ``IdentityOrigin/place(_:)`` numbers, as `file:line:column`.
    var places: [String] = []
    /// The JSON Lines files read so far, which records' places refer to by position.
    var jsonLinesFiles: [InputFile] = []
    var roleOrigins: [String: String] = [:]
    var references: [Reference] = []
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    var droppedSecretCount = 0
    var firstDroppedSecret: Diagnostic?
    var unknownKeyWarnings = 0
    /// Unknown vocabulary terms: (field, term) → how often, and where first.
    var unknownTerms: [String: (count: Int, first: Diagnostic)] = [:]
    var unknownTermOrder: [String] = []
    var tally = RedactionTally()

    mutating func add(_ identity: Identity, at reader: NodeReader) {
        if let previous = identityOrigins[identity.id] {
            errors.append(
                reader.diagnostic(
                    "duplicate identity id \(Diagnostic.quoted(identity.id)); first defined at \(text(of: previous))"
                )
            )
            return
        }
        identityOrigins[identity.id] = .place(places.count)
        places.append(Self.place(reader))
        append(identity)
    }

    /// Every role's id, once all headers are read: references to them need no later check.
    var knownRoleIDs: Set<String>?
    /// The declared role ids, which the fast decoder's role bindings share.
    var roleIDs: RoleIDTable?

    /// Records a reference to check once every file is read, unless it already resolves (a known
    /// role, or an identity already defined): a million identities must not keep a million
    /// references alive. What is kept keeps its order, so the errors come out as before.
    mutating func note(_ reference: Reference) {
        if let knownRoleIDs {
            switch reference.kind {
            case .role:
                if knownRoleIDs.contains(reference.target) { return }
            case .spawnedBy, .sharedWith:
                if reference.target != reference.from, identityOrigins[reference.target] != nil { return }
            }
        }
        references.append(reference)
    }

    /// Queues an identity for the consumer, handing over a batch when one is full.
    mutating func append(_ identity: Identity) {
        pending.append(identity)
        if pending.count >= batchSize { flush() }
    }

    /// Hands the queued identities to the consumer.
    mutating func flush() {
        guard !pending.isEmpty else { return }
        // Handed over whole, so that the consumer holds the only copy of the batch.
        var batch: [Identity] = []
        batch.reserveCapacity(batchSize)
        swap(&batch, &pending)
        consumer(consume batch, bytesBefore + bytesInFile)
    }

    mutating func add(_ role: Role, at reader: NodeReader) {
        if let previous = roleOrigins[role.id] {
            errors.append(
                reader.diagnostic("duplicate role id \(Diagnostic.quoted(role.id)); first defined at \(previous)")
            )
            return
        }
        roleOrigins[role.id] = Self.place(reader)
        roles.append(role)
    }

    /// An origin as messages name it, `file:line:column`.
    func text(of origin: IdentityOrigin) -> String {
        switch origin.kind {
        case let .place(number): return places[number]
        case let .recordStart(file, line): return "\(jsonLinesFiles[Int(file)].path):\(line):1"
        }
    }

    static func place(_ reader: NodeReader) -> String {
        var text = reader.file
        if let location = reader.node.location { text += ":\(location.line):\(location.column)" }
        return text
    }

    /// Unknown keys inside records are warnings (a typo should not stop a nightly run), capped.
    mutating func warnUnknown(_ object: ObjectReader, known: Set<String>) {
        for member in object.unknownMembers(known: known) where !SecretKeys.names.contains(member.key) {
            unknownKeyWarnings += 1
            if unknownKeyWarnings <= 20 {
                warnings.append(
                    object.diagnostic(
                        for: member,
                        "unknown key \(Diagnostic.quoted(member.key)) ignored",
                        severity: .warning
                    )
                )
            }
        }
    }

    /// Records a term outside the documented vocabulary of `field`; one warning per term at the end.
    mutating func checkTerm(_ term: String, field: String, known: [String], at reader: NodeReader) {
        if !known.contains(term) { noteUnknownTerm(term, field: field, known: known, at: reader) }
    }

    mutating func noteUnknownTerm(_ term: String, field: String, known: [String], at reader: NodeReader) {
        let key = "\(field)\u{0}\(term)"
        if let existing = unknownTerms[key] {
            unknownTerms[key] = (existing.count + 1, existing.first)
        } else {
            unknownTermOrder.append(key)
            unknownTerms[key] = (
                1,
                reader.diagnostic(
                    "unknown \(field) \(Diagnostic.quoted(term)) kept as written; controls treat it as none of the known values (\(known.joined(separator: ", ")))",
                    severity: .warning
                )
            )
        }
    }

    /// The warnings gathered along the way that are reported once, at the end of loading.
    var summaryWarnings: [Diagnostic] {
        var result: [Diagnostic] = []
        for key in unknownTermOrder {
            guard let entry = unknownTerms[key] else { continue }
            var diagnostic = entry.first
            if entry.count > 1 { diagnostic.message += " (\(entry.count) times; this is the first)" }
            result.append(diagnostic)
        }
        if unknownKeyWarnings > 20 {
            result.append(
                Diagnostic(.warning, file: currentFile, message: "\(unknownKeyWarnings - 20) more unknown keys ignored")
            )
        }
        if let redactions = tally.warning(in: "the inventory") { result.append(redactions) }
        return result
    }

    mutating func dropSecrets(_ object: ObjectReader) {
        for member in object.members where SecretKeys.names.contains(member.key) {
            droppedSecretCount += 1
            if firstDroppedSecret == nil {
                firstDroppedSecret = object.diagnostic(for: member, "", severity: .warning)
            }
        }
    }

    /// Reports references to ids no inventory defines. `reread` gives the references of a record
    /// read by the fast decoder again, with their nodes, so a broken one is placed exactly.
    mutating func resolveReferences(reread: (InputFile, Range<Int>, Int) -> [Reference]) {
        let roleIDs = Set(roles.map(\.id))
        for reference in references {
            func located(_ message: String) -> Diagnostic {
                switch reference.place {
                case let .node(reader):
                    return reader.diagnostic(message)
                case let .record(record):
                    let file = jsonLinesFiles[Int(record.file)]
                    let reread = reread(file, record.bytes, record.lineNumber)
                    if Int(record.ordinal) < reread.count, case let .node(reader) = reread[Int(record.ordinal)].place {
                        return reader.diagnostic(message)
                    }
                    return Diagnostic(
                        .error,
                        file: file.path,
                        location: SourceLocation(line: record.lineNumber, column: 1),
                        keyPath: "line \(record.lineNumber)",
                        message: message
                    )
                }
            }
            switch reference.kind {
            case .role where !roleIDs.contains(reference.target):
                errors.append(
                    located(
                        "identity \(Diagnostic.quoted(reference.from)) is bound to role \(Diagnostic.quoted(reference.target)), which no inventory defines; add it under roles or fix the binding"
                    )
                )
            case .spawnedBy where identityOrigins[reference.target] == nil:
                errors.append(
                    located(
                        "identity \(Diagnostic.quoted(reference.from)) is spawned_by \(Diagnostic.quoted(reference.target)), which no inventory defines"
                    )
                )
            case .spawnedBy where reference.target == reference.from:
                errors.append(located("identity \(Diagnostic.quoted(reference.from)) cannot be spawned_by itself"))
            case .sharedWith where identityOrigins[reference.target] == nil:
                errors.append(
                    located(
                        "a credential of identity \(Diagnostic.quoted(reference.from)) is shared_with \(Diagnostic.quoted(reference.target)), which no inventory defines"
                    )
                )
            default:
                break
            }
        }
    }
}
