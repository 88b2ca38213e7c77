/// Role ids for Azure grants. A definition granted at a broad scope (root, management group,
/// subscription) is `azure:role/<GUID>`; granted at a resource group or resource it is
/// `azure:role/<GUID>@narrow`, a separate role, because whether a grant is administrative
/// depends on how far it reaches (Contributor over a subscription is, over one resource group is
/// not). The binding's scope names the exact path.
enum AzureRoleID {
    static func id(definition: String, broad: Bool) -> String {
        broad ? "azure:role/\(definition)" : "azure:role/\(definition)@narrow"
    }

    static func name(_ name: String, broad: Bool) -> String {
        broad ? name : "\(name) (resource group or resource scope)"
    }
}
