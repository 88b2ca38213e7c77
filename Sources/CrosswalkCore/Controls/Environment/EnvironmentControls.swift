/// Environment controls.
let environmentControls: [any Control] = []
