/// Authentication controls.
let authenticationControls: [any Control] = [
    AgentsUseWorkloadIdentity(),
    CredentialsBoundToOneIdentity(),
    NoHumanUseOfNonHumanIdentities(),
]
