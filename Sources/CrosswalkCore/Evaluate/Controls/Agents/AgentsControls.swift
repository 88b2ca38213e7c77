/// Agents controls: delegation between agents (escalation, trust zones, depth) and tool use.
let agentControls: [any Control] = [
    NoEscalationByDelegation(),
    TrustZoneCrossingsAreAllowed(),
    DelegationDepthWithinLimit(),
    AgentsUseApprovedTools(),
]
