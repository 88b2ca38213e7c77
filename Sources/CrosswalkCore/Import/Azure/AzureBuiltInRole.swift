/// The built-in Azure roles Crosswalk knows by their role definition GUID (the same in every
/// tenant): their names, their `Actions` as permission patterns, and when they are administrative.
///
/// A role assignment export names only the definition's GUID (and, from `az`, its name), not its
/// permissions; other roles are imported by name with no permissions.
struct AzureBuiltInRole {
    /// When a grant of the role counts as administrative (CW-AUTHZ-02).
    enum Administrative {
        /// Never.
        case never
        /// At the root, management group and subscription scopes only.
        case atBroadScope
        /// At every scope: the role can grant access to others (and itself) within its scope.
        case atAnyScope
    }

    var name: String
    var permissions: [String]
    var administrative: Administrative

    /// Owner, Contributor, User Access Administrator, Role Based Access Control Administrator and
    /// Reader, by GUID.
    ///
    /// Crosswalk's roles hold allowed patterns only. Contributor is Azure's `Actions: ["*"]` with
    /// `NotActions` that take away `Microsoft.Authorization/*/Write`, `…/*/Delete`,
    /// `Microsoft.Authorization/elevateAccess/Action` and a few others; a subtraction cannot be
    /// written as a pattern, so it keeps the `*` its definition grants (a wildcard grant, which
    /// CW-AUTHZ-01 rightly fails) and is *not* given `Microsoft.Authorization/*`, and it is not
    /// administrative below subscription scope, since it cannot change access.
    static let byGUID: [String: AzureBuiltInRole] = [
        "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": AzureBuiltInRole(
            name: "Owner",
            permissions: ["*"],
            administrative: .atAnyScope
        ),
        "b24988ac-6180-42a0-ab88-20f7382dd24c": AzureBuiltInRole(
            name: "Contributor",
            permissions: ["*"],
            administrative: .atBroadScope
        ),
        "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": AzureBuiltInRole(
            name: "User Access Administrator",
            permissions: ["*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"],
            administrative: .atAnyScope
        ),
        "f58310d9-a9f6-439a-9e8d-f62e7b41a168": AzureBuiltInRole(
            name: "Role Based Access Control Administrator",
            permissions: [
                "Microsoft.Authorization/roleAssignments/write", "Microsoft.Authorization/roleAssignments/delete",
                "*/read", "Microsoft.Support/*",
            ],
            administrative: .atAnyScope
        ),
        "acdd72a7-3385-48ef-bd42-f606fba81ae7": AzureBuiltInRole(
            name: "Reader",
            permissions: ["*/read"],
            administrative: .never
        ),
    ]

    /// Whether a grant at a scope of this breadth is administrative.
    func isAdministrative(broad: Bool) -> Bool { administrative.applies(broad: broad) }
}

extension AzureBuiltInRole.Administrative {
    /// Whether a grant at a scope of this breadth is administrative.
    func applies(broad: Bool) -> Bool {
        switch self {
        case .never: return false
        case .atBroadScope: return broad
        case .atAnyScope: return true
        }
    }
}
