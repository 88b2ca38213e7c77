/// Authentication controls.
let authenticationControls: [any Control] = []
