/// How reports name an identity's owner: the recorded owner, or ``none`` when there is none.
public enum OwnerName {
    /// What every report prints for a subject without a recorded owner.
    public static let none = "no owner"

    /// The owner recorded for `identity`, nil when none is recorded or it is blank.
    public static func of(_ identity: Identity?) -> String? {
        identity?.owner.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
    }
}
