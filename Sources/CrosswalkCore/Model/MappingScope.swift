/// Which subjects' results count for a mapping (docs/assessment.md §4): every subject, or only
/// those about AI agents and their delegation chains.
public enum MappingScope: String, CaseIterable, Sendable {
    /// Every subject of the control.
    case all
    /// Agents, identities whose `spawned_by` chain passes through an agent, their credentials,
    /// the roles bound to them and the platforms they are on.
    case aiAgents = "ai-agents"

    /// The accepted values, for error messages.
    static let expectedText = "all or ai-agents"

    /// The scope in words, for reasons: "AI agents".
    public var subjectsName: String {
        switch self {
        case .all: return "subjects"
        case .aiAgents: return "AI agents"
        }
    }
}
