/// Writes identities and roles in Crosswalk's native inventory format (`version: 1`, JSON), so an
/// import can be reviewed, edited and then read back with `--inventory` to the same results:
/// record origins and the fields a source cannot tell are written too (`origin`, `unreported`).
public enum NativeInventoryWriter {
    /// The document as UTF-8, indented by two spaces, ending in a line break.
    public static func jsonBytes(organization: String? = nil, identities: [Identity], roles: [Role]) -> [UInt8] {
        var members: [(String, JSONValue)] = [("version", .integer(1))]
        if let organization { members.append(("organization", .string(organization))) }
        members.append(("roles", .array(roles.map(role))))
        members.append(("identities", .array(identities.map(identity))))
        var out: [UInt8] = []
        out.reserveCapacity(256 * (identities.count + roles.count + 1))
        JSONValue.object(members).write(into: &out, depth: 0)
        out.append(0x0A)
        return out
    }

    /// The document as text (see ``jsonBytes(organization:identities:roles:)``).
    public static func json(organization: String? = nil, identities: [Identity], roles: [Role]) -> String {
        String(decoding: jsonBytes(organization: organization, identities: identities, roles: roles), as: UTF8.self)
    }

    private static func role(_ role: Role) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(role.id))]
        if role.name != role.id { members.append(("name", .string(role.name))) }
        if let platform = role.platform { members.append(("platform", .string(platform))) }
        members.append(("permissions", .array(role.permissions.map(JSONValue.string))))
        if role.administrative { members.append(("administrative", .bool(true))) }
        return .object(members)
    }

    private static func identity(_ identity: Identity) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(identity.id))]
        if identity.name != identity.id { members.append(("name", .string(identity.name))) }
        members.append(("kind", .string(identity.kind.rawValue)))
        func add(_ key: String, _ value: String?) { if let value { members.append((key, .string(value))) } }
        func add(_ key: String, _ value: Timestamp?) { if let value { members.append((key, .string(value.iso8601))) } }
        func add(_ key: String, _ value: Bool?) { if let value { members.append((key, .bool(value))) } }
        add("platform", identity.platform)
        add("environment", identity.environment)
        add("owner", identity.owner)
        add("trust_zone", identity.trustZone)
        if identity.status != .active { add("status", identity.status.rawValue) }
        add("created", identity.created)
        add("last_used", identity.lastUsed)
        add("spawned_by", identity.spawnedBy)
        add("authentication", identity.authentication?.rawValue)
        add("interactive_use", identity.interactiveUse)
        add("shared_account", identity.sharedAccount)
        if identity.thirdParty { add("third_party", true) }
        add("last_reviewed", identity.lastReviewed)
        if let tools = identity.tools { members.append(("tools", .array(tools.map(JSONValue.string)))) }
        if !identity.roleBindings.isEmpty {
            members.append(("role_bindings", .array(identity.roleBindings.map(binding))))
        }
        if !identity.tags.isEmpty {
            members.append(("tags", .object(identity.tags.map { ($0.key, .string($0.value)) })))
        }
        if !identity.credentials.isEmpty {
            members.append(("credentials", .array(identity.credentials.map(credential))))
        }
        if let origin = identity.origin { members.append(("origin", self.origin(origin))) }
        if !identity.unreported.isEmpty {
            members.append(("unreported", .array(identity.unreported.keys.map(JSONValue.string))))
        }
        return .object(members)
    }

    private static func binding(_ binding: RoleBinding) -> JSONValue {
        var members: [(String, JSONValue)] = [("role", .string(binding.role))]
        if let scope = binding.scope { members.append(("scope", .string(scope))) }
        if let environment = binding.environment { members.append(("environment", .string(environment))) }
        return .object(members)
    }

    private static func credential(_ credential: Credential) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(credential.id)), ("type", .string(credential.type.rawValue)),
        ]
        func add(_ key: String, _ value: Timestamp?) { if let value { members.append((key, .string(value.iso8601))) } }
        if credential.status != .active { members.append(("status", .string(credential.status.rawValue))) }
        add("created", credential.created)
        add("last_rotated", credential.lastRotated)
        add("expires", credential.expires)
        add("last_used", credential.lastUsed)
        add("revoked", credential.revoked)
        if let ttl = credential.ttlSeconds { members.append(("ttl_seconds", .integer(ttl))) }
        if let storage = credential.storage { members.append(("storage", .string(storage.rawValue))) }
        if !credential.sharedWith.isEmpty {
            members.append(("shared_with", .array(credential.sharedWith.map(JSONValue.string))))
        }
        if !credential.usedIn.isEmpty { members.append(("used_in", .array(credential.usedIn.map(JSONValue.string)))) }
        if !credential.exposures.isEmpty {
            members.append(
                (
                    "exposures",
                    .array(
                        credential.exposures.map { exposure in
                            var fields: [(String, JSONValue)] = []
                            if let detected = exposure.detected {
                                fields.append(("detected", .string(detected.iso8601)))
                            }
                            if let source = exposure.source { fields.append(("source", .string(source))) }
                            if let location = exposure.location { fields.append(("location", .string(location))) }
                            return .object(fields)
                        }
                    )
                )
            )
        }
        if let task = credential.task {
            var fields: [(String, JSONValue)] = [("id", .string(task.id))]
            if let ended = task.ended { fields.append(("ended", .string(ended.iso8601))) }
            members.append(("task", .object(fields)))
        }
        if let origin = credential.origin { members.append(("origin", self.origin(origin))) }
        return .object(members)
    }

    private static func origin(_ origin: RecordOrigin) -> JSONValue {
        .object([("kind", .string(origin.kind)), ("file", .string(origin.file)), ("record", .string(origin.record))])
    }
}

/// A JSON value to write, members in the order given.
private indirect enum JSONValue {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    func write(into out: inout [UInt8], depth: Int) {
        switch self {
        case .string(let text): Self.quote(text, into: &out)
        case .integer(let number): out += String(number).utf8
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .array(let elements):
            guard !elements.isEmpty else {
                out += "[]".utf8
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(into: &out, depth: depth + 1)
                element.write(into: &out, depth: depth + 1)
            }
            Self.newline(into: &out, depth: depth)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}".utf8
                return
            }
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(into: &out, depth: depth + 1)
                Self.quote(member.0, into: &out)
                out += ": ".utf8
                member.1.write(into: &out, depth: depth + 1)
            }
            Self.newline(into: &out, depth: depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(into out: inout [UInt8], depth: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string: `"`, `\` and control characters escaped; runs of other bytes copied at once.
    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F else {
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): out += "\\\"".utf8
                case UInt8(ascii: "\\"): out += "\\\\".utf8
                case 0x0A: out += "\\n".utf8
                case 0x0D: out += "\\r".utf8
                case 0x09: out += "\\t".utf8
                default:
                    out += "\\u00".utf8
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0x0F)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
