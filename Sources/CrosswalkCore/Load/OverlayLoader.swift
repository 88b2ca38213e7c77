/// Load stage for the overlay file (`version: 1`, YAML or JSON; see `docs/overlay-format.md`).
/// Every entry is hand-written, so unknown keys and bad values are located errors.
public struct OverlayLoader {
    public init() {}

    static let entryKeys: [String] = [
        "id", "match", "replace", "owner", "environment", "trust_zone", "kind", "third_party", "last_reviewed",
        "shared_account", "interactive_use", "tools", "credential_storage", "tags",
    ]

    public func load(_ file: InputFile) throws -> (Overlay, warnings: [Diagnostic]) {
        let root = NodeReader(node: try DocumentParser.parse(file), path: "", file: file.path)
        let object = try root.object()
        try DocumentVersion.check(object, supported: 1, what: "overlay")
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var tally = RedactionTally()
        for member in object.unknownMembers(known: ["version", "organization", "identities"]) {
            errors.append(
                object.diagnostic(
                    for: member,
                    "unknown top-level key \(Diagnostic.quoted(member.key)); expected version, organization, identities",
                    severity: .error
                )
            )
        }
        var entries: [OverlayEntry] = []
        var organization: String?
        func collect(_ body: () throws -> Void) {
            do { try body() } catch let diagnostic as Diagnostic { errors.append(diagnostic) } catch {
                errors.append(Diagnostic(.error, file: file.path, message: "\(error)"))
            }
        }
        collect { organization = try object.optional("organization")?.text(&tally) }
        collect {
            let list = try object.required("identities", "a list of overlay entries").list()
            for element in list {
                collect {
                    if let entry = try Self.entry(element, tally: &tally, errors: &errors) { entries.append(entry) }
                }
            }
        }
        if tally.count > 0 {
            warnings.append(
                Diagnostic(
                    .warning,
                    file: file.path,
                    message: "redacted \(tally.count) credential-looking value(s) in the overlay"
                )
            )
        }
        if !errors.isEmpty { throw InputError(errors + warnings) }
        return (Overlay(organization: organization, entries: entries), warnings)
    }

    private static func entry(
        _ element: NodeReader,
        tally: inout RedactionTally,
        errors: inout [Diagnostic]
    ) throws -> OverlayEntry? {
        let fields = try element.object()
        for member in fields.unknownMembers(known: Set(entryKeys)) {
            errors.append(
                fields.diagnostic(
                    for: member,
                    "unknown key \(Diagnostic.quoted(member.key)); expected \(entryKeys.joined(separator: ", "))",
                    severity: .error
                )
            )
        }
        let selector: OverlayEntry.Selector
        switch (fields.optional("id"), fields.optional("match")) {
        case (let id?, nil): selector = .id(try id.identifier())
        case (nil, let pattern?): selector = .match(try pattern.identifier())
        case (.some, .some):
            throw element.diagnostic("give either id (one identity) or match (a glob on ids), not both")
        case (nil, nil):
            throw element.diagnostic("expected id (one identity) or match (a glob on ids such as \"arn:aws:iam::*\")")
        }
        var entry = OverlayEntry(selector: selector)
        entry.location = element.node.location
        entry.replace = try fields.optional("replace")?.bool() ?? false
        entry.owner = try fields.optional("owner")?.text(&tally)
        entry.environment = try fields.optional("environment")?.label(&tally)
        entry.trustZone = try fields.optional("trust_zone")?.label(&tally)
        entry.kind = try fields.optional("kind").map { IdentityKind(rawValue: try $0.label(&tally)) }
        entry.thirdParty = try fields.optional("third_party")?.bool()
        entry.lastReviewed = try fields.optional("last_reviewed")?.timestamp()
        entry.sharedAccount = try fields.optional("shared_account")?.bool()
        entry.interactiveUse = try fields.optional("interactive_use")?.bool()
        entry.tools = try fields.optional("tools")?.textList(&tally)
        entry.credentialStorage = try fields.optional("credential_storage").map {
            SecretStorage(rawValue: try $0.label(&tally))
        }
        if let tags = try fields.optional("tags")?.object() {
            for member in tags.members {
                let value = NodeReader(node: member.value, path: "\(tags.path).\(member.key)", file: element.file)
                entry.tags.append(Tag(key: SecretScreen.redacting(member.key), value: try value.text(&tally)))
            }
        }
        return entry
    }
}
