import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// A tenant-sized export built in memory: thousands of service principals and role assignments.
@Suite struct AzureLargeExportTests {
    static let count = 5_000
    static let home = "54826b22-38d6-4fb2-bad9-b7b93a3e9c5a"
    static let vendor = "3f1e4b2a-7c55-4d0e-9a61-2b8c0d4e5f60"
    static let microsoft = "f8cdef31-a31e-4b4a-93e4-5f571e91255a"

    /// A GUID-shaped object id for service principal `index`.
    static func objectID(_ index: Int) -> String {
        let digits = String(index)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// Every tenth principal is a managed identity; every seventh other one a vendor's app with a
    /// client secret; the rest the tenant's own apps with a client secret.
    static func servicePrincipals() -> String {
        var records: [String] = []
        for index in 0..<count {
            let managed = index % 10 == 0
            let owner = managed ? microsoft : (index % 7 == 0 ? vendor : home)
            let secrets =
                managed
                ? "[]"
                : #"[{"keyId": "k-\#(index)", "startDateTime": "2026-01-01T00:00:00Z", "endDateTime": "2026-03-01T00:00:00Z", "secretText": null}]"#
            records.append(
                #"{"id": "\#(objectID(index))", "displayName": "sp-\#(index)", "servicePrincipalType": "\#(managed ? "ManagedIdentity" : "Application")", "#
                    + #""appOwnerOrganizationId": "\#(owner)", "accountEnabled": true, "passwordCredentials": \#(secrets), "keyCredentials": []}"#
            )
        }
        return "[\n" + records.joined(separator: ",\n") + "\n]\n"
    }

    /// Reader at subscription scope for every principal, and Owner for every hundredth.
    static func roleAssignments() -> String {
        var records: [String] = []
        for index in 0..<count {
            let role =
                index % 100 == 0 ? "8e3af657-a8ff-443c-a75c-2fe8c4bcb635" : "acdd72a7-3385-48ef-bd42-f606fba81ae7"
            records.append(
                #"{"principalId": "\#(objectID(index))", "principalType": "ServicePrincipal", "scope": "/subscriptions/s1", "#
                    + #""roleDefinitionId": "/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/\#(role)"}"#
            )
        }
        return "[\n" + records.joined(separator: ",\n") + "\n]\n"
    }

    @Test func thousandsOfServicePrincipalsAndAssignments() throws {
        let imported = ImportFixtures.run(texts: [
            ("azure-service-principals", "sp.json", Self.servicePrincipals()),
            ("azure-role-assignments", "ra.json", Self.roleAssignments()),
        ])
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.count == Self.count)
        let indices = 0..<Self.count
        let managed = indices.filter { $0 % 10 == 0 }.count
        let vendorApps = indices.filter { $0 % 10 != 0 && $0 % 7 == 0 }.count
        #expect(imported.identities.filter { $0.kind == .managedIdentity }.count == managed)
        #expect(imported.identities.filter(\.thirdParty).count == vendorApps)
        #expect(imported.identities.reduce(0) { $0 + $1.credentials.count } == Self.count - managed)
        #expect(imported.identities.allSatisfy { $0.roleBindings.count == 1 })
        #expect(imported.roles.count == 2)
        let administrative = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        #expect(administrative.values.filter { $0 == .fail }.count == indices.filter { $0 % 100 == 0 }.count)
        #expect(administrative.values.filter { $0 == .pass }.count == Self.count - Self.count / 100)
        // Every secret lives 59 days (2026-01-01 → 2026-03-01): within 180.
        let expiry = try ImportFixtures.results(of: "CW-CRED-04", on: imported)
        #expect(expiry.count == Self.count - managed)
        #expect(expiry.values.allSatisfy { $0 == .pass })
    }
}
