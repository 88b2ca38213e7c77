/// Authorization controls: privileged and administrative grants, runtime intent checks, approvals
/// and shared roles.
let authorizationControls: [any Control] = [
    AgentsHoldNoPrivilegedPermissions(),
    NoAdministrativeRoles(),
    SensitiveActionsHaveRuntimeChecks(),
    HighRiskActionsNeedApproval(),
    RolesNotSharedAcrossAgents(),
]
