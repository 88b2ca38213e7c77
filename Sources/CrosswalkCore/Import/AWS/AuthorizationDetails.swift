/// What one `get-account-authorization-details` export yields, before the importer joins it with
/// credential reports and other exports.
struct AuthorizationDetails {
    /// The export's path.
    var file: String
    /// IAM users, with their own, attached and group policies bound.
    var users: [Identity] = []
    /// IAM roles: workload identities, with their trust and policies.
    var roles: [Identity] = []
    /// Inline policies of users, groups and roles, one role each.
    var inlinePolicies: [Role] = []
    /// Managed policies the export defines (their default version), by ARN.
    var managedPolicies: [String: Role] = [:]
    /// Managed policies as attachments name them: ARN → `PolicyName`.
    var attachedPolicyNames: [String: String] = [:]
}
