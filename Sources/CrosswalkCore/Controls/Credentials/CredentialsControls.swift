/// Credentials controls.
let credentialControls: [any Control] = []
