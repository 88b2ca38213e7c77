import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// A large organisation built in memory: thousands of service accounts over many projects, with
/// keys of every variant and a policy per project, checked by counts worked out from how the
/// input was built.
@Suite("Google Cloud: a large generated export")
struct GoogleCloudLargeExportTests {
    static let accounts = 3_000
    static let projects = 30

    static func email(_ index: Int) -> String { "svc-\(index)@proj-\(index % projects).iam.gserviceaccount.com" }

    /// Account i has i % 5 keys: key 0 user-managed from 2026-01-01, never expiring; key 1
    /// system-managed; key 2 user-managed and disabled; key 3 user-managed from 2026-04-01,
    /// expiring 2027-01-01.
    static func exports() -> (accounts: String, keys: String, policies: [String]) {
        var accountRecords: [String] = []
        var keyRecords: [String] = []
        for index in 0..<accounts {
            let project = "proj-\(index % projects)"
            let disabled = index % 10 == 0 ? #""disabled": true, "# : ""
            accountRecords.append(
                #"{\#(disabled)"email": "\#(email(index))", "name": "projects/\#(project)/serviceAccounts/\#(email(index))", "projectId": "\#(project)", "uniqueId": "\#(100_000 + index)", "displayName": "Service \#(index)"}"#
            )
            for key in 0..<(index % 5) {
                let type = key == 1 ? "SYSTEM_MANAGED" : "USER_MANAGED"
                let before = key == 3 ? "2027-01-01T00:00:00Z" : "9999-12-31T23:59:59Z"
                let keyDisabled = key == 2 ? #""disabled": true, "# : ""
                keyRecords.append(
                    #"{\#(keyDisabled)"keyType": "\#(type)", "name": "projects/\#(project)/serviceAccounts/\#(email(index))/keys/k\#(index)x\#(key)", "validAfterTime": "2026-0\#(1 + key)-01T00:00:00Z", "validBeforeTime": "\#(before)"}"#
                )
            }
        }
        var policies: [String] = []
        for project in 0..<projects {
            // Every fifth account of the project is an owner; the others are viewers.
            let members = stride(from: project, to: accounts, by: projects).map { email($0) }
            let owners = members.enumerated().filter { $0.offset % 5 == 0 }.map { #""serviceAccount:\#($0.element)""# }
            let viewers = members.enumerated().filter { $0.offset % 5 != 0 }.map { #""serviceAccount:\#($0.element)""# }
            policies.append(
                #"{"bindings": [{"role": "roles/owner", "members": [\#(owners.joined(separator: ","))]}, {"role": "roles/viewer", "members": [\#(viewers.joined(separator: ","))]}], "etag": "x", "version": 1}"#
            )
        }
        return (
            "[" + accountRecords.joined(separator: ",\n") + "]", "[" + keyRecords.joined(separator: ",\n") + "]",
            policies
        )
    }

    @Test("3,000 accounts, their keys and 30 project policies: counts and findings")
    func counts() throws {
        let (accounts, keys, policies) = Self.exports()
        var texts: [(kind: String, name: String, text: String)] = [
            (kind: "gcp-service-accounts", name: "accounts.json", text: accounts),
            (kind: "gcp-service-account-keys", name: "keys.json", text: keys),
        ]
        for (index, policy) in policies.enumerated() {
            texts.append((kind: "gcp-iam-policy", name: "proj-\(index).json", text: policy))
        }
        let imported = ImportFixtures.run(texts: texts)
        #expect(imported.errors.isEmpty)
        #expect(imported.warnings.allSatisfy { $0.message.contains("does not report") })
        #expect(imported.identities.count == Self.accounts)
        #expect(imported.identities.filter { $0.status == .disabled }.count == Self.accounts / 10)

        // User-managed keys per residue of i % 5: none; key 0; key 0 (key 1 is system-managed);
        // keys 0 and 2; keys 0, 2 and 3.
        let perResidue = [0, 1, 1, 2, 3]
        let expectedKeys = (0..<Self.accounts).reduce(0) { $0 + perResidue[$1 % 5] }
        #expect(imported.identities.reduce(0) { $0 + $1.credentials.count } == expectedKeys)

        // Every account is bound once: owners are every fifth account per project.
        #expect(imported.identities.allSatisfy { $0.roleBindings.count == 1 })
        let owners = imported.identities.filter { $0.roleBindings.first?.role == "gcp:roles/owner" }
        let expectedOwners = (0..<Self.projects).reduce(0) { total, project in
            total + (Array(stride(from: project, to: Self.accounts, by: Self.projects)).count + 4) / 5
        }
        #expect(owners.count == expectedOwners)
        let administrative = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        #expect(administrative.values.filter { $0 == .fail }.count == expectedOwners)

        // CW-CRED-04: key 0 never expires (fails); key 3 lives 275 days, over the 180 allowed for
        // static secrets (fails); key 2 is disabled (not applicable: no result).
        let expiry = try ImportFixtures.results(of: "CW-CRED-04", on: imported)
        let residues = (0..<Self.accounts).map { $0 % 5 }
        let neverExpiring = residues.filter { $0 >= 1 }.count
        let longLived = residues.filter { $0 == 4 }.count
        let disabled = residues.filter { $0 >= 3 }.count
        #expect(expiry.count == expectedKeys - disabled)
        #expect(expiry.values.filter { $0 == .fail }.count == neverExpiring + longLived)
    }
}
