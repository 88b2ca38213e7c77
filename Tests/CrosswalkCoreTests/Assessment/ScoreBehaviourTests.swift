import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// The consequences docs/assessment.md §6 promises: a clean estate scores 100 %, one failure in
/// 10,000 moves a score a little, and withholding evidence never raises a score.
@Suite struct ScoreBehaviourTests {
    static func report(inventory: String, policy: String?) throws -> GapReport {
        try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.yaml", text: inventory)],
                policyFile: policy.map { InputFile(path: "policy.yaml", text: $0) },
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
    }

    static func wellRun() throws -> (inventory: String, policy: String) {
        (
            try Fixtures.text("Tests/Fixtures/well-run/inventory.yaml"),
            try Fixtures.text("Tests/Fixtures/well-run/policy.yaml")
        )
    }

    @Test func theWellRunOrganisationReadsStrongWithNoGaps() throws {
        let files = try Self.wellRun()
        let report = try Self.report(inventory: files.inventory, policy: files.policy)
        #expect(report.evaluation.outcomes.allSatisfy { $0.status == .pass || $0.status == .notApplicable })
        #expect(report.overall.posture == .strong)
        #expect(report.overall.score == 1)
        #expect(report.overall.count(.gapsFound) == 0)
        #expect(report.overall.count(.notAssessed) == 0)
        #expect(report.overall.count(.notCovered) > 0, "uncovered entries are still shown as such")
        for framework in report.frameworks {
            let score = try #require(framework.score)
            #expect(score.fraction == 1, "\(framework.catalog.id)")
            #expect(score.percentText == "100%")
            #expect(framework.count(.gapsFound) == 0)
            for entry in framework.entries where entry.isLeaf && entry.passShare != nil {
                #expect(entry.passShare == 1, "\(framework.catalog.id) \(entry.entry.id)")
            }
        }
    }

    /// `count` service accounts that pass every control that applies to them, the first
    /// `withoutOwner` of them without an owner (a CW-LIFE-01 failure each).
    static func estate(count: Int, withoutOwner: Int) -> String {
        var lines = ["version: 1", "identities:"]
        lines.reserveCapacity(count + 2)
        for index in 0..<count {
            let owner = index < withoutOwner ? "" : ", owner: team-\(index % 7)"
            lines.append(
                "  - {id: svc-\(index), kind: service-account\(owner), platform: aws, environment: production, interactive_use: false, created: 2026-06-01T00:00:00Z, last_used: 2026-10-30T00:00:00Z}"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let loggingPolicy = """
        version: 1
        logging:
          aws: {issuance: true, use: true, revocation: true, retention_days: 400}
        """

    @Test func oneFailingSubjectAmongTenThousandMovesEachScoreByLessThanOnePoint() throws {
        let clean = try Self.report(inventory: Self.estate(count: 10_000, withoutOwner: 0), policy: Self.loggingPolicy)
        let one = try Self.report(inventory: Self.estate(count: 10_000, withoutOwner: 1), policy: Self.loggingPolicy)
        #expect(clean.overall.score == 1, "a clean estate scores 100 %")
        var moved = false
        for (before, after) in zip(clean.frameworks, one.frameworks) {
            guard let cleanScore = before.score, let oneScore = after.score else {
                #expect(before.score == nil && after.score == nil)
                continue
            }
            #expect(cleanScore.fraction == 1)
            let drop = (cleanScore.fraction - oneScore.fraction) * 100
            #expect(drop >= 0 && drop < 1, "\(before.catalog.id) moved by \(drop) points")
            if drop > 0 { moved = true }
        }
        #expect(moved, "the failure shows in some score")
        #expect(one.overall.count(.gapsFound) > 0, "and as gaps found")
    }

    /// The evidence sections docs/assessment.md §6 lists.
    static let evidenceSections = [
        "logging", "sensitive_actions", "runtime_checks", "approval_workflows", "approved_tools",
        "trust_zone_crossings_allowed",
    ]

    /// The policy text without the top-level `section` (its key line and everything indented or
    /// commented under it, up to the next top-level key).
    static func withholding(_ section: String, from policy: String) -> String {
        var kept: [Substring] = []
        var skipping = false
        for line in policy.split(separator: "\n", omittingEmptySubsequences: false) {
            let topLevel = !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("#") && !line.hasPrefix("-")
            if topLevel { skipping = line.hasPrefix("\(section):") }
            if !skipping { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }

    static func policies() throws -> [(name: String, inventory: String, policy: String)] {
        let wellRun = try wellRun()
        return [
            (
                "examples/acme", try Fixtures.text("examples/acme/inventory.yaml"),
                try Fixtures.text("examples/acme/policy.yaml")
            ),
            ("well-run", wellRun.inventory, wellRun.policy),
        ]
    }

    @Test(arguments: evidenceSections)
    func withholdingAnEvidenceSectionNeverRaisesAScore(_ section: String) throws {
        for (name, inventory, policy) in try Self.policies() {
            let withheld = Self.withholding(section, from: policy)
            #expect(withheld != policy, "\(name) has a \(section) section to withhold")
            let full = try Self.report(inventory: inventory, policy: policy)
            let without = try Self.report(inventory: inventory, policy: withheld)
            for (before, after) in zip(full.frameworks, without.frameworks) {
                let beforeScore = before.score?.fraction ?? 0
                let afterScore = after.score?.fraction ?? 0
                #expect(
                    afterScore <= beforeScore,
                    "\(name) without \(section): \(before.catalog.id) rose from \(beforeScore) to \(afterScore)"
                )
            }
        }
    }
}
