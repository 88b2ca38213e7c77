import Mustache

/// One identity behind a framework entry's gaps (key `affectedIdentities` of an ``EntryRow``):
/// who it is, its owner, and the entry's controls it fails, linked to their sections.
struct AffectedIdentityRow: TemplateView {
    var id: String
    var name: String
    /// The owner, or `no owner`.
    var owner: String
    /// The failing controls, comma-separated: `CW-CRED-01, CW-LOG-02`.
    var controls: String
    /// The same, as links to the control sections.
    var controlLinks: [ControlLink]
    /// `, ` between identities, nothing after the last.
    var separator: String

    /// The rows of `identities`, in order.
    static func rows(_ identities: some Collection<AffectedIdentity>) -> [AffectedIdentityRow] {
        identities.enumerated().map { index, identity in
            AffectedIdentityRow(
                id: identity.id,
                name: identity.name,
                owner: identity.ownerText,
                controls: identity.failingControlIDs.joined(separator: ", "),
                controlLinks: ControlLink.list(identity.failingControlIDs.map { ($0, "") }),
                separator: index == identities.count - 1 ? "" : ", "
            )
        }
    }
}

extension AffectedIdentityRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "name": name
        case "owner": owner
        case "controls": controls
        case "controlLinks": controlLinks
        case "separator": separator
        default: nil
        }
    }
}
