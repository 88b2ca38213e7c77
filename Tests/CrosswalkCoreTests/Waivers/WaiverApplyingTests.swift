import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Waivers applied by the pipeline: valid ones turn matching failures into accepted results with
/// evidence; every other one changes nothing and is audited.
struct WaiverApplyingTests {
    /// Three identities without an owner (CW-LIFE-01 fails for each), one of them tagged, and an
    /// exposed key (CW-CRED-05 fails for the credential `etl/key-a`).
    static let inventory = """
        version: 1
        identities:
          - id: etl
            name: Billing ETL
            kind: service-account
            owner: billing-team
            credentials:
              - id: key-a
                type: access-key
                created: 2026-10-01T00:00:00Z
                storage: secret-manager
                exposures: [{detected: 2026-10-21T00:00:00Z, source: secret-scanning}]
          - {id: orphan-1, kind: service-account, tags: {team: payments}}
          - {id: orphan-2, kind: service-account}
          - {id: batch-9, kind: service-account}
        """

    /// The run over ``inventory`` with these waivers (YAML list items); none for an empty string.
    static func report(_ waivers: String, now: String = Fixtures.exampleNow) throws -> GapReport {
        var request = CrosswalkPipeline.Request(
            inventoryFiles: [InputFile(path: "inventory.yaml", text: inventory)],
            policyFile: InputFile(path: "policy.yaml", text: "version: 1"),
            now: try #require(Timestamp(iso8601: now))
        )
        if !waivers.isEmpty {
            request.waiversFile = InputFile(path: "waivers.yaml", text: "version: 1\nwaivers:\n" + waivers)
        }
        return try CrosswalkPipeline().run(request)
    }

    static func waiver(
        _ id: String,
        _ control: String,
        _ subject: String,
        justification: String = "Accepted until the owner is hired.",
        created: String = "2026-10-01",
        expires: String = "2026-12-31"
    ) -> String {
        """
          - id: \(id)
            control: \(control)
            subject: \(subject)
            justification: "\(justification)"
            approver: Jane Doe
            owner: Security
            created: \(created)
            expires: \(expires)

        """
    }

    static func statuses(_ report: GapReport, _ control: String) -> [String: ResultStatus] {
        let outcome = report.evaluation.outcomes.first { $0.definition.id == control }
        return Dictionary(uniqueKeysWithValues: (outcome?.findings ?? []).map { ($0.subject.id, $0.status) })
    }

    static func audit(_ report: GapReport) -> [String: WaiverAuditState] {
        Dictionary(uniqueKeysWithValues: (report.waiverAudit?.entries ?? []).map { ($0.waiver.id, $0.state) })
    }

    @Test func anExactIDAcceptsThatSubjectsFailureOnly() throws {
        let report = try Self.report(Self.waiver("W-1", "CW-LIFE-01", "{id: orphan-1}"))
        let statuses = Self.statuses(report, "CW-LIFE-01")
        #expect(statuses["orphan-1"] == .accepted)
        #expect(statuses["orphan-2"] == .fail && statuses["batch-9"] == .fail)
        let outcome = try #require(report.evaluation.outcomes.first { $0.definition.id == "CW-LIFE-01" })
        #expect(outcome.count(.accepted) == 1 && outcome.count(.fail) == 2)
        let accepted = try #require(outcome.findings.first { $0.status == .accepted })
        #expect(
            accepted.evidence.last
                == Evidence(
                    field: "waiver",
                    observed:
                        "W-1 approved by Jane Doe (Security) until 2026-12-31: Accepted until the owner is hired.",
                    expected: "a valid waiver accepts the failure"
                )
        )
        #expect(report.waiverAudit?.entries.first?.matchCount == 1)
        #expect(Self.audit(report) == ["W-1": .matched])
    }

    @Test func aGlobAcceptsEveryMatchingSubject() throws {
        let report = try Self.report(Self.waiver("W-1", "CW-LIFE-01", "{match: \"orphan-*\"}"))
        let statuses = Self.statuses(report, "CW-LIFE-01")
        #expect(statuses["orphan-1"] == .accepted && statuses["orphan-2"] == .accepted)
        #expect(statuses["batch-9"] == .fail)
        #expect(report.waiverAudit?.entries.first?.matchCount == 2)
    }

    @Test func aTagSelectorUsesTheIdentitysTags() throws {
        let report = try Self.report(Self.waiver("W-1", "CW-LIFE-01", "{tag: {team: payments}}"))
        let statuses = Self.statuses(report, "CW-LIFE-01")
        #expect(statuses["orphan-1"] == .accepted && statuses["orphan-2"] == .fail)
    }

    @Test func anIdentityIDCoversItsCredentialsAndSoDoesTheCredentialPath() throws {
        for subject in ["{id: etl}", "{id: etl/key-a}", "{match: \"et*\"}"] {
            let report = try Self.report(Self.waiver("W-1", "CW-CRED-05", subject))
            #expect(Self.statuses(report, "CW-CRED-05")["etl/key-a"] == .accepted, "\(subject)")
        }
    }

    @Test func aWaiverOfAnotherControlChangesNothingAndIsUnused() throws {
        let report = try Self.report(Self.waiver("W-1", "CW-CRED-05", "{id: orphan-1}"))
        #expect(Self.statuses(report, "CW-LIFE-01")["orphan-1"] == .fail)
        #expect(Self.audit(report) == ["W-1": .unused])
    }

    @Test func invalidExpiredAndNotYetValidWaiversFailOpen() throws {
        let report = try Self.report(
            Self.waiver("W-bad-control", "CW-NOPE-99", "{id: orphan-1}")
                + Self.waiver("W-no-reason", "CW-LIFE-01", "{id: orphan-1}", justification: " ")
                + Self.waiver(
                    "W-backwards",
                    "CW-LIFE-01",
                    "{id: orphan-1}",
                    created: "2026-12-01",
                    expires: "2026-11-15"
                )
                + Self.waiver("W-bad-date", "CW-LIFE-01", "{id: orphan-1}", expires: "31/12/2026")
                + Self.waiver("W-expired", "CW-LIFE-01", "{id: orphan-1}", expires: "2026-10-31")
                + Self.waiver("W-future", "CW-LIFE-01", "{id: orphan-1}", created: "2026-11-02")
        )
        #expect(Self.statuses(report, "CW-LIFE-01")["orphan-1"] == .fail)
        #expect(
            Self.audit(report) == [
                "W-bad-control": .invalid, "W-no-reason": .invalid, "W-backwards": .invalid, "W-bad-date": .invalid,
                "W-expired": .expired, "W-future": .notYetValid,
            ]
        )
        let reasons = (report.waiverAudit?.entries ?? []).map { $0.reason ?? "" }
        #expect(
            reasons == [
                "unknown control CW-NOPE-99", "no justification",
                "expires (2026-11-15) is not after created (2026-12-01)",
                "expires is not a date in the form YYYY-MM-DD", "expired on 2026-10-31", "valid from 2026-11-02",
            ]
        )
        // Each is a warning naming the file and the waiver's line.
        let warnings = report.warnings.filter { $0.file == "waivers.yaml" }.map(\.description)
        #expect(warnings.count == 6)
        #expect(
            warnings.first
                == "waivers.yaml:3:5: warning: waivers[0]: waiver W-bad-control (CW-NOPE-99) is invalid: unknown control CW-NOPE-99; it accepts nothing"
        )
    }

    /// A waiver expires on its day: valid through 23:59:59 the day before, not at 00:00 on it.
    @Test(arguments: [
        ("2026-12-30T23:59:59Z", ResultStatus.accepted, WaiverAuditState.expiringSoon),
        ("2026-12-31T00:00:00Z", ResultStatus.fail, WaiverAuditState.expired),
    ])
    func expiresWhenItsDayBegins(_ now: String, _ status: ResultStatus, _ state: WaiverAuditState) throws {
        let report = try Self.report(Self.waiver("W-1", "CW-LIFE-01", "{id: orphan-1}"), now: now)
        #expect(Self.statuses(report, "CW-LIFE-01")["orphan-1"] == status)
        #expect(Self.audit(report)["W-1"] == state)
    }

    /// And it is valid from the first instant of its created day.
    @Test(arguments: [
        ("2026-09-30T23:59:59Z", ResultStatus.fail, WaiverAuditState.notYetValid),
        ("2026-10-01T00:00:00Z", ResultStatus.accepted, WaiverAuditState.matched),
    ])
    func becomesValidWhenItsCreatedDayBegins(_ now: String, _ status: ResultStatus, _ state: WaiverAuditState) throws {
        let report = try Self.report(Self.waiver("W-1", "CW-LIFE-01", "{id: orphan-1}"), now: now)
        #expect(Self.statuses(report, "CW-LIFE-01")["orphan-1"] == status)
        #expect(Self.audit(report)["W-1"] == state)
    }

    @Test func theFirstWaiverInFileOrderTakesTheResult() throws {
        let report = try Self.report(
            Self.waiver("W-glob", "CW-LIFE-01", "{match: \"orphan-*\"}")
                + Self.waiver("W-exact", "CW-LIFE-01", "{id: orphan-1}")
        )
        #expect(report.waiverAudit?.entries.map(\.matchCount) == [2, 0])
    }

    /// Accepted results count like failures in every score (docs/assessment.md §1).
    @Test func acceptedResultsScoreLikeFailures() throws {
        let plain = try Self.report("")
        let waived = try Self.report(Self.waiver("W-1", "CW-LIFE-01", "{match: \"*\"}"))
        #expect(plain.frameworks.map { $0.score?.fraction } == waived.frameworks.map { $0.score?.fraction })
        let outcome = try #require(waived.evaluation.outcomes.first { $0.definition.id == "CW-LIFE-01" })
        #expect(outcome.status == .fail && outcome.count(.fail) == 0 && outcome.count(.accepted) == 3)
    }

    @Test func aLongJustificationIsCutInTheEvidence() throws {
        let long = String(repeating: "x", count: 500)
        let report = try Self.report(Self.waiver("W-1", "CW-LIFE-01", "{id: orphan-1}", justification: long))
        let outcome = try #require(report.evaluation.outcomes.first { $0.definition.id == "CW-LIFE-01" })
        let line = try #require(outcome.findings.first { $0.status == .accepted }?.evidence.last?.observed)
        #expect(line.hasSuffix(String(repeating: "x", count: 199) + "…"))
        #expect(line.count < 300)
    }
}
