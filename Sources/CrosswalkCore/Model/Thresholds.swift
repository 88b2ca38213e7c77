/// Numeric limits of the policy snapshot, each with the default used when the snapshot omits it.
///
/// Every threshold also has a documented upper bound (``Setting/maximum``, listed in ``keys``) that the policy loader
/// enforces, so that no accepted value can make a control's arithmetic overflow. Controls still
/// compare without multiplying into an overflow, because a ``Policy`` can be built in code too.
public struct Thresholds: Hashable, Sendable {
    public var rotationIntervalDays: Int64 = 90
    public var maxStaticSecretAgeDays: Int64 = 180
    public var maxTokenTTLMinutes: Int64 = 60
    public var maxCredentialLifetimeDays: Int64 = 365
    public var inactivityWindowDays: Int64 = 90
    public var thirdPartyReviewIntervalDays: Int64 = 180
    public var maxDelegationDepth: Int64 = 3
    public var maxAgentOwnersPerRole: Int64 = 1
    public var minLogRetentionDays: Int64 = 365

    public init() {}

    /// One threshold as the snapshot spells it: its key, where it is stored, and the largest value
    /// the loader accepts, with the unit that bound is counted in.
    public struct Setting: Sendable {
        public var key: String
        public var path: any WritableKeyPath<Thresholds, Int64> & Sendable
        public var maximum: Int64
        /// What the bound counts, for messages: "days", "minutes", "hops", "owners".
        public var unit: String
    }

    /// 100 years, in days: longer than any credential, review interval or retention period.
    public static let maximumDays: Int64 = 36_500
    /// 100 years, in minutes.
    public static let maximumMinutes: Int64 = 52_560_000
    /// Deeper delegation chains than this are not a policy anyone writes down.
    public static let maximumDelegationDepth: Int64 = 500
    /// More distinct owners per role than this is not a limit.
    public static let maximumOwnersPerRole: Int64 = 10_000

    /// Every threshold with its snapshot key and bound, in documentation order.
    public static let keys: [Setting] = [
        Setting(key: "rotation_interval_days", path: \.rotationIntervalDays, maximum: maximumDays, unit: "days"),
        Setting(key: "max_static_secret_age_days", path: \.maxStaticSecretAgeDays, maximum: maximumDays, unit: "days"),
        Setting(key: "max_token_ttl_minutes", path: \.maxTokenTTLMinutes, maximum: maximumMinutes, unit: "minutes"),
        Setting(
            key: "max_credential_lifetime_days",
            path: \.maxCredentialLifetimeDays,
            maximum: maximumDays,
            unit: "days"
        ),
        Setting(key: "inactivity_window_days", path: \.inactivityWindowDays, maximum: maximumDays, unit: "days"),
        Setting(
            key: "third_party_review_interval_days",
            path: \.thirdPartyReviewIntervalDays,
            maximum: maximumDays,
            unit: "days"
        ),
        Setting(
            key: "max_delegation_depth",
            path: \.maxDelegationDepth,
            maximum: maximumDelegationDepth,
            unit: "hops"
        ),
        Setting(
            key: "max_agent_owners_per_role",
            path: \.maxAgentOwnersPerRole,
            maximum: maximumOwnersPerRole,
            unit: "owners"
        ),
        Setting(key: "min_log_retention_days", path: \.minLogRetentionDays, maximum: maximumDays, unit: "days"),
    ]
}
