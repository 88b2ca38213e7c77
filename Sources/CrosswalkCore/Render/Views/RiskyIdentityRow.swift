import Mustache

/// One of the riskiest identities (key `riskyIdentities`).
struct RiskyIdentityRow: TemplateView {
    /// 1 for the riskiest.
    var rank: String
    var id: String
    var name: String
    var kind: String
    /// The platform, or `unknown`.
    var platform: String
    /// The owner, or `no owner`.
    var owner: String
    var riskScore: String
    /// The failing controls, comma-separated, and as links to their sections.
    var controls: String
    var controlLinks: [ControlLink]

    init(_ identity: RiskyIdentity, rank: Int) {
        self.rank = String(rank)
        id = identity.id
        name = identity.name
        kind = identity.kind
        platform = identity.platform ?? "unknown"
        owner = OwnerName.text(identity.owner)
        riskScore = String(identity.riskScore)
        controls = identity.failingControls.joined(separator: ", ")
        controlLinks = ControlLink.list(identity.failingControls.map { ($0, "") })
    }
}

extension RiskyIdentityRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "rank": rank
        case "id": id
        case "name": name
        case "kind": kind
        case "platform": platform
        case "owner": owner
        case "riskScore": riskScore
        case "controls": controls
        case "controlLinks": controlLinks
        default: nil
        }
    }
}
