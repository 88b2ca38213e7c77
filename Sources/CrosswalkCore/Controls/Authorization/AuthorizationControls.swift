/// Authorization controls.
let authorizationControls: [any Control] = []
