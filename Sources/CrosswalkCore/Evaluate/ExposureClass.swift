/// What a failing control leaves open, the second key (after severity) by which reports rank top
/// gaps and order critical findings (docs/assessment.md, section 7).
public enum ExposureClass: String, CaseIterable, Sendable {
    /// A credential detected as exposed is still usable (CW-CRED-05).
    case exposure
    /// Privilege escalation, or administrative or privileged rights (CW-AGENT-01, CW-AUTHZ-01,
    /// CW-AUTHZ-02).
    case privilege
    /// Every other control: hygiene that narrows what an attacker can do or how long they stay.
    case hygiene

    /// Position in the ranking: exposure first, then privilege, then hygiene.
    public var rankOrder: Int {
        switch self {
        case .exposure: return 0
        case .privilege: return 1
        case .hygiene: return 2
        }
    }
}
