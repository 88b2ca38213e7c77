/// What became of each waiver in a run, in file order: whether it accepted results (and how
/// many), selected none, expires soon, has expired, is not valid yet, or is invalid, and why.
/// Reports list it; `crosswalk report` warns about the expired, invalid and expiring ones.
public struct WaiverAudit: Sendable {
    /// The waivers file, as given.
    public var file: String
    public var entries: [WaiverAuditEntry]

    /// Days before its expiry within which a waiver in force is flagged as expiring soon.
    public static let expiringSoonDays: Int64 = 14

    public init(file: String, entries: [WaiverAuditEntry]) {
        self.file = file
        self.entries = entries
    }

    /// Audits `waivers` at `now`, with how many results each accepted (by file position).
    public init(file: String, waivers: WaiverFile, knownControls: Set<String>, now: Timestamp, matches: [Int: Int]) {
        self.file = file
        self.entries = waivers.waivers.enumerated().map { index, waiver in
            let count = matches[index] ?? 0
            var entry = WaiverAuditEntry(waiver: waiver, state: count > 0 ? .matched : .unused, matchCount: count)
            if let standing = Self.standing(of: waiver, knownControls: knownControls, now: now) {
                entry.state = standing.state
                entry.reason = standing.reason
            } else if let expires = waiver.expires, now.days(until: expires.start) < Self.expiringSoonDays {
                entry.state = .expiringSoon
                entry.reason = "expires on \(expires.text), in less than \(Self.expiringSoonDays) days"
            }
            return entry
        }
    }

    /// Why a waiver is not in force at `now` (invalid, not yet valid or expired), or nil when it
    /// is. A waiver is valid from the start of its `created` day (UTC) until its `expires` day
    /// begins: it expires on its day.
    public static func standing(
        of waiver: Waiver,
        knownControls: Set<String>,
        now: Timestamp
    ) -> (state: WaiverAuditState, reason: String)? {
        var problems: [String] = []
        if !knownControls.contains(waiver.control) { problems.append("unknown control \(waiver.control)") }
        if waiver.justification.allSatisfy(\.isWhitespace) { problems.append("no justification") }
        if waiver.approver.allSatisfy(\.isWhitespace) { problems.append("no approver") }
        problems += waiver.dateProblems
        if let created = waiver.created, let expires = waiver.expires, expires <= created {
            problems.append("expires (\(expires.text)) is not after created (\(created.text))")
        }
        if !problems.isEmpty { return (.invalid, problems.joined(separator: "; ")) }
        guard let created = waiver.created, let expires = waiver.expires else {
            return (.invalid, "no valid dates")
        }
        if now < created.start { return (.notYetValid, "valid from \(created.text)") }
        if now >= expires.start { return (.expired, "expired on \(expires.text)") }
        return nil
    }

    /// Entries that deserve a warning: expired, invalid, not yet valid, expiring soon.
    public var warnings: [Diagnostic] {
        entries.enumerated().filter { $0.element.state.warns }.map { index, entry in
            Diagnostic(
                .warning,
                file: file,
                location: entry.waiver.location,
                keyPath: "waivers[\(index)]",
                message:
                    "waiver \(entry.waiver.id) (\(entry.waiver.control)) is \(entry.state.phrase): \(entry.reason ?? "")"
                    + (entry.state.isInForce ? "" : "; it accepts nothing")
            )
        }
    }

    /// How many entries are in each state, for summary lines.
    public func count(_ state: WaiverAuditState) -> Int {
        entries.filter { $0.state == state }.count
    }
}

/// One waiver's line in the ``WaiverAudit``.
public struct WaiverAuditEntry: Sendable {
    public var waiver: Waiver
    public var state: WaiverAuditState
    /// Results the waiver turned from `fail` into `accepted`.
    public var matchCount: Int
    /// Why the waiver is in its state, for every state but matched and unused.
    public var reason: String?

    public init(waiver: Waiver, state: WaiverAuditState, matchCount: Int, reason: String? = nil) {
        self.waiver = waiver
        self.state = state
        self.matchCount = matchCount
        self.reason = reason
    }
}

/// A waiver's state in a run.
public enum WaiverAuditState: String, CaseIterable, Sendable {
    /// In force and accepted at least one failure.
    case matched
    /// In force, but no failing result of its control matched its subject.
    case unused
    /// In force (it may have matched) and expiring within ``WaiverAudit/expiringSoonDays``.
    case expiringSoon = "expiring-soon"
    /// Past its expiry day: changes nothing.
    case expired
    /// Its created day is after the evaluation time: changes nothing.
    case notYetValid = "not-yet-valid"
    /// Unknown control, no justification or approver, or bad dates: changes nothing.
    case invalid

    /// Whether the waiver accepts results in this state.
    public var isInForce: Bool { self == .matched || self == .unused || self == .expiringSoon }

    var warns: Bool { self != .matched && self != .unused }

    /// As a warning words it.
    public var phrase: String {
        switch self {
        case .matched: return "matched"
        case .unused: return "unused"
        case .expiringSoon: return "expiring soon"
        case .expired: return "expired"
        case .notYetValid: return "not yet valid"
        case .invalid: return "invalid"
        }
    }
}
