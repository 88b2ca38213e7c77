/// AWS managed policies that grant administration, known by ARN so that an export which attaches
/// one without defining it (authorization details are often fetched without `AWSManagedPolicy`)
/// still shows the grant.
enum AWSManagedPolicies {
    /// A well-known administrative managed policy: its name and the permissions that make it so.
    struct Administrative {
        var name: String
        var permissions: [String]
    }

    static let prefix = "arn:aws:iam::aws:policy/"

    /// By ARN: full access (`*`), IAM and Organizations administration (whoever holds them can
    /// grant itself anything), and power users (every action but IAM and Organizations ones,
    /// written as `NotAction`).
    static let administrative: [String: Administrative] = [
        prefix + "AdministratorAccess": Administrative(name: "AdministratorAccess", permissions: ["*"]),
        prefix + "IAMFullAccess": Administrative(name: "IAMFullAccess", permissions: ["iam:*"]),
        prefix + "PowerUserAccess": Administrative(name: "PowerUserAccess", permissions: ["*"]),
        prefix + "AWSOrganizationsFullAccess": Administrative(
            name: "AWSOrganizationsFullAccess",
            permissions: ["organizations:*"]
        ),
    ]

    /// Whether the ARN names one of ``administrative``.
    static func isAdministrative(_ arn: String) -> Bool { administrative[arn] != nil }
}
