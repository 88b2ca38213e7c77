/// Agents controls.
let agentControls: [any Control] = []
