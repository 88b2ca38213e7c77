/// Well-known Google Cloud IAM roles: their title, the permissions that matter for privilege
/// (not every permission each role holds), and whether they administer the resource.
///
/// IAM policies name roles but never list their permissions; Crosswalk knows the roles below.
/// Every other role (predefined or custom) is kept with its name and no permissions, so the
/// privilege controls judge it by name alone.
enum GoogleCloudRoles {
    struct Definition {
        var title: String
        var permissions: [String]
        var administrative: Bool
    }

    /// The Crosswalk role id of a GCP role: `gcp:roles/owner`, `gcp:projects/p/roles/custom`.
    static func id(_ role: String) -> String { "gcp:" + role }

    /// The role as Crosswalk records it: a known role with its permissions, any other with none.
    static func role(_ name: String) -> Role {
        guard let definition = known[name] else {
            return Role(id: id(name), name: name, platform: "gcp", permissions: [])
        }
        return Role(
            id: id(name),
            name: definition.title,
            platform: "gcp",
            permissions: definition.permissions,
            administrative: definition.administrative
        )
    }

    static let known: [String: Definition] = [
        // Basic roles. Owner holds every permission of the resource, IAM policy included. Editor
        // can create, change and delete almost everything, deploy code as any service account and
        // create keys for them; it cannot change IAM policies.
        "roles/owner": Definition(title: "Owner", permissions: ["*"], administrative: true),
        "roles/editor": Definition(
            title: "Editor",
            permissions: [
                "*.create", "*.update", "*.delete", "*.get", "*.list", "iam.serviceAccounts.actAs",
                "iam.serviceAccountKeys.create",
            ],
            administrative: true
        ),
        "roles/viewer": Definition(title: "Viewer", permissions: ["*.get", "*.list"], administrative: false),
        "roles/browser": Definition(
            title: "Browser",
            permissions: [
                "resourcemanager.projects.get", "resourcemanager.projects.list", "resourcemanager.folders.get",
                "resourcemanager.folders.list", "resourcemanager.organizations.get",
            ],
            administrative: false
        ),
        // Impersonation: whoever holds these acts as the service accounts in scope.
        "roles/iam.serviceAccountTokenCreator": Definition(
            title: "Service Account Token Creator",
            permissions: [
                "iam.serviceAccounts.getAccessToken", "iam.serviceAccounts.getOpenIdToken",
                "iam.serviceAccounts.implicitDelegation", "iam.serviceAccounts.signBlob",
                "iam.serviceAccounts.signJwt", "iam.serviceAccounts.get", "iam.serviceAccounts.list",
            ],
            administrative: false
        ),
        "roles/iam.serviceAccountOpenIdTokenCreator": Definition(
            title: "Service Account OpenID Connect Identity Token Creator",
            permissions: ["iam.serviceAccounts.getOpenIdToken"],
            administrative: false
        ),
        "roles/iam.workloadIdentityUser": Definition(
            title: "Workload Identity User",
            permissions: [
                "iam.serviceAccounts.getAccessToken", "iam.serviceAccounts.getOpenIdToken",
                "iam.serviceAccounts.get", "iam.serviceAccounts.list",
            ],
            administrative: false
        ),
        "roles/iam.serviceAccountUser": Definition(
            title: "Service Account User",
            permissions: [
                "iam.serviceAccounts.actAs", "iam.serviceAccounts.get", "iam.serviceAccounts.list",
                "resourcemanager.projects.get", "resourcemanager.projects.list",
            ],
            administrative: false
        ),
        "roles/iam.serviceAccountKeyAdmin": Definition(
            title: "Service Account Key Admin",
            permissions: [
                "iam.serviceAccountKeys.create", "iam.serviceAccountKeys.delete", "iam.serviceAccountKeys.disable",
                "iam.serviceAccountKeys.enable", "iam.serviceAccountKeys.get", "iam.serviceAccountKeys.list",
                "iam.serviceAccounts.get", "iam.serviceAccounts.list",
            ],
            administrative: false
        ),
        "roles/iam.serviceAccountAdmin": Definition(
            title: "Service Account Admin",
            permissions: [
                "iam.serviceAccounts.create", "iam.serviceAccounts.delete", "iam.serviceAccounts.update",
                "iam.serviceAccounts.disable", "iam.serviceAccounts.enable", "iam.serviceAccounts.get",
                "iam.serviceAccounts.list", "iam.serviceAccounts.getIamPolicy", "iam.serviceAccounts.setIamPolicy",
            ],
            administrative: false
        ),
        // IAM administration: whoever holds these can grant themselves any role in scope.
        "roles/resourcemanager.projectIamAdmin": Definition(
            title: "Project IAM Admin",
            permissions: [
                "resourcemanager.projects.getIamPolicy", "resourcemanager.projects.setIamPolicy",
                "resourcemanager.projects.get", "iam.roles.get", "iam.roles.list",
            ],
            administrative: true
        ),
        "roles/resourcemanager.folderIamAdmin": Definition(
            title: "Folder IAM Admin",
            permissions: [
                "resourcemanager.folders.getIamPolicy", "resourcemanager.folders.setIamPolicy",
                "resourcemanager.folders.get",
            ],
            administrative: true
        ),
        "roles/resourcemanager.folderAdmin": Definition(
            title: "Folder Admin",
            permissions: [
                "resourcemanager.folders.create", "resourcemanager.folders.delete", "resourcemanager.folders.update",
                "resourcemanager.folders.getIamPolicy", "resourcemanager.folders.setIamPolicy",
                "resourcemanager.projects.setIamPolicy",
            ],
            administrative: true
        ),
        "roles/resourcemanager.organizationAdmin": Definition(
            title: "Organization Administrator",
            permissions: [
                "resourcemanager.organizations.getIamPolicy", "resourcemanager.organizations.setIamPolicy",
                "resourcemanager.folders.setIamPolicy", "resourcemanager.projects.setIamPolicy",
            ],
            administrative: true
        ),
        "roles/iam.securityAdmin": Definition(
            title: "Security Admin",
            permissions: [
                "*.getIamPolicy", "*.setIamPolicy", "iam.roles.create", "iam.roles.update", "iam.roles.delete",
            ],
            administrative: true
        ),
        "roles/iam.roleAdmin": Definition(
            title: "Role Administrator",
            permissions: ["iam.roles.create", "iam.roles.update", "iam.roles.delete", "iam.roles.undelete"],
            administrative: false
        ),
    ]
}
