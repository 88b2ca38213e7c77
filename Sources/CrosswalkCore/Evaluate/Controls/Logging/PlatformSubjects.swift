/// The subjects of the logging controls (CW-LOG-01, CW-LOG-02): each platform named by an
/// identity's `platform`, then, when some identities name none, one stand-in subject
/// "(no platform recorded)" for all of them.
///
/// An identity with no platform is an evidence gap, not a reason to leave the logging controls:
/// nobody can say whether its events are logged. The stand-in subject carries that gap as a
/// *not assessed* result, so it counts against the logging controls instead of dropping out.
/// Identities count whatever their status: a deleted identity's past use and revocation must
/// still be in the logs.
public enum PlatformSubjects {
    /// Subject id of the stand-in for identities with no platform. Spaces and parentheses keep
    /// it apart from real platform names such as `aws` or `kubernetes`.
    public static let noPlatformID = "(no platform recorded)"
    /// Display name of the stand-in subject.
    public static let noPlatformName = "identities with no platform"

    /// One logging-control subject and the identities behind it.
    public struct Holder: Sendable {
        public var subject: SubjectReference
        /// The platform name, or nil for the stand-in subject.
        public var platform: String?
        /// Ids of the identities on the platform (or with no platform), in inventory order.
        public var identityIDs: [String]
        /// Their ordinals, in the same order, when every identity of the inventory has one (a
        /// run's); nil otherwise.
        public var identityOrdinals: [Int32]?
    }

    /// Every logging-control subject of `inventory`: platforms sorted by name, the stand-in last.
    public static func holders(in inventory: Inventory) -> [Holder] {
        // Each platform's identities, by the platform's position in `platforms`.
        var slotOfPlatform: [String: Int] = [:]
        var platforms: [String] = []
        var ids: [[String]] = []
        var ordinals: [[Int32]] = []
        var withoutPlatform: [String] = []
        var withoutPlatformOrdinals: [Int32] = []
        var placed = true
        for identity in inventory.identities {
            placed = placed && identity.ordinal >= 0
            if let platform = identity.platform {
                let slot: Int
                if let known = slotOfPlatform[platform] {
                    slot = known
                } else {
                    slot = platforms.count
                    slotOfPlatform[platform] = slot
                    platforms.append(platform)
                    ids.append([])
                    ordinals.append([])
                }
                ids[slot].append(identity.id)
                ordinals[slot].append(identity.ordinal)
            } else {
                withoutPlatform.append(identity.id)
                withoutPlatformOrdinals.append(identity.ordinal)
            }
        }
        var holders = platforms.indices.sorted { platforms[$0] < platforms[$1] }.map { slot in
            Holder(
                subject: .platform(platforms[slot]),
                platform: platforms[slot],
                identityIDs: ids[slot],
                identityOrdinals: placed ? ordinals[slot] : nil
            )
        }
        if !withoutPlatform.isEmpty {
            holders.append(
                Holder(
                    subject: SubjectReference(kind: .platform, id: noPlatformID, name: noPlatformName),
                    platform: nil,
                    identityIDs: withoutPlatform,
                    identityOrdinals: placed ? withoutPlatformOrdinals : nil
                )
            )
        }
        return holders
    }

    /// Ids of the identities behind a logging-control subject id (a platform name, or
    /// ``noPlatformID`` for the identities with no platform).
    public static func identityIDs(behind subjectID: String, in inventory: Inventory) -> [String] {
        holders(in: inventory).first { $0.subject.id == subjectID }?.identityIDs ?? []
    }

    /// The not-assessed result both logging controls give the stand-in subject: `what` says what
    /// cannot be judged, given the possessive for the identities ("its" or "their").
    static func recordMissingPlatform(
        _ holder: Holder,
        cannotJudge what: (_ possessive: String) -> String,
        expected: String,
        into recorder: inout ResultRecorder
    ) {
        let count = holder.identityIDs.count
        let shown = holder.identityIDs.prefix(10).joined(separator: ", ")
        let more = count > 10 ? " and \(count - 10) more" : ""
        recorder.notAssessed(
            holder.subject,
            Message.platformMissing(
                "\(count) identit\(count == 1 ? "y has" : "ies have")",
                what(count == 1 ? "its" : "their")
            ),
            evidence: [
                Evidence(
                    field: "identities[].platform",
                    observed: "absent on \(shown)\(more)",
                    expected: expected
                )
            ]
        )
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension PlatformSubjects {
    enum Message {
        static let platformMissing = MessageTemplate(
            "{identities} no platform recorded, so {what} cannot be judged."
        )
    }
}
