/// Load stage for the policy snapshot (`version: 1`, YAML or JSON). Absent settings take the
/// documented defaults of ``Policy`` and ``Thresholds``.
public struct PolicyLoader {
    public init() {}

    static let topLevelKeys: [String] = [
        "version", "thresholds", "trust_zone_crossings_allowed", "privileged_permissions", "administrative_roles",
        "sensitive_actions", "runtime_checks", "approval_workflows", "logging", "allowed_secret_storage",
        "approved_tools",
    ]

    public func load(_ file: InputFile) throws -> (Policy, warnings: [Diagnostic]) {
        let root = NodeReader(node: try DocumentParser.parse(file), path: "", file: file.path)
        let object = try root.object()
        try DocumentVersion.check(object, supported: 1, what: "policy")
        var errors: [Diagnostic] = []
        var tally = RedactionTally()
        for member in object.unknownMembers(known: Set(Self.topLevelKeys)) {
            errors.append(
                object.diagnostic(
                    for: member,
                    "unknown top-level key \(Diagnostic.quoted(member.key)); expected one of \(Self.topLevelKeys.joined(separator: ", "))",
                    severity: .error
                )
            )
        }
        var policy = Policy()
        /// Policy entries are short and hand-written: a misspelt key would silently switch a
        /// requirement off, so unknown keys inside them are errors.
        func rejectUnknown(_ entry: ObjectReader, known: [String]) {
            for member in entry.unknownMembers(known: Set(known)) {
                errors.append(
                    entry.diagnostic(
                        for: member,
                        "unknown key \(Diagnostic.quoted(member.key)); expected \(known.joined(separator: ", "))",
                        severity: .error
                    )
                )
            }
        }
        func collect(_ body: () throws -> Void) {
            do { try body() } catch let diagnostic as Diagnostic { errors.append(diagnostic) } catch {
                errors.append(Diagnostic(.error, file: file.path, message: "\(error)"))
            }
        }
        collect {
            guard let thresholds = try object.optional("thresholds")?.object() else { return }
            for member in thresholds.unknownMembers(known: Set(Thresholds.keys.map(\.key))) {
                errors.append(
                    thresholds.diagnostic(
                        for: member,
                        "unknown threshold \(Diagnostic.quoted(member.key)); expected one of \(Thresholds.keys.map(\.key).joined(separator: ", "))",
                        severity: .error
                    )
                )
            }
            for setting in Thresholds.keys {
                guard let reader = thresholds.optional(setting.key) else { continue }
                collect {
                    let value = try reader.nonNegativeInteger()
                    guard value <= setting.maximum else {
                        throw reader.diagnostic(
                            "expected a whole number of \(setting.unit) from 0 to \(setting.maximum)"
                        )
                    }
                    policy.thresholds[keyPath: setting.path] = value
                }
            }
        }
        collect {
            guard let crossings = object.optional("trust_zone_crossings_allowed") else { return }
            policy.trustZoneCrossingsAllowed = try crossings.list().map { element in
                let crossing = try element.object()
                rejectUnknown(crossing, known: ["from", "to"])
                return TrustZoneCrossing(
                    from: try crossing.required("from", "the delegating agent's trust zone").label(&tally),
                    to: try crossing.required("to", "the delegate's trust zone").label(&tally)
                )
            }
        }
        collect {
            if let list = object.optional("privileged_permissions") {
                policy.privilegedPermissions = try list.textList(&tally)
            }
        }
        collect {
            if let list = object.optional("administrative_roles") {
                policy.administrativeRoles = try list.textList(&tally)
            }
        }
        collect {
            guard let actions = object.optional("sensitive_actions") else { return }
            policy.sensitiveActions = try actions.list().map { element in
                let action = try element.object()
                rejectUnknown(action, known: ["action", "requires_intent_check", "requires_approval", "description"])
                let nameReader = try action.required(
                    "action",
                    "the action's name as it appears in permissions or tools"
                )
                let name = try nameReader.label(&tally)
                if name.contains("*") {
                    throw nameReader.diagnostic(
                        "a sensitive action names one action; wildcards belong in runtime_checks and approval_workflows"
                    )
                }
                return SensitiveAction(
                    action: name,
                    requiresIntentCheck: try action.optional("requires_intent_check")?.bool() ?? true,
                    requiresApproval: try action.optional("requires_approval")?.bool() ?? false
                )
            }
        }
        collect { if let list = object.optional("runtime_checks") { policy.runtimeChecks = try list.textList(&tally) } }
        collect {
            if let list = object.optional("approval_workflows") {
                policy.approvalWorkflows = try list.textList(&tally)
            }
        }
        collect {
            guard let logging = try object.optional("logging")?.object() else { return }
            for member in logging.members {
                let reader = NodeReader(node: member.value, path: "logging.\(member.displayKey)", file: file.path)
                let platform = try reader.object()
                rejectUnknown(platform, known: ["issuance", "use", "revocation", "retention_days"])
                policy.logging[tally.screen(member.key, at: reader)] = PlatformLogging(
                    issuance: try platform.optional("issuance")?.bool(),
                    use: try platform.optional("use")?.bool(),
                    revocation: try platform.optional("revocation")?.bool(),
                    retentionDays: try platform.optional("retention_days")?.nonNegativeInteger()
                )
            }
        }
        collect {
            if let list = object.optional("allowed_secret_storage") {
                policy.allowedSecretStorage = try list.textList(&tally).map(SecretStorage.init(rawValue:))
            }
        }
        collect { if let list = object.optional("approved_tools") { policy.approvedTools = try list.textList(&tally) } }
        let warnings = tally.warning(in: "the policy").map { [$0] } ?? []
        if !errors.isEmpty { throw InputError(errors + warnings) }
        return (policy, warnings)
    }
}
