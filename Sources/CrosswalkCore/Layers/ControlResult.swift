/// The outcome of one control for one subject.
public enum ResultStatus: String, CaseIterable, Comparable, Sendable {
    case pass
    case fail
    case notApplicable = "not-applicable"
    /// Evidence is missing: never counted as a pass.
    case notAssessed = "not-assessed"
    /// A failure covered by a valid waiver (risk acceptance).
    case accepted
    /// The control could not evaluate the subject (for example, a delegation cycle).
    case error

    private var order: Int {
        switch self {
        case .fail: return 0
        case .error: return 1
        case .notAssessed: return 2
        case .accepted: return 3
        case .pass: return 4
        case .notApplicable: return 5
        }
    }

    public static func < (lhs: ResultStatus, rhs: ResultStatus) -> Bool { lhs.order < rhs.order }
}

/// What a result is about: an identity, one of its credentials, a role or a platform.
///
/// Built for every result a control records (passes included), so it is cheap: a credential
/// subject keeps its parts and spells out `id` and `name` only when asked.
public struct SubjectReference: Hashable, Sendable {
    public var kind: SubjectKind { didSet { copiesItsIdentity = false } }
    /// The identity the subject belongs to, for identities and credentials.
    public var identityID: String? { didSet { copiesItsIdentity = false } }
    /// The position of the subject's identity in the run's input order (see ``Identity/ordinal``),
    /// or -1 for roles, platforms and identities not placed in a run.
    public var ordinal: Int32 { didSet { copiesItsIdentity = false } }
    /// The subject's id, or for a credential built from its parts, the credential's own id.
    var storedID: String { didSet { copiesItsIdentity = false } }
    /// The subject's name, or for a credential built from its parts, the holding identity's name.
    var storedName: String { didSet { copiesItsIdentity = false } }
    var isCredentialOfIdentity: Bool { didSet { copiesItsIdentity = false } }
    /// Whether the subject was built from an identity of the run (``identity(_:)`` or
    /// ``credential(_:of:)``, with an ordinal) and not changed since: its identity id and name are
    /// then exactly those of the identity at ``ordinal``, and for an identity its id too. The
    /// JSON and XML reports then take them from the identity table without comparing text.
    /// Not part of equality.
    var copiesItsIdentity = false
    /// Where an imported subject was read; the recorder adds it to a finding's evidence and drops
    /// it from the subject. Not part of equality.
    var origin: RecordOrigin?

    public init(kind: SubjectKind, id: String, name: String, identityID: String? = nil, ordinal: Int32 = -1) {
        self.kind = kind
        self.storedID = id
        self.storedName = name
        self.identityID = identityID
        self.ordinal = ordinal
        self.isCredentialOfIdentity = false
    }

    /// Identity id, `identity/credential`, role id or platform name.
    public var id: String {
        isCredentialOfIdentity ? "\(identityID ?? "")/\(storedID)" : storedID
    }

    /// Whether ``id`` sorts before `other`, as `id < other` does. A credential's id is not built
    /// when its parts and `other` are ASCII (String order is then byte order).
    func idPrecedes(_ other: String) -> Bool {
        guard isCredentialOfIdentity, let identityID else { return storedID < other }
        // Each level is nil when a string has no contiguous UTF-8 (never for native strings).
        let decided = identityID.utf8.withContiguousStorageIfAvailable { identity in
            storedID.utf8.withContiguousStorageIfAvailable { own in
                other.utf8.withContiguousStorageIfAvailable { other in
                    Self.asciiPrecedes(identity, own, other)
                }
            }
        }
        if case .some(.some(.some(.some(let precedes)))) = decided { return precedes }
        return id < other
    }

    /// Whether `identity`, `/` and `own` joined sort before `other` byte by byte; nil when any of
    /// them is not ASCII.
    private static func asciiPrecedes(
        _ identity: UnsafeBufferPointer<UInt8>,
        _ own: UnsafeBufferPointer<UInt8>,
        _ other: UnsafeBufferPointer<UInt8>
    ) -> Bool? {
        guard isASCII(identity), isASCII(own), isASCII(other) else { return nil }
        var position = 0
        // Decides at the first byte that differs; nil while the two agree.
        func compare(_ byte: UInt8, at position: Int) -> Bool? {
            guard position < other.count else { return false }
            return byte == other[position] ? nil : byte < other[position]
        }
        for byte in identity {
            if let decided = compare(byte, at: position) { return decided }
            position += 1
        }
        if let decided = compare(UInt8(ascii: "/"), at: position) { return decided }
        position += 1
        for byte in own {
            if let decided = compare(byte, at: position) { return decided }
            position += 1
        }
        return position < other.count
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }

    /// Display name (identity name, `credential (identity name)`, role name, platform).
    public var name: String {
        isCredentialOfIdentity ? "\(storedID) (\(storedName))" : storedName
    }

    public static func identity(_ identity: Identity) -> SubjectReference {
        var subject = SubjectReference(
            kind: .identity,
            id: identity.id,
            name: identity.name,
            identityID: identity.id,
            ordinal: identity.ordinal
        )
        subject.origin = identity.origin
        subject.copiesItsIdentity = identity.ordinal >= 0
        return subject
    }

    public static func credential(_ credential: Credential, of identity: Identity) -> SubjectReference {
        var subject = SubjectReference(
            kind: .credential,
            id: credential.id,
            name: identity.name,
            identityID: identity.id,
            ordinal: identity.ordinal
        )
        subject.isCredentialOfIdentity = true
        subject.origin = credential.origin ?? identity.origin
        subject.copiesItsIdentity = identity.ordinal >= 0
        return subject
    }

    public static func role(_ role: Role) -> SubjectReference {
        SubjectReference(kind: .role, id: role.id, name: role.name)
    }

    public static func platform(_ platform: String) -> SubjectReference {
        SubjectReference(kind: .platform, id: platform, name: platform)
    }

    public static func == (lhs: SubjectReference, rhs: SubjectReference) -> Bool {
        lhs.kind == rhs.kind && lhs.identityID == rhs.identityID && lhs.id == rhs.id && lhs.name == rhs.name
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(id)
    }
}

/// One observation behind a result: the field read, what was seen, and what policy expects.
public struct Evidence: Hashable, Sendable {
    /// Documented key path, e.g. `credentials[].last_rotated` or `logging.aws.use`.
    public var field: String
    public var observed: String
    public var expected: String

    public init(field: String, observed: String, expected: String) {
        self.field = field
        self.observed = observed
        self.expected = expected
    }
}

/// A result other than a plain pass, kept with its explanation and evidence.
public struct Finding: Hashable, Sendable {
    public var subject: SubjectReference
    public var status: ResultStatus
    /// One sentence saying what is wrong (or what is missing): a control's template and its values.
    public var message: ResultMessage
    public var evidence: [Evidence]
    /// The finding's id (``FindingID``) as the evaluate stage computed it when it recorded the
    /// finding, kept with it in the result spool so that each report reads it instead of hashing
    /// again; nil for a finding built elsewhere. Not part of equality.
    var idPrefix: UInt64?

    public init(subject: SubjectReference, status: ResultStatus, message: ResultMessage, evidence: [Evidence] = []) {
        self.subject = subject
        self.status = status
        self.message = message
        self.evidence = evidence
    }

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.subject == rhs.subject && lhs.status == rhs.status && lhs.message == rhs.message
            && lhs.evidence == rhs.evidence
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(subject)
        hasher.combine(status)
        hasher.combine(message)
        hasher.combine(evidence)
    }
}

/// A sentence with named gaps, declared once per control: `"Secret last rotated {days} days ago;
/// policy allows {limit}."`. Results carry the template and the values for its gaps, so the
/// machine-readable reports can state each sentence once per control and each result only its values.
///
/// A gap is `{name}` (letters, digits, `_`); the pattern has no other braces. Values fill the gaps
/// in order of appearance. A class, so that results share their control's template by reference.
///
/// A **policy gap** is written `{=name}`: its value comes from the run's policy (a threshold, an
/// allowed list), never from the subject, so it is the same for every result of the template in
/// one run. The sentence reads the same; the JSON and XML reports state such a value once, in the
/// template's pattern, instead of on every result (see ``BoundMessageTemplate``).
public final class MessageTemplate: Hashable, Sendable {
    /// The sentence with its gaps, as the control declares it (policy gaps marked `{=name}`).
    public let pattern: String
    /// The literal text around the gaps: one more than ``slots``.
    public let literals: [String]
    /// The names of the gaps, in order (without the `=` of a policy gap).
    public let slots: [String]
    /// Whether each gap, in order, is a policy gap (`{=name}`).
    public let isPolicyGap: [Bool]

    public convenience init(_ pattern: String) {
        var literals: [String] = []
        var slots: [String] = []
        var isPolicyGap: [Bool] = []
        var literal = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            literal += rest[..<open]
            literals.append(literal)
            literal = ""
            let name = rest[rest.index(after: open)..<close]
            isPolicyGap.append(name.first == "=")
            slots.append(String(name.first == "=" ? name.dropFirst() : name))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        literals.append(literal)
        self.init(pattern: pattern, literals: literals, slots: slots, isPolicyGap: isPolicyGap)
    }

    private init(pattern: String, literals: [String], slots: [String], isPolicyGap: [Bool]) {
        self.pattern = pattern
        self.literals = literals
        self.slots = slots
        self.isPolicyGap = isPolicyGap
    }

    /// Two templates are the same when their patterns are.
    public static func == (lhs: MessageTemplate, rhs: MessageTemplate) -> Bool {
        lhs === rhs || lhs.pattern == rhs.pattern
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// This template with `values` for its gaps, in order.
    public func callAsFunction(_ values: String...) -> ResultMessage {
        ResultMessage(self, values: values)
    }

    /// The sentence with `values` in its gaps; a missing value leaves its gap empty.
    public func text(_ values: [String]) -> String {
        var text = literals[0]
        for index in slots.indices {
            if index < values.count { text += values[index] }
            text += literals[index + 1]
        }
        return text
    }
}

/// One result's sentence: a ``MessageTemplate`` and the values for its gaps.
public struct ResultMessage: Hashable, Sendable {
    public var template: MessageTemplate
    public var values: [String]

    public init(_ template: MessageTemplate, values: [String] = []) {
        precondition(values.count == template.slots.count, "\(template.pattern) takes \(template.slots.count) values")
        self.template = template
        self.values = values
    }

    /// A fixed sentence without gaps (for callers outside the control library, such as tests).
    public init(verbatim text: String) {
        self.template = MessageTemplate(String(text.map { $0 == "{" ? "(" : $0 == "}" ? ")" : $0 }))
        self.values = []
    }

    /// The sentence the Markdown and HTML reports print.
    public var text: String { template.text(values) }
}
