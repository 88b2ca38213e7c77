/// How much of the inventory a control reads at once, which decides when the evaluate stage runs
/// it (see ``EvaluationSession``).
public enum ControlReach: Sendable {
    /// One identity record at a time, with the roles, policy and clock: the control runs on each
    /// batch of identities as they stream in, and may be given any subset of the inventory. It
    /// must not look up other identities (`Inventory.identity(withID:)` finds none in a batch).
    case identity
    /// Across identities (delegation chains, shared credentials, roles shared by agents,
    /// platforms): the control runs once, after every identity was read, on the run's
    /// ``Identity/peerRecord`` of each identity — the fields such controls read, not the whole
    /// record.
    case inventory
}
