import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Paths and lookups shared by the Azure importer tests.
enum AzureFixture {
    static let graphSample = "Tests/Fixtures/real-inputs/azure/graph_servicePrincipals_list_response.json"
    static let armSample = "Tests/Fixtures/real-inputs/azure/arm_roleAssignments_list_response_excerpt.json"
    static let spList = "Tests/Fixtures/imports/azure/az-sp-list.json"
    static let spListYAML = "Tests/Fixtures/imports/azure/az-sp-list.yaml"
    static let graphPage = "Tests/Fixtures/imports/azure/graph-sp-page.json"
    static let appList = "Tests/Fixtures/imports/azure/az-app-list.json"
    static let roleAssignments = "Tests/Fixtures/imports/azure/az-role-assignments.json"

    static let servicePrincipals = "azure-service-principals"
    static let applications = "azure-applications"
    static let assignments = "azure-role-assignments"

    static let subscription = "/subscriptions/00000000-0000-0000-0000-000000000000"
    static let owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
    static let contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c"

    /// A time written in a test; a typo fails the test instead of crashing it.
    static func time(_ text: String) -> Timestamp {
        guard let time = Timestamp(iso8601: text) else {
            Issue.record("not a time: \(text)")
            return Timestamp(secondsSinceEpoch: 0)
        }
        return time
    }
}

/// Lookups named for Azure, so they cannot clash with other platforms' test helpers.
extension ImportedInventory {
    func azureIdentity(_ id: String) throws -> Identity {
        try #require(identities.first { $0.id == id }, "no identity \(id)")
    }

    func azureRole(_ id: String) throws -> Role {
        try #require(roles.first { $0.id == id }, "no role \(id)")
    }

    /// The warnings' messages (file, position and key path left out).
    var azureWarningMessages: [String] { warnings.map(\.message) }
}

extension Identity {
    func azureCredential(_ id: String) throws -> Credential {
        try #require(credentials.first { $0.id == id }, "\(self.id) holds no credential \(id)")
    }
}
