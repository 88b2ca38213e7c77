import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Section 7 of docs/assessment.md: top gaps, critical findings and key figures.
@Suite struct PrioritiesTests {
    static func report(_ inventory: String, policy: String = "version: 1") throws -> GapReport {
        try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.yaml", text: inventory)],
                policyFile: InputFile(path: "policy.yaml", text: policy),
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
    }

    static func exampleReport() throws -> GapReport {
        try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [try Fixtures.file("examples/acme/inventory.yaml")],
                policyFile: try Fixtures.file("examples/acme/policy.yaml"),
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
    }

    /// Ten identities without an owner (CW-LIFE-01, medium) and one exposed key (CW-CRED-05,
    /// critical) whose owner is recorded; a sub-agent that escalates (CW-AGENT-01, critical) with no
    /// owner.
    static let estate = """
        version: 1
        roles:
          - {id: reader, permissions: ["s3:GetObject"]}
          - {id: payer, permissions: ["payments:CreateRefund"]}
        identities:
          - id: etl
            name: Billing ETL
            kind: service-account
            owner: billing-team
            credentials:
              - id: key-b
                type: access-key
                created: 2026-10-01T00:00:00Z
                storage: secret-manager
                exposures: [{detected: 2026-10-20T00:00:00Z, source: secret-scanning}]
              - id: key-a
                type: access-key
                created: 2026-10-01T00:00:00Z
                storage: secret-manager
                exposures: [{detected: 2026-10-21T00:00:00Z, source: secret-scanning}]
          - {id: planner, kind: agent, owner: ai-team, role_bindings: [reader]}
          - {id: drafter, name: Refund drafter, kind: agent, spawned_by: planner, role_bindings: [payer]}
          - {id: orphan-1, kind: service-account}
          - {id: orphan-2, kind: service-account}
          - {id: orphan-3, kind: service-account}
          - {id: orphan-4, kind: service-account}
          - {id: orphan-5, kind: service-account}
          - {id: orphan-6, kind: service-account}
          - {id: orphan-7, kind: service-account}
          - {id: orphan-8, kind: service-account}
          - {id: orphan-9, kind: service-account}
        """

    // MARK: - Top gaps

    @Test func criticalControlsRankFirstEvenWhenAMediumOneAffectsMoreIdentities() throws {
        let report = try Self.report(Self.estate)
        let gaps = report.topGaps.map(\.control.id)
        let owners = try #require(report.topGaps.first { $0.control.id == "CW-LIFE-01" })
        let exposed = try #require(report.topGaps.first { $0.control.id == "CW-CRED-05" })
        #expect(owners.affectedIdentities == 10 && exposed.affectedIdentities == 1)
        #expect(Array(gaps.prefix(2)) == ["CW-CRED-05", "CW-AGENT-01"])
        #expect(report.topGaps.map(\.rank) == Array(1...report.topGaps.count))
    }

    @Test func everyFailingControlIsRankedAndNothingElse() throws {
        let report = try Self.exampleReport()
        let failing = report.evaluation.outcomes.filter { $0.status == .fail }.map(\.definition.id)
        #expect(Set(report.topGaps.map(\.control.id)) == Set(failing))
        #expect(report.topGaps.count == failing.count)
    }

    @Test func exampleRanksTheExposedKeyAndTheEscalationAboveEveryHighAndMediumGap() throws {
        let ids = try Self.exampleReport().topGaps.prefix(5).map(\.control.id)
        #expect(ids == ["CW-CRED-05", "CW-AGENT-01", "CW-AUTHZ-02", "CW-AUTHZ-01", "CW-CRED-03"])
    }

    static func gap(
        _ id: String,
        _ severity: Severity,
        _ exposureClass: ExposureClass = .hygiene,
        identities: Int,
        subjects: Int
    ) -> Gap {
        Gap(
            control: ControlDefinition(
                id: id,
                title: id,
                description: "",
                rationale: "",
                severity: severity,
                exposureClass: exposureClass,
                subjectKind: .identity,
                appliesTo: "",
                evidenceFields: [],
                policyParameters: [],
                remediation: "",
                examples: []
            ),
            failingSubjects: subjects,
            affectedIdentities: identities,
            rank: 0,
            entries: [],
            entriesWithGaps: []
        )
    }

    @Test func rankingKeysApplyInTheRuleBooksOrder() {
        let gaps = [
            Self.gap("CW-Z-09", .medium, identities: 500, subjects: 500),
            Self.gap("CW-H-02", .high, .hygiene, identities: 9, subjects: 9),
            Self.gap("CW-H-01", .high, .privilege, identities: 1, subjects: 1),
            Self.gap("CW-H-03", .high, .hygiene, identities: 9, subjects: 12),
            Self.gap("CW-H-05", .high, .hygiene, identities: 2, subjects: 2),
            Self.gap("CW-H-04", .high, .hygiene, identities: 2, subjects: 2),
            Self.gap("CW-C-01", .critical, .hygiene, identities: 1, subjects: 1),
            Self.gap("CW-H-00", .high, .exposure, identities: 1, subjects: 1),
        ]
        let ranked = gaps.sorted(by: GapRanking.precedes).map(\.control.id)
        #expect(ranked == ["CW-C-01", "CW-H-00", "CW-H-01", "CW-H-03", "CW-H-02", "CW-H-04", "CW-H-05", "CW-Z-09"])
    }

    @Test func exposureClassesFollowTheRuleBook() {
        let classes = Dictionary(
            uniqueKeysWithValues: ControlRegistry.all.map { ($0.definition.id, $0.definition.exposureClass) }
        )
        #expect(classes.filter { $0.value == .exposure }.keys.sorted() == ["CW-CRED-05"])
        #expect(
            classes.filter { $0.value == .privilege }.keys.sorted() == ["CW-AGENT-01", "CW-AUTHZ-01", "CW-AUTHZ-02"]
        )
        #expect(classes.count == ControlRegistry.all.count)
    }

    @Test func gapEntriesAreMappedEntriesWhoseStatusReportsTheFailure() throws {
        let report = try Self.exampleReport()
        for gap in report.topGaps {
            let mapped = Set(gap.entries.map { "\($0.catalogID) \($0.entryID)" })
            for entry in gap.entriesWithGaps {
                #expect(mapped.contains("\(entry.catalogID) \(entry.entryID)"), "\(gap.control.id) maps to it")
            }
        }
        let exposed = try #require(report.topGaps.first)
        #expect(exposed.entriesWithGaps.contains { $0.catalogID == "owasp-nhi-top10-2025" && $0.entryID == "NHI2" })
    }

    // MARK: - Critical findings

    @Test func criticalFindingsNameEveryFailingCriticalResultExposedCredentialsFirst() throws {
        let findings = try Self.report(Self.estate).criticalFindings
        #expect(
            findings.map { "\($0.control.id) \($0.subject.id) \($0.ownerText)" } == [
                "CW-CRED-05 etl/key-a billing-team",
                "CW-CRED-05 etl/key-b billing-team",
                "CW-AGENT-01 drafter no owner",
            ]
        )
        #expect(findings.map(\.subject.name) == ["key-a (Billing ETL)", "key-b (Billing ETL)", "Refund drafter"])
        #expect(findings.allSatisfy { $0.control.severity == .critical })
    }

    @Test func criticalFindingsOfTheExampleAreTheExposedKeyThenTheEscalation() throws {
        let findings = try Self.exampleReport().criticalFindings
        #expect(
            findings.map { "\($0.subject.id) · \($0.ownerText)" } == [
                "aws-sa-billing-etl/access-key-2024-07 · billing-data@acme-financial.example",
                "agent-support-refund-drafter · support-engineering",
            ]
        )
    }

    @Test func aCleanEstateHasNoCriticalFindings() throws {
        let report = try Self.report(
            """
            version: 1
            identities:
              - {id: svc, kind: service-account, owner: team}
            """
        )
        #expect(report.criticalFindings.isEmpty)
        #expect(report.keyFigures.exposedCredentials.isEmpty)
    }

    // MARK: - Key figures

    /// Each key figure equals its control's figures in the evaluation.
    static func expectKeyFiguresMatchControls(_ report: GapReport) throws {
        let figures = report.keyFigures
        func passRate(_ id: String) throws -> Ratio {
            let outcome = try #require(report.evaluation.outcome(for: id))
            return Ratio(outcome.count(.pass), of: outcome.applicableCount)
        }
        #expect(figures.identitiesWithOwner == (try passRate("CW-LIFE-01")))
        #expect(figures.agentsOnWorkloadIdentity == (try passRate("CW-AUTH-01")))
        #expect(figures.staticSecretsWithinRotation == (try passRate("CW-CRED-02")))
        let exposure = try #require(report.evaluation.outcome(for: "CW-CRED-05"))
        #expect(figures.activeExposedCredentials == exposure.count(.fail))
        #expect(
            figures.exposedCredentials.map(\.subject.id)
                == exposure.findings.filter { $0.status == .fail }.map(\.subject.id).sorted()
        )
    }

    @Test func keyFiguresOfTheExampleEqualTheirControlsRatios() throws {
        let report = try Self.exampleReport()
        try Self.expectKeyFiguresMatchControls(report)
        #expect(report.keyFigures.agentsOnWorkloadIdentity == Ratio(18, of: 21))
        #expect(report.keyFigures.exposedCredentials.map(\.subject.id) == ["aws-sa-billing-etl/access-key-2024-07"])
    }

    /// The architecture review's reproduction (D2): an inactive agent, an agent holding static
    /// secrets, and a key issued after the evaluation time.
    @Test func keyFiguresOfASecondInventoryEqualTheirControlsRatios() throws {
        let report = try Self.report(
            """
            version: 1
            identities:
              - id: agent-a
                kind: agent
                authentication: workload-identity
                credentials:
                  - {id: key-now, type: api-key, created: 2026-10-01}
                  - {id: key-future, type: api-key, created: 2026-12-01}
              - {id: agent-b, kind: agent, authentication: workload-identity, status: disabled}
            """
        )
        try Self.expectKeyFiguresMatchControls(report)
        #expect(report.keyFigures.agentsOnWorkloadIdentity == Ratio(0, of: 1))
        #expect(report.keyFigures.staticSecretsWithinRotation == Ratio(1, of: 2))
        try Self.expectKeyFiguresMatchControls(try Self.report(Self.estate))
    }

    @Test func aKeyFigureWhoseControlAppliesToNothingHasNoDenominator() throws {
        let report = try Self.report(
            """
            version: 1
            identities:
              - {id: svc, kind: service-account, owner: team}
            """
        )
        #expect(report.keyFigures.agentsOnWorkloadIdentity == Ratio(0, of: 0))
        #expect(report.keyFigures.identitiesWithOwner == Ratio(1, of: 1))
    }
}
