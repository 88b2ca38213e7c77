/// Logging controls.
let loggingControls: [any Control] = []
