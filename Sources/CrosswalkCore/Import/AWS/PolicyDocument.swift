/// An IAM policy document (`{Version, Statement}`), as an object or as the URL-encoded JSON
/// string the raw API returns. `Statement`, `Action`, `NotAction`, `Resource` and `NotResource`
/// may each be one value or a list.
struct PolicyDocument {
    /// One statement, with the parts Crosswalk reads.
    struct Statement {
        /// `Allow`, `Deny`, or another value as written.
        var effect: String?
        var actions: [String]
        var notActions: [String]
        var hasNotAction: Bool
        var resources: [String]
        var hasNotResource: Bool
        var hasCondition: Bool
        /// The trust-policy `Principal`, as its node.
        var principal: SourceNode?
        var node: SourceNode

        var isAllow: Bool { effect == "Allow" }
    }

    var statements: [Statement]

    /// Reads a document node; a string is percent-decoded and parsed as JSON. Returns a sentence
    /// saying what is wrong when the node is not a policy document.
    static func read(_ node: SourceNode) -> Result<PolicyDocument, PolicyDocumentProblem> {
        var document = node
        if case .string(let encoded) = node.value {
            let decoded = PercentDecoding.decode(encoded)
            do {
                document = try JSONSourceParser.parse(decoded, firstLine: node.location?.line ?? 1)
            } catch {
                return .failure(PolicyDocumentProblem(message: "is a string that is not URL-encoded JSON"))
            }
        }
        guard document.isObject else {
            return .failure(
                PolicyDocumentProblem(message: "expected a policy document, found \(document.typeDescription)")
            )
        }
        let statements = (document["Statement"]?.elements ?? []).compactMap { node -> Statement? in
            guard node.isObject else { return nil }
            return Statement(
                effect: node["Effect"]?.text,
                actions: node["Action"]?.texts ?? [],
                notActions: node["NotAction"]?.texts ?? [],
                hasNotAction: node["NotAction"] != nil,
                resources: node["Resource"]?.texts ?? [],
                hasNotResource: node["NotResource"] != nil,
                hasCondition: node["Condition"].map { !$0.isNull } ?? false,
                principal: node["Principal"],
                node: node
            )
        }
        return .success(PolicyDocument(statements: statements))
    }

    /// What the document allows: each `Allow` statement's actions as written, `*` for an `Allow`
    /// with `NotAction` (everything but a few actions), and whether it is administrative. `Deny`
    /// statements never add a grant.
    var grant: PolicyGrant {
        var grant = PolicyGrant()
        var seen: Set<String> = []
        for statement in statements where statement.isAllow {
            let actions = statement.hasNotAction ? ["*"] : statement.actions
            for action in actions where seen.insert(action).inserted { grant.permissions.append(action) }
            let onEveryResource = statement.resources.contains("*") || statement.hasNotResource
            if onEveryResource, actions.contains(where: PolicyGrant.isAdministrativeAction) {
                grant.administrative = true
            }
        }
        return grant
    }

    /// Effects other than `Allow` and `Deny`, as written.
    var unknownEffects: [String] {
        statements.compactMap(\.effect).filter { $0 != "Allow" && $0 != "Deny" }
    }
}

/// Why a node could not be read as a policy document.
struct PolicyDocumentProblem: Error {
    var message: String
}
