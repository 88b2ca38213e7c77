/// Load stage for the waivers file (`version: 1`, YAML or JSON; see `docs/waivers.md`).
///
/// The file's shape is checked strictly: a missing or unsupported version, an unknown key, a value
/// of the wrong type, a waiver without `id`, `control` or exactly one subject selector, or two
/// waivers with one id are located errors, and nothing is reported. What a waiver *says* is judged
/// later and fails open: an empty justification, a missing approver, a date that is not
/// `YYYY-MM-DD`, an unknown control or an expiry in the past only make that waiver invalid or
/// inactive (``WaiverAudit``).
public struct WaiverLoader {
    public init() {}

    static let waiverKeys: [String] = [
        "id", "control", "subject", "justification", "approver", "owner", "created", "expires", "ticket",
    ]
    static let subjectKeys: [String] = ["id", "match", "tag"]

    public func load(_ file: InputFile) throws -> (WaiverFile, warnings: [Diagnostic]) {
        let root = NodeReader(node: try DocumentParser.parse(file), path: "", file: file.path)
        let object = try root.object()
        try DocumentVersion.check(object, supported: 1, what: "waivers")
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var tally = RedactionTally()
        for member in object.unknownMembers(known: ["version", "waivers"]) {
            errors.append(
                object.diagnostic(
                    for: member,
                    "unknown top-level key \(Diagnostic.quoted(member.key)); expected version, waivers",
                    severity: .error
                )
            )
        }
        var waivers: [Waiver] = []
        var seen: [String: Int] = [:]
        func collect(_ body: () throws -> Void) {
            do { try body() } catch let diagnostic as Diagnostic { errors.append(diagnostic) } catch {
                errors.append(Diagnostic(.error, file: file.path, message: "\(error)"))
            }
        }
        collect {
            let list = try object.required("waivers", "a list of waivers").list()
            for element in list {
                collect {
                    guard let waiver = try Self.waiver(element, tally: &tally, errors: &errors) else { return }
                    if let first = seen[waiver.id] {
                        throw element.diagnostic(
                            "waiver id \(Diagnostic.quoted(waiver.id)) is already used by waivers[\(first)]; ids must be unique"
                        )
                    }
                    seen[waiver.id] = waivers.count
                    waivers.append(waiver)
                }
            }
        }
        if tally.count > 0 {
            warnings.append(
                Diagnostic(
                    .warning,
                    file: file.path,
                    message: "redacted \(tally.count) credential-looking value(s) in the waivers"
                )
            )
        }
        if !errors.isEmpty { throw InputError(errors + warnings) }
        return (WaiverFile(waivers: waivers), warnings)
    }

    private static func waiver(
        _ element: NodeReader,
        tally: inout RedactionTally,
        errors: inout [Diagnostic]
    ) throws -> Waiver? {
        let fields = try element.object()
        var unknown = false
        for member in fields.unknownMembers(known: Set(waiverKeys)) {
            unknown = true
            errors.append(
                fields.diagnostic(
                    for: member,
                    "unknown key \(Diagnostic.quoted(member.key)); expected \(waiverKeys.joined(separator: ", "))",
                    severity: .error
                )
            )
        }
        let id = try fields.required("id", "the waiver's id, such as W-001").identifier()
        let control = try fields.required("control", "the control id, such as CW-CRED-01").identifier()
        let subject = try Self.subject(
            try fields.required("subject", "a mapping with one of id, match or tag"),
            tally: &tally
        )
        var problems: [String] = []
        func day(_ key: String) throws -> WaiverDay? {
            guard let reader = fields.optional(key) else {
                problems.append("no \(key) date")
                return nil
            }
            let text = try reader.string()
            guard let day = WaiverDay(text) else {
                problems.append("\(key) is not a date in the form YYYY-MM-DD")
                return nil
            }
            return day
        }
        var waiver = Waiver(
            id: id,
            control: control,
            subject: subject,
            justification: try fields.optional("justification")?.text(&tally) ?? "",
            approver: try fields.optional("approver")?.text(&tally) ?? "",
            owner: try fields.optional("owner")?.text(&tally),
            created: try day("created"),
            expires: try day("expires"),
            ticket: try fields.optional("ticket")?.text(&tally)
        )
        waiver.location = element.node.location
        waiver.dateProblems = problems
        return unknown ? nil : waiver
    }

    private static func subject(_ reader: NodeReader, tally: inout RedactionTally) throws -> WaiverSubject {
        let fields = try reader.object()
        if let member = fields.unknownMembers(known: Set(subjectKeys)).first {
            throw fields.diagnostic(
                for: member,
                "unknown key \(Diagnostic.quoted(member.key)); expected one of id, match, tag",
                severity: .error
            )
        }
        let given = subjectKeys.filter { fields.optional($0) != nil }
        guard given.count == 1 else {
            throw reader.diagnostic(
                given.isEmpty
                    ? "expected one of id (one subject), match (a glob on subject ids) or tag (a mapping of tag keys to values)"
                    : "give exactly one of id, match or tag, not \(given.joined(separator: " and "))"
            )
        }
        if let id = fields.optional("id") { return .id(try id.identifier()) }
        if let pattern = fields.optional("match") { return .match(try pattern.identifier()) }
        guard let tagReader = fields.optional("tag") else { throw reader.mismatch("a subject selector") }
        let tags = try tagReader.object()
        guard !tags.members.isEmpty else {
            throw tagReader.diagnostic("expected at least one tag, such as {team: payments}")
        }
        return .tags(
            try tags.members.map { member in
                let value = NodeReader(node: member.value, path: "\(tags.path).\(member.key)", file: reader.file)
                return Tag(key: SecretScreen.redacting(member.key), value: try value.text(&tally))
            }
        )
    }
}
