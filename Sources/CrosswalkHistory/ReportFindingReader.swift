import CrosswalkCore

/// Reads the non-pass findings of a `crosswalk-report.json` (for `crosswalk diff`): each
/// control's `id` and `severity`, and for each of its `results` the `status`, the `subject` and
/// (through `identity`, an index into the report's `identities`) the owner. A result without
/// `subject` is about its identity row: the subject is that identity's `id`, or with `credential`,
/// the identity's id, `/` and the credential.
///
/// Only those keys are read, and each both in snake_case and camelCase (`subject_id` or
/// `subjectId` also name the subject; a `subject` object's `id` too), so the reader keeps
/// working if the report's key style changes. Anything else in the report is ignored.
public enum ReportFindingReader {
    /// The findings of the report in `bytes`; `file` names it in messages. Throws a
    /// ``Diagnostic`` naming the line and column, or the key path, and what was expected.
    public static func findings(in bytes: [UInt8], file: String) throws -> [SnapshotFinding] {
        let root: SourceNode
        do {
            root = try JSONSourceParser.parse(bytes)
        } catch {
            throw Diagnostic(.error, file: file, location: error.location, message: error.message)
        }
        guard case .object(let top) = root.value else {
            throw Diagnostic(
                .error,
                file: file,
                location: root.location,
                message: "expected a Crosswalk JSON report (a mapping with `controls`), found \(root.typeDescription)"
            )
        }
        let identities = identityTable(top)
        guard let controls = member(top, "controls") else {
            throw Diagnostic(
                .error,
                file: file,
                location: root.location,
                message: "expected a Crosswalk JSON report: it has no `controls` list (is this crosswalk-report.json?)"
            )
        }
        guard case .array(let controlNodes) = controls.value else {
            throw expected("a list", at: controls, keyPath: "controls", file: file)
        }
        var findings: [SnapshotFinding] = []
        for (index, control) in controlNodes.enumerated() {
            let path = "controls[\(index)]"
            guard case .object(let members) = control.value else {
                throw expected("a mapping", at: control, keyPath: path, file: file)
            }
            guard let idNode = member(members, "id"), case .string(let controlID) = idNode.value else {
                throw expected("a control id string at `id`", at: control, keyPath: path, file: file)
            }
            var severity = Severity.medium
            if let node = member(members, "severity") {
                guard case .string(let text) = node.value, let parsed = Severity(rawValue: text) else {
                    throw expected(
                        "critical, high, medium or low",
                        at: node,
                        keyPath: path + ".severity",
                        file: file
                    )
                }
                severity = parsed
            }
            guard let results = member(members, "results") else { continue }
            guard case .array(let resultNodes) = results.value else {
                throw expected("a list", at: results, keyPath: path + ".results", file: file)
            }
            for (resultIndex, result) in resultNodes.enumerated() {
                let resultPath = "\(path).results[\(resultIndex)]"
                guard case .object(let fields) = result.value else {
                    throw expected("a mapping", at: result, keyPath: resultPath, file: file)
                }
                guard let statusNode = member(fields, "status"), case .string(let text) = statusNode.value,
                    let status = ResultStatus(rawValue: text)
                else {
                    throw expected(
                        "a `status` of fail, accepted, error, not-assessed, pass or not-applicable",
                        at: result,
                        keyPath: resultPath,
                        file: file
                    )
                }
                guard status != .pass, status != .notApplicable else { continue }
                var row: ReportIdentityRow?
                if let node = member(fields, "identity"), case .integer(let position) = node.value,
                    position >= 0, position < identities.count
                {
                    row = identities[Int(position)]
                }
                guard let subject = subjectID(fields, row: row) else {
                    throw expected(
                        "a `subject` id string, or an `identity` index (with an optional `credential`)",
                        at: result,
                        keyPath: resultPath,
                        file: file
                    )
                }
                let owner = row?.owner
                findings.append(
                    SnapshotFinding(
                        key: FindingKey(controlID: controlID, subjectID: subject),
                        severity: severity,
                        status: status,
                        owner: owner
                    )
                )
            }
        }
        return findings
    }

    /// The value of `key` (or its camelCase spelling) in an object's members.
    static func member(_ members: [SourceNode.Member], _ key: String) -> SourceNode? {
        let camel = camelCase(key)
        return members.first { $0.key == key || $0.key == camel }?.value
    }

    static func camelCase(_ key: String) -> String {
        let parts = key.split(separator: "_")
        guard let first = parts.first else { return key }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The subject of a result: `subject` as a string or as a mapping with `id`, or `subject_id`;
    /// without them, the id of its identity `row`, with `/` and `credential` when it has one.
    static func subjectID(_ fields: [SourceNode.Member], row: ReportIdentityRow?) -> String? {
        if let node = member(fields, "subject") {
            if case .string(let id) = node.value { return id }
            if case .object(let inner) = node.value, let id = member(inner, "id"), case .string(let text) = id.value {
                return text
            }
        }
        if let node = member(fields, "subject_id"), case .string(let id) = node.value { return id }
        guard let identityID = row?.id else { return nil }
        guard let node = member(fields, "credential") else { return identityID }
        guard case .string(let credential) = node.value else { return nil }
        return identityID + "/" + credential
    }

    /// The id and owner of each entry of the report's `identities` list, by position.
    static func identityTable(_ top: [SourceNode.Member]) -> [ReportIdentityRow] {
        guard let node = member(top, "identities"), case .array(let identities) = node.value else { return [] }
        return identities.map { identity in
            guard case .object(let fields) = identity.value else { return ReportIdentityRow() }
            return ReportIdentityRow(id: string(member(fields, "id")), owner: string(member(fields, "owner")))
        }
    }

    static func string(_ node: SourceNode?) -> String? {
        guard let node, case .string(let text) = node.value else { return nil }
        return text
    }

    static func expected(_ what: String, at node: SourceNode, keyPath: String, file: String) -> Diagnostic {
        Diagnostic(
            .error,
            file: file,
            location: node.location,
            keyPath: keyPath,
            message: "expected \(what), found \(node.typeDescription)"
        )
    }
}
