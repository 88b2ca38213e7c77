import CrosswalkTestSupport
import Foundation
import Testing

@testable import CrosswalkCore

/// Every result row carries its owner in every format, hostile owners stay text, findings are
/// grouped by owner once, and the JSON report spells every key in snake case.
@Suite struct OwnerAndKeyStyleTests {
    static func registry() throws -> RendererRegistry { RendererRegistry(templates: try ReportTemplates()) }

    static func text(_ report: GapReport, _ document: ReportDocument) throws -> String {
        String(decoding: try registry().render(report, as: document), as: UTF8.self)
    }

    static func json(_ report: GapReport) throws -> [String: Any] {
        let bytes = try registry().render(report, as: .jsonReport)
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// Owners the hostile inventory records (identities 1, 3 and 5 are owned by names 0, 2, 4).
    static let hostileOwners = [0, 2, 4].map { SARIFExportTests.hostileNames[$0] }

    /// Each result names its finding id, and its owner through its row in the identity table.
    @Test func everyJSONResultCarriesItsFindingIDAndItsOwnerThroughTheIdentityTable() throws {
        let report = try SARIFExportTests.hostileReport()
        let document = try Self.json(report)
        let controls = try #require(document["controls"] as? [[String: Any]])
        let table = try #require(document["identities"] as? [[String: Any]])
        var owners = Set<String>()
        var results = 0
        for control in controls {
            let id = try #require(control["id"] as? String)
            let outcome = try #require(report.evaluation.outcome(for: id))
            var expected: [String] = []
            try outcome.forEachFinding { expected.append(FindingID.of($0, control: id)) }
            let listed = try #require(control["results"] as? [[String: Any]])
            #expect(listed.compactMap { $0["id"] as? String } == expected)
            for result in listed {
                let row = (result["identity"] as? Int).map { table[$0] }
                owners.insert(row?["owner"] as? String ?? OwnerName.none)
                results += 1
            }
        }
        #expect(results > 0)
        #expect(owners.contains("no owner"))
        for owner in Self.hostileOwners { #expect(owners.contains(owner), "\(owner.debugDescription)") }
    }

    /// The identity table gives each identity's id, name, owner and platform as recorded (its
    /// text read in place), and leaves out an owner that is blank, as every other report does.
    @Test func theIdentityTableGivesRecordedOwnersAndLeavesOutBlankOnes() throws {
        let owners: [String?] = [
            "team-a", "  ", "\t", "", " team-b", "Équipe données", "owner-with-a-name-longer-than-fifteen-bytes", nil,
        ]
        var inventory = "version: 1\nidentities:\n"
        for (index, owner) in owners.enumerated() {
            let ownerField = owner.map { ", owner: \"\($0.replacingOccurrences(of: "\t", with: "\\t"))\"" } ?? ""
            let platform = index % 2 == 0 ? ", platform: aws-account-with-a-long-platform-name-\(index)" : ""
            inventory += """
                  - {id: nhi-\(index)-with-an-id-longer-than-fifteen, name: "Name \(index) ✓", kind: service-account\(ownerField)\(platform), authentication: api-key, interactive_use: true}

                """
        }
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.yaml", text: inventory)],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        let table = try #require(try Self.json(report)["identities"] as? [[String: Any]])
        #expect(table.count == owners.count)
        for row in table {
            let id = try #require(row["id"] as? String)
            let identity = try #require(report.evaluation.identities.identity(withID: id))
            #expect(row["name"] as? String == identity.name)
            #expect(row["kind"] as? String == identity.kind.rawValue)
            #expect(row["owner"] as? String == OwnerName.recorded(identity.owner), "\(id)")
            #expect(row["platform"] as? String == identity.platform, "\(id)")
        }
        let recorded = table.compactMap { $0["owner"] as? String }
        let kept = ["team-a", " team-b", "Équipe données", "owner-with-a-name-longer-than-fifteen-bytes"]
        #expect(Set(recorded) == Set(kept))
    }

    /// However many owners an inventory has, the reports list the first 50 and count the rest,
    /// and listed and counted findings add up to every failing result.
    @Test func theOwnerSectionListsFiftyOwnersAndCountsTheRest() throws {
        var inventory = "version: 1\nidentities:\n"
        for index in 0..<63 {
            inventory += """
                  - {id: agent-\(index), kind: agent, owner: team-\(index), authentication: api-key}

                """
        }
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.yaml", text: inventory)],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        let owned = report.findingsByOwner.filter { $0.owner != nil }
        #expect(owned.count == OwnerFindings.groupLimit)
        #expect(report.ownersNotListed == 13)
        var failing = 0
        for outcome in report.evaluation.outcomes {
            try outcome.forEachFinding { if $0.status == .fail || $0.status == .error { failing += 1 } }
        }
        #expect(report.findingsByOwner.reduce(0) { $0 + $1.total } + report.ownerFindingsNotListed == failing)
        let line = "…and 13 more owners with \(report.ownerFindingsNotListed) findings"
        #expect(try Self.text(report, .markdownReport).contains(line + ", listed in crosswalk-results.csv"))
        #expect(try Self.text(report, .htmlReport).contains(line + ", listed in crosswalk-results.csv"))
    }

    @Test func hostileOwnersAreEscapedInTheFindingTablesAndTheOwnerSection() throws {
        let report = try SARIFExportTests.hostileReport()
        let html = try Self.text(report, .htmlReport)
        for owner in Self.hostileOwners {
            let escaped = HTMLEscaping.escape(owner)
            #expect(html.contains("data-owner=\"\(escaped)\""), "\(owner.debugDescription)")
            #expect(html.contains("<td>\(escaped)</td>"), "\(owner.debugDescription)")
        }
        #expect(!html.contains("data-owner=\"\"quoted\""), "a quote in an owner cannot end the attribute")
        let markdown = try Self.text(report, .markdownReport)
        #expect(markdown.contains("| Subject | Kind | Owner | Result | Finding | Evidence |"))
        #expect(!markdown.contains("[open me](https://attacker.example/)"), "an owner cannot become a link")
        for owner in Self.hostileOwners.dropFirst() {
            #expect(markdown.contains(MarkdownEscaping.escape(owner)), "\(owner.debugDescription)")
        }
        let csv = try Self.text(report, .csvResults)
        #expect(csv.contains("\"\(CSVCell.neutralised("=cmd|' /C calc'!A0"))\""))
    }

    @Test func findingsByOwnerCountEveryFailingResultOnceWithNoOwnerLast() throws {
        let report = try PrioritiesTests.exampleReport()
        let groups = report.findingsByOwner
        var failing = 0
        for outcome in report.evaluation.outcomes {
            failing += outcome.count(.fail) + outcome.count(.error)
        }
        #expect(groups.reduce(0) { $0 + $1.total } == failing)
        #expect(Set(groups.map(\.ownerText)).count == groups.count, "each owner once")
        let unowned = try #require(groups.last)
        #expect(unowned.owner == nil, "results about roles and platforms have no single owner")
        #expect(groups.dropLast().allSatisfy { $0.owner != nil })
        let owned = groups.dropLast()
        for (earlier, later) in zip(owned, owned.dropFirst()) {
            let weights = (earlier.worstSeverity?.weight ?? 0, later.worstSeverity?.weight ?? 0)
            #expect(weights.0 > weights.1 || (weights.0 == weights.1 && earlier.total >= later.total))
        }
        for group in groups {
            #expect(group.listed.count == min(group.total, OwnerFindings.displayLimit))
            #expect(group.listed.allSatisfy { $0.ownerText == group.ownerText })
            let weights = group.listed.map { -$0.control.severity.weight }
            #expect(weights == weights.sorted(), "most severe first")
        }
    }

    /// Each group lists exactly the first of all its owner's failing findings in the documented
    /// order (severity, control id, subject id), as sorting every one of them would, with owners
    /// holding many times more findings than a list shows.
    @Test func eachOwnersListIsTheFirstOfAllItsFindingsInOrder() throws {
        var inventory = "version: 1\nidentities:\n"
        for index in 0..<400 {
            let owner = index % 9 == 0 ? "" : ", owner: team-\(index % 12)"
            let kind = index % 3 == 0 ? "agent" : "service-account"
            let created = "2024-0\(index % 9 + 1)-1\(index % 10)"
            // Every owner fails medium controls early in the registry (rotation) many times over,
            // and high and critical ones after them (storage, an exposure): their findings lead
            // the lists.
            let exposed = index % 5 == 0 ? ", exposures: [{detected: 2025-06-01, source: public-repo}]" : ""
            inventory += """
                  - {id: nhi-\(399 - index), kind: \(kind)\(owner), authentication: api-key, credentials: [{id: key, type: api-key, created: \(created), storage: env-var\(exposed)}]}

                """
        }
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.yaml", text: inventory)],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        typealias Key = (severity: Severity, control: String, subject: String)
        var everyFinding: [String: [Key]] = [:]
        for outcome in report.evaluation.outcomes {
            try outcome.forEachFinding { finding in
                guard finding.status == .fail || finding.status == .error else { return }
                let owner = OwnerName.of(finding.subject, in: report.evaluation.identities) ?? OwnerName.none
                everyFinding[owner, default: []].append(
                    (outcome.definition.severity, outcome.definition.id, finding.subject.id)
                )
            }
        }
        let grouped = try OwnerGrouping.group(report.evaluation)
        #expect(grouped.groups.count == 13, "twelve owners and no owner")
        for group in grouped.groups {
            let expected = (everyFinding[group.ownerText] ?? []).sorted { OwnerFindings.precedes($0, $1) }
                .prefix(OwnerFindings.displayLimit)
            #expect(
                group.listed.map { "\($0.control.id) \($0.subject.id)" }
                    == expected.map { "\($0.control) \($0.subject)" },
                "\(group.ownerText)"
            )
            #expect(group.total == everyFinding[group.ownerText]?.count)
        }
        #expect(grouped.groups.allSatisfy { $0.total > 3 * OwnerFindings.displayLimit })
        #expect(grouped.groups.allSatisfy { $0.listed.first?.control.id == "CW-CRED-05" }, "critical first")
    }

    /// The owners the evaluate stage counted rank the groups and choose whose findings are read
    /// back; grouping from scratch (counting every finding again) must give the same groups, the
    /// same lists and the same counts, on the example and with more owners than are listed.
    @Test func ownerCountsKeptWhileEvaluatingGroupExactlyAsCountingAgain() throws {
        var inventory = "version: 1\nidentities:\n"
        for index in 0..<140 {
            let owner = index % 7 == 0 ? "" : ", owner: team-\(index % 61)"
            let kind = index % 3 == 0 ? "agent" : "service-account"
            inventory += """
                  - {id: nhi-\(index), kind: \(kind)\(owner), authentication: api-key, credentials: [{id: key, type: api-key, created: 2024-01-0\(index % 9 + 1)}]}

                """
        }
        let crowded = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.yaml", text: inventory)],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        for report in [try PrioritiesTests.exampleReport(), crowded] {
            let evaluation = report.evaluation
            #expect(evaluation.ownerTally != nil)
            var recounted = evaluation
            recounted.ownerTally = nil
            let kept = try OwnerGrouping.group(evaluation)
            let again = try OwnerGrouping.group(recounted)
            #expect(kept.omittedOwners == again.omittedOwners)
            #expect(kept.omittedFindings == again.omittedFindings)
            #expect(kept.groups.map(\.ownerText) == again.groups.map(\.ownerText))
            #expect(kept.groups.map(\.countsBySeverity) == again.groups.map(\.countsBySeverity))
            #expect(
                kept.groups.map { $0.listed.map { "\($0.control.id) \($0.subject.id) \($0.message)" } }
                    == again.groups.map { $0.listed.map { "\($0.control.id) \($0.subject.id) \($0.message)" } }
            )
        }
        #expect(crowded.ownersNotListed > 0, "the crowded inventory has more owners than are listed")
    }

    @Test func jsonKeysAreSnakeCaseEverywhere() throws {
        let report = try PrioritiesTests.exampleReport()
        var hyphenated: [String] = []
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                for (key, member) in object {
                    if key.contains("-") { hyphenated.append("\(path).\(key)") }
                    walk(member, "\(path).\(key)")
                }
            } else if let list = value as? [Any] {
                for item in list { walk(item, path + "[]") }
            }
        }
        let document = try Self.json(report)
        walk(document, "")
        #expect(hyphenated.isEmpty)
        let overall = try #require(document["overall"] as? [String: Any])
        let counts = try #require(overall["status_counts"] as? [String: Any])
        #expect(counts["not_covered"] as? Int == report.overall.count(.notCovered))
    }

    @Test func gapRanksArePositionsFromOne() throws {
        let gaps = try #require(try Self.json(try PrioritiesTests.exampleReport())["top_gaps"] as? [[String: Any]])
        #expect(!gaps.isEmpty)
        #expect(gaps.compactMap { $0["rank"] as? Int } == Array(1...gaps.count))
    }

    @Test func jsonEntriesListTheirAffectedSubjectsAndControlsLinkBack() throws {
        let report = try PrioritiesTests.exampleReport()
        let document = try Self.json(report)
        let frameworks = try #require(document["frameworks"] as? [[String: Any]])
        let csf = try #require(frameworks.first { $0["catalog"] as? String == "nist-csf-2.0" })
        let entries = try #require(csf["entries"] as? [[String: Any]])
        let entry = try #require(entries.first { $0["id"] as? String == "PR.AA-05" })
        let subjects = try #require(entry["affected_subjects"] as? [String])
        #expect(entry["title"] as? String != nil)
        #expect(subjects.count == entry["affected_identities"] as? Int)
        #expect(entry["affected_subjects_omitted"] as? Int == 0)
        let controls = try #require(document["controls"] as? [[String: Any]])
        for link in try #require(entry["links"] as? [[String: Any]]) {
            let control = try #require(controls.first { $0["id"] as? String == link["control"] as? String })
            let mappings = try #require(control["mappings"] as? [[String: Any]])
            #expect(
                mappings.contains { $0["catalog"] as? String == "nist-csf-2.0" && $0["entry"] as? String == "PR.AA-05" }
            )
        }
    }
}
