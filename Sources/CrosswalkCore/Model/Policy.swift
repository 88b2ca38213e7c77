/// The policy snapshot: thresholds and the organisation's identity-security configuration that
/// controls compare the inventory against. Every threshold has a documented default.
public struct Policy: Sendable {
    public var thresholds: Thresholds
    /// Delegations from one trust zone to another that are explicitly allowed.
    public var trustZoneCrossingsAllowed: [TrustZoneCrossing]
    /// Permission patterns (globs) that count as privileged. Any permission that itself contains `*`
    /// is a wildcard grant and counts as privileged whatever this list says.
    public var privilegedPermissions: [String]
    /// Role id or name patterns that count as administrative.
    public var administrativeRoles: [String]
    public var sensitiveActions: [SensitiveAction]
    /// Action patterns guarded by an enforced runtime (intent-based) policy check.
    public var runtimeChecks: [String]
    /// Action patterns that go through an approval workflow.
    public var approvalWorkflows: [String]
    /// Logging configuration per platform, keyed by platform name.
    public var logging: [String: PlatformLogging]
    public var allowedSecretStorage: [SecretStorage]
    /// Tool patterns agents may call; nil when the snapshot has no registry.
    public var approvedTools: [String]?

    public init(
        thresholds: Thresholds = Thresholds(),
        trustZoneCrossingsAllowed: [TrustZoneCrossing] = [],
        privilegedPermissions: [String] = Policy.defaultPrivilegedPermissions,
        administrativeRoles: [String] = Policy.defaultAdministrativeRoles,
        sensitiveActions: [SensitiveAction] = [],
        runtimeChecks: [String] = [],
        approvalWorkflows: [String] = [],
        logging: [String: PlatformLogging] = [:],
        allowedSecretStorage: [SecretStorage] = Policy.defaultAllowedSecretStorage,
        approvedTools: [String]? = nil
    ) {
        self.thresholds = thresholds
        self.trustZoneCrossingsAllowed = trustZoneCrossingsAllowed
        self.privilegedPermissions = privilegedPermissions
        self.administrativeRoles = administrativeRoles
        self.sensitiveActions = sensitiveActions
        self.runtimeChecks = runtimeChecks
        self.approvalWorkflows = approvalWorkflows
        self.logging = logging
        self.allowedSecretStorage = allowedSecretStorage
        self.approvedTools = approvedTools
    }

    /// Identity and access administration: whoever holds these can grant themselves anything. The
    /// Kubernetes entries (as the Kubernetes importer writes permissions) are RBAC escalation,
    /// binding and impersonation, reading Secrets, minting service-account tokens, and running
    /// commands in pods or through the kubelet.
    public static let defaultPrivilegedPermissions = [
        "iam:*", "*:PassRole", "*:SetIamPolicy", "*:CreateServiceAccountKey", "Microsoft.Authorization/*",
        "rbac.authorization.k8s.io/*",
        // Kubernetes: RBAC escalation, reading Secrets, minting tokens, exec into pods, node proxy.
        "*:escalate", "*:bind", "*:impersonate", "core/secrets:get", "core/secrets:list", "core/secrets:watch",
        "core/serviceaccounts/token:create", "core/pods/exec:*", "core/nodes/proxy:*",
        // Google Cloud: changing IAM policies, minting keys or tokens for service accounts, acting as them.
        "*.setIamPolicy", "iam.serviceAccountKeys.create", "iam.serviceAccounts.getAccessToken",
        "iam.serviceAccounts.getOpenIdToken", "iam.serviceAccounts.actAs", "iam.serviceAccounts.implicitDelegation",
        "iam.serviceAccounts.signBlob", "iam.serviceAccounts.signJwt",
    ]
    public static let defaultAdministrativeRoles = ["*admin*", "*Admin*", "owner", "Owner", "root"]
    public static let defaultAllowedSecretStorage: [SecretStorage] = [.vault, .secretManager]
}

/// A delegation from agents in one trust zone to agents in another.
public struct TrustZoneCrossing: Hashable, Sendable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// An action that needs more than RBAC: a runtime intent check, an approval, or both.
public struct SensitiveAction: Hashable, Sendable {
    /// The action name as it appears in permissions or tool names (literal, no wildcards).
    public var action: String
    public var requiresIntentCheck: Bool
    public var requiresApproval: Bool

    public init(action: String, requiresIntentCheck: Bool = true, requiresApproval: Bool = false) {
        self.action = action
        self.requiresIntentCheck = requiresIntentCheck
        self.requiresApproval = requiresApproval
    }
}

/// Which identity events a platform logs, and for how long they are kept.
public struct PlatformLogging: Hashable, Sendable {
    public var issuance: Bool?
    public var use: Bool?
    public var revocation: Bool?
    public var retentionDays: Int64?

    public init(issuance: Bool? = nil, use: Bool? = nil, revocation: Bool? = nil, retentionDays: Int64? = nil) {
        self.issuance = issuance
        self.use = use
        self.revocation = revocation
        self.retentionDays = retentionDays
    }
}
