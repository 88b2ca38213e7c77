/// Reads Azure / Entra ID exports (service principals, app registrations, RBAC role assignments,
/// role definitions and sign-in activity) and joins them: an application's credentials and last
/// sign-in go to its service principal (by `appId`), a role assignment binds its role to the
/// principal whose object id it names, and a role definition gives that role its permissions.
struct AzureImporter: PlatformImporter {
    static let platform = ImportPlatform.azure

    static let servicePrincipals = ImportKind(
        name: "azure-service-principals",
        platform: .azure,
        summary: "Entra ID service principals: applications, managed identities and agent identities, "
            + "with their client secrets and certificates",
        producedBy: "az ad sp list --all (or Graph GET /servicePrincipals)",
        matches: { AzureServicePrincipalReader.matches($0) }
    )

    static let applications = ImportKind(
        name: "azure-applications",
        platform: .azure,
        summary: "Entra ID app registrations, whose client secrets and certificates join their service principals",
        producedBy: "az ad app list --all (or Graph GET /applications)",
        matches: { AzureApplicationReader.matches($0) }
    )

    static let roleAssignments = ImportKind(
        name: "azure-role-assignments",
        platform: .azure,
        summary: "Azure RBAC role assignments of service principals, with their scopes",
        producedBy: "az role assignment list --all (or ARM GET …/roleAssignments)",
        matches: { AzureRoleAssignmentReader.matches($0) }
    )

    static let roleDefinitions = ImportKind(
        name: "azure-role-definitions",
        platform: .azure,
        summary: "Azure RBAC role definitions, which give custom roles their permissions",
        producedBy: "az role definition list --custom-role-only true (or ARM GET …/roleDefinitions)",
        matches: { AzureRoleDefinitionReader.matches($0) }
    )

    static let signInActivity = ImportKind(
        name: "azure-sign-in-activity",
        platform: .azure,
        summary: "Entra ID service principal sign-in activity: each application's last sign-in",
        producedBy: "az rest --url https://graph.microsoft.com/beta/reports/servicePrincipalSignInActivities",
        matches: { AzureSignInActivityReader.matches($0) }
    )

    static let credentialSignInActivity = ImportKind(
        name: "azure-credential-sign-in-activity",
        platform: .azure,
        summary: "Entra ID credential sign-in activity: each client secret's and certificate's last sign-in",
        producedBy: "az rest --url https://graph.microsoft.com/beta/reports/appCredentialSignInActivities",
        matches: { AzureCredentialSignInReader.matches($0) }
    )

    static var kinds: [ImportKind] {
        [servicePrincipals, applications, roleAssignments, roleDefinitions, signInActivity, credentialSignInActivity]
    }

    private var principals: [AzurePrincipal] = []
    private var applicationRecords: [AzureApplication] = []
    private var assignments: [AzureRoleAssignment] = []
    private var definitions: [AzureRoleDefinition] = []
    private var signIns: [AzureSignInActivity] = []
    /// Whether every sign-in activity export read was complete (no next page); false until one is
    /// read. A page with a next page makes the whole report incomplete, even when later pages
    /// were given too.
    private var signInExportComplete: Bool?
    private var credentialSignIns: [AzureCredentialSignIn] = []
    private var credentialSignInExportComplete: Bool?
    private var principalFile: String?
    private var notices = AzureDistinctWarnings()

    init() {}

    mutating func read(_ document: ImportDocument, as kind: ImportKind, log: inout ImportLog) {
        switch kind {
        case Self.servicePrincipals:
            principalFile = principalFile ?? document.path
            principals += AzureServicePrincipalReader(document: document, kind: kind).read(log: &log, notices: &notices)
        case Self.applications:
            applicationRecords += AzureApplicationReader(document: document, kind: kind).read(
                log: &log,
                notices: &notices
            )
        case Self.roleAssignments:
            assignments += AzureRoleAssignmentReader(document: document, kind: kind).read(log: &log)
        case Self.signInActivity:
            let read = AzureSignInActivityReader(document: document, kind: kind).read(log: &log)
            signIns += read.activities
            signInExportComplete = (signInExportComplete ?? true) && read.complete
        case Self.credentialSignInActivity:
            let read = AzureCredentialSignInReader(document: document, kind: kind).read(log: &log)
            credentialSignIns += read.signIns
            credentialSignInExportComplete = (credentialSignInExportComplete ?? true) && read.complete
        case Self.roleDefinitions:
            definitions += AzureRoleDefinitionReader(document: document, kind: kind).read(log: &log)
        default:
            log.error(document.path, "the Azure importer does not read \(kind.name)")
        }
    }

    mutating func finish(log: inout ImportLog) -> ImportedPlatform {
        var join = AzureJoin(definitions: definitions)
        let home = AzureHomeTenant.infer(
            principals: principals,
            applicationIDs: Set(applicationRecords.compactMap(\.appID)),
            file: principalFile,
            log: &log
        )
        for principal in principals { join.add(principal, homeTenant: home) }
        for application in applicationRecords { join.add(application) }
        join.record(signIns, completeExport: signInExportComplete ?? false)
        join.record(credentialSignIns, completeExport: credentialSignInExportComplete ?? false)
        for assignment in assignments { join.bind(assignment, log: &log, notices: &notices) }
        return join.finish(log: &log)
    }
}
