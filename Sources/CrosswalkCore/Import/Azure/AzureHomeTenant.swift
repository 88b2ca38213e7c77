/// Works out which Entra tenant the exports come from, so an application registered in another
/// tenant (a vendor's multi-tenant app, a Microsoft first-party app) is known to be third-party.
///
/// No export names its own tenant, so the tenant is inferred from `appOwnerOrganizationId`:
/// 1. the tenant owning service principals whose application is in an `az ad app list` export
///    (app registrations live in the home tenant), or whose `signInAudience` is `AzureADMyOrg`
///    (a single-tenant application is used only in its own tenant);
/// 2. failing that, the most common owning tenant among application service principals.
/// Microsoft's own tenants never count. A tie leaves the home tenant unknown, with a warning; then
/// only Microsoft-owned applications are marked third-party.
enum AzureHomeTenant {
    /// Microsoft's first-party application tenant (Microsoft Services) and its corporate tenant.
    static let microsoftTenants: Set<String> = [
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "72f988bf-86f1-41af-91ab-2d7cd011db47",
    ]

    static func infer(
        principals: [AzurePrincipal],
        applicationIDs: Set<String>,
        file: String?,
        log: inout ImportLog
    ) -> String? {
        var strong: [String: Int] = [:]
        var weak: [String: Int] = [:]
        var order: [String] = []
        for principal in principals where principal.identity.kind != .managedIdentity {
            guard let tenant = principal.appOwnerTenant, !microsoftTenants.contains(tenant) else { continue }
            if !order.contains(tenant) { order.append(tenant) }
            let registeredHere = principal.appID.map(applicationIDs.contains) ?? false
            if registeredHere || principal.singleTenant { strong[tenant, default: 0] += 1 }
            weak[tenant, default: 0] += 1
        }
        let votes = strong.isEmpty ? weak : strong
        guard let most = votes.values.max() else { return nil }
        let leaders = order.filter { votes[$0] == most }
        guard leaders.count == 1 else {
            log.warning(
                file ?? "azure",
                "cannot tell the home tenant: applications owned by \(leaders.joined(separator: ", ")) are equally "
                    + "common; only Microsoft-owned applications are marked third-party (add az ad app list --all "
                    + "to settle it)"
            )
            return nil
        }
        return leaders[0]
    }
}
