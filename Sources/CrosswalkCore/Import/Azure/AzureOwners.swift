/// The accountable people of a Graph object, when the export carries them: an agent identity's
/// `sponsors`, or `owners` (present when the list was exported with `$expand=owners`, or joined
/// from `az ad sp owner list`).
///
/// The plain `az ad sp list` / `az ad app list` output has neither key: the owner is then
/// unreported, not missing. When a key is present, an empty list is a real gap.
struct AzureOwners {
    /// Whether the record carries `sponsors` or `owners` at all.
    var reported: Bool
    /// The owners, comma-separated (each by user principal name, mail, display name or id).
    var owner: String?

    init(of record: SourceNode) {
        let lists = ["sponsors", "owners"].compactMap { record[$0] }
        reported = !lists.isEmpty
        var names: [String] = []
        for node in lists.flatMap(\.elements) {
            let name =
                node.isObject
                ? ["userPrincipalName", "mail", "displayName", "id"].lazy.compactMap { node[$0]?.nonBlankText }.first
                : node.nonBlankText
            if let name, !names.contains(name) { names.append(name) }
        }
        owner = names.isEmpty ? nil : ImportText.screened(names.joined(separator: ", "))
    }
}
