import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Shortcuts for the Kubernetes importer tests.
enum KubernetesFixture {
    static let folder = "Tests/Fixtures/imports/kubernetes/"
    static let realFolder = "Tests/Fixtures/real-inputs/kubernetes/"

    static let realSamples = [
        "k8s_bootstrap_cluster-roles.yaml", "k8s_bootstrap_cluster-role-bindings.yaml",
        "k8s_bootstrap_controller-role-bindings.yaml", "k8s_website_serviceaccount-token-secret.yaml",
    ]

    /// Imports fixture files of this folder (or of the real samples) as the `kubernetes` kind.
    static func run(_ names: [String], real: Bool = false) throws -> ImportedInventory {
        try ImportFixtures.run(names.map { (kind: "kubernetes", path: (real ? realFolder : folder) + $0) })
    }

    /// Imports export text as the `kubernetes` kind.
    static func run(text: String, name: String = "export.yaml") -> ImportedInventory {
        ImportFixtures.run(texts: [(kind: "kubernetes", name: name, text: text)])
    }

    /// A time written in ISO 8601 (nil only for a typo in a test).
    static func time(_ text: String) -> Timestamp? { Timestamp(iso8601: text) }
}

extension ImportedInventory {
    /// The warnings the importer wrote (not the session's summary of unreported fields).
    var importWarnings: [Diagnostic] {
        warnings.filter { !$0.message.contains("fill them in with --overlay") }
    }

    /// The identities bound to a role, directly or through a group, with the binding's scope.
    func holders(of roleID: String) -> [String: [String?]] {
        var holders: [String: [String?]] = [:]
        for identity in identities {
            for binding in identity.roleBindings where binding.role == roleID {
                holders[identity.id, default: []].append(binding.scope)
            }
        }
        return holders
    }
}
