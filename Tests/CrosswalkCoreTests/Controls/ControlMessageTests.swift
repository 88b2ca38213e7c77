import CrosswalkCore
import Testing

/// The exact sentences and evidence a reader sees for the cases the assessment review found
/// ambiguous or wrong (reproductions from its sections e.5 and f.3).
@Suite struct ControlMessageTests {
    static let now = Timestamp(iso8601: "2026-11-01T00:00:00Z") ?? Timestamp(secondsSinceEpoch: 0)

    @Test func lifetimeJustOverTheLimitFailsWithItsExactLength() throws {
        let findings = try Self.findings(
            "CW-CRED-04",
            inventory: """
                version: 1
                identities:
                  - id: svc
                    kind: service-account
                    credentials:
                      - {id: tok, type: token, ttl_seconds: 31536001}
                      - {id: cert, type: certificate, created: 2026-01-01T00:00:00Z, expires: 2027-01-01T23:59:59Z}
                """
        )
        let token = try #require(findings["svc/tok"])
        #expect(token.status == .fail)
        #expect(token.message.text == "Token lives 365 days and 1 second; policy allows 365 days.")
        #expect(
            token.evidence == [
                Evidence(
                    field: "credentials[].ttl_seconds",
                    observed: "31536001 (365 days and 1 second)",
                    expected: "≤ 365 days from issue to expiry (thresholds.max_credential_lifetime_days)"
                )
            ]
        )
        #expect(
            findings["svc/cert"]?.message.text
                == "Credential lifetime is 365 days, 23 hours, 59 minutes and 59 seconds; policy allows 365 days."
        )
        #expect(
            findings["svc/cert"]?.evidence.first?.observed
                == "2027-01-01T23:59:59Z (365 days, 23 hours, 59 minutes and 59 seconds after created 2026-01-01)"
        )
    }

    @Test func credentialOfAnIdentityWithNoSharedAccountFlagIsNotAssessed() throws {
        let findings = try Self.findings(
            "CW-AUTH-02",
            inventory: """
                version: 1
                identities:
                  - id: svc
                    kind: service-account
                    credentials:
                      - {id: key, type: api-key}
                """
        )
        let finding = try #require(findings["svc/key"])
        #expect(finding.status == .notAssessed)
        #expect(finding.message.text == "Whether the holding identity is a shared account is not recorded.")
        #expect(
            finding.evidence
                == [
                    Evidence(field: "shared_account", observed: "absent", expected: "false (one workload per identity)")
                ]
        )
    }

    @Test(arguments: [
        (
            "CW-LOG-01",
            "2 identities have no platform recorded, so whether their issuance, use and revocation events are logged cannot be judged."
        ),
        (
            "CW-LOG-02",
            "2 identities have no platform recorded, so how long their identity event logs are kept cannot be judged."
        ),
    ])
    func identitiesWithNoPlatformAreOneNotAssessedSubject(_ controlID: String, _ message: String) throws {
        let findings = try Self.findings(
            controlID,
            inventory: """
                version: 1
                identities:
                  - {id: svc-a, kind: service-account, owner: team-a, interactive_use: false}
                  - {id: svc-b, kind: service-account, owner: team-a}
                """
        )
        let finding = try #require(findings[PlatformSubjects.noPlatformID])
        #expect(finding.status == .notAssessed)
        #expect(finding.subject.kind == .platform)
        #expect(finding.subject.name == "identities with no platform")
        #expect(finding.message.text == message)
        #expect(finding.evidence.first?.observed == "absent on svc-a, svc-b")
    }

    @Test func oneIdentityWithNoPlatformReadsInTheSingular() throws {
        let findings = try Self.findings(
            "CW-LOG-02",
            inventory: "version: 1\nidentities:\n  - {id: svc-a, kind: service-account}"
        )
        #expect(
            findings[PlatformSubjects.noPlatformID]?.message.text
                == "1 identity has no platform recorded, so how long its identity event logs are kept cannot be judged."
        )
    }

    @Test func missingPlatformEvidenceNamesTenIdentitiesAndCountsTheRest() throws {
        let identities = (1...12).map { "  - {id: svc-\($0), kind: service-account}" }.joined(separator: "\n")
        let findings = try Self.findings("CW-LOG-01", inventory: "version: 1\nidentities:\n\(identities)")
        let finding = try #require(findings[PlatformSubjects.noPlatformID])
        #expect(
            finding.evidence.first?.observed
                == "absent on svc-1, svc-2, svc-3, svc-4, svc-5, svc-6, svc-7, svc-8, svc-9, svc-10 and 2 more"
        )
    }

    @Test func platformSubjectsNameTheIdentitiesBehindEachSubject() throws {
        let (inventory, _) = try InventoryLoader().load([
            InputFile(
                path: "inventory.yaml",
                text: """
                    version: 1
                    identities:
                      - {id: a, kind: agent, platform: aws}
                      - {id: b, kind: bot}
                      - {id: c, kind: agent, platform: aws, status: deleted}
                    """
            )
        ])
        #expect(PlatformSubjects.holders(in: inventory).map(\.subject.id) == ["aws", "(no platform recorded)"])
        #expect(PlatformSubjects.identityIDs(behind: "aws", in: inventory) == ["a", "c"])
        #expect(PlatformSubjects.identityIDs(behind: PlatformSubjects.noPlatformID, in: inventory) == ["b"])
    }

    @Test func dormantIdentityWithAFutureActivityDateIsNotAssessed() throws {
        let findings = try Self.findings(
            "CW-LIFE-02",
            inventory: """
                version: 1
                identities:
                  - id: skewed
                    kind: service-account
                    last_used: 2026-01-01
                    credentials:
                      - {id: key, type: api-key, last_used: 2026-11-02}
                """
        )
        let finding = try #require(findings["skewed"])
        #expect(finding.status == .notAssessed)
        #expect(
            finding.message.text
                == "The identity looks unused for 304 days, but a later activity date lies after the evaluation time."
        )
        #expect(finding.evidence.map(\.observed) == ["2026-01-01 (304 days ago)", "2026-11-02 (in the future)"])
    }

    @Test func taskCredentialThatIsOnlyDisabledFails() throws {
        let findings = try Self.findings(
            "CW-CRED-06",
            inventory: """
                version: 1
                identities:
                  - id: agent
                    kind: agent
                    credentials:
                      - {id: t1, type: token, status: disabled, task: {id: T-1, ended: 2026-10-30}}
                """
        )
        #expect(
            findings["agent/t1"]?.message.text
                == "Credential is only disabled, not revoked, although task T-1 ended 2026-10-30 (2 days ago)."
        )
    }

    /// Every non-pass result of one control, by subject id.
    static func findings(
        _ controlID: String,
        inventory: String,
        policy: String = "version: 1"
    ) throws -> [String: Finding] {
        let control = try #require(ControlRegistry.control(withID: controlID))
        let (loadedInventory, _) = try InventoryLoader().load([InputFile(path: "inventory.yaml", text: inventory)])
        let (loadedPolicy, _) = try PolicyLoader().load(InputFile(path: "policy.yaml", text: policy))
        var recorder = ResultRecorder(keepPassing: false)
        control.evaluate(EvaluationContext(inventory: loadedInventory, policy: loadedPolicy, now: now), into: &recorder)
        return Dictionary(recorder.findings.map { ($0.subject.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
