/// Logging controls: identity events are logged and kept.
let loggingControls: [any Control] = [
    IdentityEventsAreLogged(),
    IdentityLogsAreRetained(),
]
