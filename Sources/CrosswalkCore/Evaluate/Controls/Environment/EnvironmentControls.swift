/// Environment controls: production and non-production identities stay apart.
let environmentControls: [any Control] = [
    EnvironmentsAreSeparated()
]
