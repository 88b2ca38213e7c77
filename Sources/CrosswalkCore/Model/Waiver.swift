/// One risk acceptance from the waivers file (`--waivers FILE`, `docs/waivers.md`): an approved,
/// time-boxed decision to accept the failures of one control for the subjects it selects. A valid
/// waiver turns those `fail` results into `accepted`; an invalid, expired or not-yet-valid one
/// changes nothing and is reported by the waiver audit.
public struct Waiver: Sendable {
    public var id: String
    /// The control whose failures it accepts, e.g. `CW-CRED-01`.
    public var control: String
    public var subject: WaiverSubject
    /// Why the risk is accepted; required (an empty one makes the waiver invalid).
    public var justification: String
    public var approver: String
    /// The team that owns the accepted risk.
    public var owner: String?
    /// The first day the waiver is valid (UTC), as written; nil when missing or not a date.
    public var created: WaiverDay?
    /// The day the waiver expires (UTC): it is valid until that day begins.
    public var expires: WaiverDay?
    public var ticket: String?
    /// Where the waiver is written, for the audit and warnings.
    public var location: SourceLocation?
    /// Problems with the dates as written (not a date), for the audit.
    public var dateProblems: [String] = []

    public init(
        id: String,
        control: String,
        subject: WaiverSubject,
        justification: String,
        approver: String,
        owner: String? = nil,
        created: WaiverDay?,
        expires: WaiverDay?,
        ticket: String? = nil
    ) {
        self.id = id
        self.control = control
        self.subject = subject
        self.justification = justification
        self.approver = approver
        self.owner = owner
        self.created = created
        self.expires = expires
        self.ticket = ticket
    }
}

/// The waivers file: its waivers in file order.
public struct WaiverFile: Sendable {
    public var waivers: [Waiver]

    public init(waivers: [Waiver]) {
        self.waivers = waivers
    }
}
