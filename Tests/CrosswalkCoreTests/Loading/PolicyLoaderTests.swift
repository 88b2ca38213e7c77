import CrosswalkCore
import CrosswalkTestSupport
import Testing

@Suite struct PolicyLoaderTests {
    @Test func appliesDocumentedDefaultsToAnEmptySnapshot() throws {
        let (policy, warnings) = try PolicyLoader().load(InputFile(path: "policy.yaml", text: "version: 1\n"))
        #expect(warnings.isEmpty)
        #expect(policy.thresholds == Thresholds())
        #expect(policy.thresholds.rotationIntervalDays == 90)
        #expect(policy.thresholds.maxTokenTTLMinutes == 60)
        #expect(policy.allowedSecretStorage == [.vault, .secretManager])
        #expect(policy.approvedTools == nil)
    }

    @Test func readsEverySetting() throws {
        let yaml = """
            version: 1
            thresholds: {rotation_interval_days: 30, max_delegation_depth: 2, min_log_retention_days: 400}
            trust_zone_crossings_allowed: [{from: internal, to: partner}]
            privileged_permissions: ["iam:*"]
            administrative_roles: ["*Owner*"]
            sensitive_actions:
              - {action: "payments:Transfer", requires_approval: true}
            runtime_checks: ["payments:*"]
            approval_workflows: ["payments:Transfer"]
            logging:
              aws: {issuance: true, use: true, revocation: false, retention_days: 90}
            allowed_secret_storage: [vault]
            approved_tools: ["jira.*"]
            """
        let (policy, _) = try PolicyLoader().load(InputFile(path: "policy.yaml", text: yaml))
        #expect(policy.thresholds.rotationIntervalDays == 30)
        #expect(policy.thresholds.maxDelegationDepth == 2)
        #expect(policy.thresholds.inactivityWindowDays == 90, "unset thresholds keep their default")
        #expect(policy.trustZoneCrossingsAllowed == [TrustZoneCrossing(from: "internal", to: "partner")])
        #expect(
            policy.sensitiveActions == [
                SensitiveAction(action: "payments:Transfer", requiresIntentCheck: true, requiresApproval: true)
            ]
        )
        #expect(
            policy.logging["aws"] == PlatformLogging(issuance: true, use: true, revocation: false, retentionDays: 90)
        )
        #expect(policy.approvedTools == ["jira.*"])
    }

    @Test(arguments: [
        (
            "version: 1\nthresholds: {rotation_days: 30}\n",
            "policy.yaml:2:14: error: thresholds.rotation_days: unknown threshold 'rotation_days'; expected one of rotation_interval_days"
        ),
        (
            "version: 1\nthresholds: {rotation_interval_days: -1}\n",
            "policy.yaml:2:38: error: thresholds.rotation_interval_days: expected a whole number of zero or more"
        ),
        (
            "version: 1\nsensitive_actions: [{action: \"payments:*\"}]\n",
            "policy.yaml:2:30: error: sensitive_actions[0].action: a sensitive action names one action; wildcards belong in runtime_checks and approval_workflows"
        ),
        (
            "version: 3\n",
            "policy.yaml:1:10: error: version: unsupported policy version 3; this build of Crosswalk reads version 1"
        ),
        ("version: 1\nrbac: {}\n", "policy.yaml:2:1: error: rbac: unknown top-level key 'rbac'"),
        (
            "version: 1\nsensitive_actions: [{action: pay, requires_aproval: true}]\n",
            "policy.yaml:2:35: error: sensitive_actions[0].requires_aproval: unknown key 'requires_aproval'; expected action, requires_intent_check, requires_approval, description"
        ),
    ])
    func reportsBadPolicyWithFileLineAndKeyPath(_ yaml: String, _ expected: String) {
        let lines = Fixtures.errorLines { _ = try PolicyLoader().load(InputFile(path: "policy.yaml", text: yaml)) }
        #expect(lines.first?.hasPrefix(expected) == true, "got \(lines)")
    }

    @Test func acceptsEveryThresholdAtItsDocumentedBound() throws {
        let settings = Thresholds.keys.map { "\($0.key): \($0.maximum)" }.joined(separator: ", ")
        let (policy, _) = try PolicyLoader().load(
            InputFile(path: "policy.yaml", text: "version: 1\nthresholds: {\(settings)}\n")
        )
        for setting in Thresholds.keys {
            #expect(policy.thresholds[keyPath: setting.path] == setting.maximum, "\(setting.key)")
        }
        #expect(policy.thresholds.maxCredentialLifetimeDays == 36_500)
        #expect(policy.thresholds.maxTokenTTLMinutes == 52_560_000)
        #expect(policy.thresholds.maxDelegationDepth == 500)
    }

    @Test(arguments: [
        (
            "max_token_ttl_minutes: 153722867280912932",
            "policy.yaml:2:37: error: thresholds.max_token_ttl_minutes: expected a whole number of minutes from 0 to 52560000"
        ),
        (
            "max_credential_lifetime_days: 36501",
            "policy.yaml:2:44: error: thresholds.max_credential_lifetime_days: expected a whole number of days from 0 to 36500"
        ),
        (
            "max_delegation_depth: 9223372036854775807",
            "policy.yaml:2:36: error: thresholds.max_delegation_depth: expected a whole number of hops from 0 to 500"
        ),
        (
            "max_agent_owners_per_role: 10001",
            "policy.yaml:2:41: error: thresholds.max_agent_owners_per_role: expected a whole number of owners from 0 to 10000"
        ),
    ])
    func rejectsAThresholdAboveItsBoundWithItsPosition(_ setting: String, _ expected: String) {
        let lines = Fixtures.errorLines {
            _ = try PolicyLoader().load(InputFile(path: "policy.yaml", text: "version: 1\nthresholds: {\(setting)}\n"))
        }
        #expect(lines == [expected])
    }
}
