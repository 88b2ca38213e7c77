/// The built-in control library, in report order: authentication, credentials, lifecycle,
/// authorization, agent delegation, logging, environments. Ids are unique and never reused; the
/// order is the order of every report's control section.
public enum ControlRegistry {
    public static let all: [any Control] =
        authenticationControls + credentialControls + lifecycleControls + authorizationControls + agentControls
        + loggingControls + environmentControls

    public static func control(withID id: String) -> (any Control)? {
        all.first { $0.definition.id == id }
    }
}
