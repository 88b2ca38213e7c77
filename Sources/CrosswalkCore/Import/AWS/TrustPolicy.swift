/// Who may assume an IAM role, read from its trust policy (`AssumeRolePolicyDocument`): AWS
/// services, AWS principals (accounts, users, roles), OIDC and SAML identity providers, or anyone.
struct TrustPolicy {
    /// Service principals (`ec2.amazonaws.com`, `lambda.amazonaws.com`).
    var services: [String] = []
    /// AWS principals other than `*`: account ids and ARNs.
    var awsPrincipals: [String] = []
    /// OIDC / web-identity providers (`token.actions.githubusercontent.com`, an `oidc-provider` ARN,
    /// `cognito-identity.amazonaws.com`).
    var oidcProviders: [String] = []
    /// SAML providers (`…:saml-provider/…`): people signing in through single sign-on.
    var samlProviders: [String] = []
    /// `Principal: "*"` or `{"AWS": "*"}` in an `Allow` statement with no `Condition`.
    var anyPrincipal = false
    /// The same with a `Condition`, which may narrow it (an organisation id, an external id).
    var anyPrincipalWithCondition = false

    init(_ document: PolicyDocument) {
        for statement in document.statements where statement.isAllow {
            guard let principal = statement.principal else { continue }
            let assumesWithSAML = statement.actions.contains { $0.lowercased() == "sts:assumerolewithsaml" }
            if principal.text == "*" {
                noteAnyPrincipal(conditioned: statement.hasCondition)
                continue
            }
            for member in principal.members {
                let values = member.value.texts
                switch member.key {
                case "Service":
                    append(values, to: \.services)
                case "AWS", "CanonicalUser":
                    for value in values {
                        if value == "*" {
                            noteAnyPrincipal(conditioned: statement.hasCondition)
                        } else {
                            append([value], to: \.awsPrincipals)
                        }
                    }
                case "Federated":
                    for value in values {
                        if assumesWithSAML || value.contains(":saml-provider/") {
                            append([value], to: \.samlProviders)
                        } else {
                            append([value], to: \.oidcProviders)
                        }
                    }
                default:
                    append(values, to: \.awsPrincipals)
                }
            }
        }
    }

    /// Only people sign in through it: every trusted principal is a SAML provider.
    var isSAMLOnly: Bool {
        !samlProviders.isEmpty && services.isEmpty && awsPrincipals.isEmpty && oidcProviders.isEmpty
            && !anyPrincipal && !anyPrincipalWithCondition
    }

    /// How the role's sessions authenticate: the platform vouches for a service
    /// (`managed-identity`), an identity provider's token is exchanged (`federated`); nil when
    /// only AWS principals assume it (their own credentials, whatever they are, start the session).
    var authentication: AuthenticationMethod? {
        if !services.isEmpty { return .managedIdentity }
        if !oidcProviders.isEmpty || !samlProviders.isEmpty { return .federated }
        return nil
    }

    /// Whether people sign in as the role: yes through SAML, no when only services and workload
    /// identity providers assume it, unknown (nil) when AWS principals or anyone may.
    var interactiveUse: Bool? {
        if !samlProviders.isEmpty { return true }
        if anyPrincipal || anyPrincipalWithCondition || !awsPrincipals.isEmpty { return nil }
        return services.isEmpty && oidcProviders.isEmpty ? nil : false
    }

    private mutating func noteAnyPrincipal(conditioned: Bool) {
        if conditioned { anyPrincipalWithCondition = true } else { anyPrincipal = true }
    }

    private mutating func append(_ values: [String], to list: WritableKeyPath<TrustPolicy, [String]>) {
        for value in values where !self[keyPath: list].contains(value) { self[keyPath: list].append(value) }
    }
}
