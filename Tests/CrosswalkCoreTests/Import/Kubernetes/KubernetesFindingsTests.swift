import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// The controls' results on the generated cluster export, at 2026-11-01, worked out from the
/// fixture: which accounts hold administrative roles, which tokens never expire, are old, are
/// kept outside a vault, and which accounts would hold privileged permissions if they were agents.
@Suite("Kubernetes: findings on a cluster export")
struct KubernetesFindingsTests {
    let imported: ImportedInventory

    init() throws {
        imported = try KubernetesFixture.run(["cluster-export.json"])
    }

    /// cluster-admin (deployer directly, kube-system/default through its namespace group) and
    /// edit (batch) are administrative; view, secret-reader, metrics-reader and a role the export
    /// lacks are not.
    @Test func administrativeRoles() throws {
        #expect(
            try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported) == [
                "k8s:payments/api": .pass,
                "k8s:payments/batch": .fail,
                "k8s:ci/deployer": .fail,
                "k8s:kube-system/default": .fail,
                "k8s:ci/legacy-bot": .pass,
                "k8s:monitoring/ghost": .pass,
            ]
        )
    }

    /// Legacy tokens never expire; the invalidated one is no longer active, so has no result.
    @Test func tokensNeverExpire() throws {
        #expect(
            try ImportFixtures.results(of: "CW-CRED-04", on: imported) == [
                "k8s:payments/api/api-token": .fail,
                "k8s:payments/batch/batch-token": .fail,
                "k8s:ci/deployer/deployer-token": .fail,
            ]
        )
    }

    /// Issued 2025-01-10 and 2024-03-01 (never rotated, more than 90 days), and 2026-10-01 (31 days).
    @Test func tokenAgeAgainstTheRotationInterval() throws {
        let results = try ImportFixtures.results(of: "CW-CRED-02", on: imported)
        #expect(results["k8s:payments/api/api-token"] == .fail)
        #expect(results["k8s:ci/deployer/deployer-token"] == .fail)
        #expect(results["k8s:payments/batch/batch-token"] == .pass)
    }

    /// The token lives in a Secret: `platform` storage, not a vault under the default policy.
    @Test func tokensKeptByThePlatform() throws {
        let results = try ImportFixtures.results(of: "CW-CRED-03", on: imported)
        #expect(results["k8s:payments/api/api-token"] == .fail)
        #expect(results["k8s:payments/batch/batch-token"] == .fail)
        var policy = Policy()
        policy.allowedSecretStorage = [.vault, .platform]
        let allowed = try ImportFixtures.results(of: "CW-CRED-03", on: imported, policy: policy)
        #expect(allowed["k8s:payments/api/api-token"] == .pass)
    }

    /// Last used 2026-10-30 and 2026-10-31: within the 90-day window.
    @Test func recentlyUsedTokens() throws {
        let results = try ImportFixtures.results(of: "CW-CRED-07", on: imported)
        #expect(results["k8s:payments/api/api-token"] == .pass)
        #expect(results["k8s:payments/batch/batch-token"] == .pass)
    }

    /// This export uses owner keys: an account without one fails.
    @Test func owners() throws {
        let results = try ImportFixtures.results(of: "CW-LIFE-01", on: imported)
        #expect(results["k8s:payments/api"] == .pass)
        #expect(results["k8s:ci/deployer"] == .pass)
        #expect(results["k8s:payments/batch"] == .fail)
        #expect(results["k8s:kube-system/default"] == .fail)
    }

    /// Were they agents (as an overlay may say), the accounts that can read Secrets, exec into
    /// pods or hold everything would fail; metrics URLs and a role with no known permissions would
    /// not.
    @Test func privilegedPermissionsWhenAgents() throws {
        var agents = imported
        for index in agents.identities.indices { agents.identities[index].kind = .agent }
        #expect(
            try ImportFixtures.results(of: "CW-AUTHZ-01", on: agents) == [
                "k8s:payments/api": .fail,  // core/secrets:get
                "k8s:payments/batch": .fail,  // edit: secrets, impersonate, pods/exec
                "k8s:ci/deployer": .fail,  // */*:*
                "k8s:kube-system/default": .fail,  // */*:* through the group
                "k8s:ci/legacy-bot": .pass,  // url:/metrics:get, url:/healthz:get
                "k8s:monitoring/ghost": .pass,
            ]
        )
    }

    @Test func kubernetesPrivilegedPatternsAreInTheDefaultPolicy() {
        let privileged = Policy.defaultPrivilegedPermissions
        for permission in [
            "rbac.authorization.k8s.io/clusterroles:escalate", "rbac.authorization.k8s.io/clusterrolebindings:bind",
            "core/users:impersonate", "core/secrets:get", "core/secrets:list", "core/secrets:watch",
            "core/serviceaccounts/token:create", "core/pods/exec:create", "core/nodes/proxy:get",
        ] {
            #expect(Pattern.anyMatches(privileged, permission), "\(permission)")
        }
        for permission in ["core/configmaps:get", "apps/deployments:patch", "url:/metrics:get", "core/pods:get"] {
            #expect(!Pattern.anyMatches(privileged, permission), "\(permission)")
        }
    }
}
