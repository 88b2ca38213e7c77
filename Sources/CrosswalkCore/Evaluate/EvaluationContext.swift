/// Everything a control may read: the normalised inventory, the policy and the evaluation time.
/// Controls never read the clock: `now` comes from the caller.
public struct EvaluationContext: Sendable {
    public var inventory: Inventory
    public var policy: Policy
    public var now: Timestamp

    public init(inventory: Inventory, policy: Policy, now: Timestamp) {
        self.inventory = inventory
        self.policy = policy
        self.now = now
    }

    /// Days elapsed from `timestamp` to now.
    public func daysSince(_ timestamp: Timestamp) -> Int64 {
        timestamp.days(until: now)
    }

    /// Whether `credential` can still be used at the evaluation time: its status is active and no
    /// revocation has taken effect. A `revoked` time after the evaluation time is a scheduled
    /// revocation, so the credential still works until then.
    public func isActive(_ credential: Credential) -> Bool {
        credential.status.isActive && !isRevocationRecorded(credential)
    }

    /// Whether `credential` has been revoked for good by the evaluation time: a `revoked` time at or
    /// before now, or a status of revoked, deleted or expired. A disabled credential is not revoked:
    /// re-enabling it restores its value.
    public func isRevoked(_ credential: Credential) -> Bool {
        isRevocationRecorded(credential) || credential.status == .revoked || credential.status == .deleted
            || credential.status == .expired
    }

    private func isRevocationRecorded(_ credential: Credential) -> Bool {
        credential.revoked.map { $0 <= now } ?? false
    }

    /// Describes an age for evidence: `2025-01-31 (486 days ago)`.
    public func describeAge(of timestamp: Timestamp) -> String {
        let days = daysSince(timestamp)
        if days < 0 { return String(joining: timestamp.isoDate, " (in the future)") }
        return String(joining: timestamp.isoDate, " (", String(days), days == 1 ? " day ago)" : " days ago)")
    }
}
