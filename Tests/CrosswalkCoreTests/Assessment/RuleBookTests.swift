import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// A second, deliberately simple implementation of docs/assessment.md §4–§6, written from that page
/// alone. It reads what an auditor has: the JSON report (each control's severity, evidence source
/// and result counts per scope), the bundled catalog files and the mapping files. It recomputes
/// every entry status, pass share, group coverage and framework score and must agree exactly with
/// what Crosswalk reported.
@Suite struct RuleBookTests {
    /// One mapping as read from a mapping file.
    struct RuleMapping {
        var control = ""
        var catalog = ""
        var entry = ""
        var relationship = ""
        var strength = 0
        var scope: String?
    }

    /// The mapping files, read line by line (they are plain block YAML).
    static func mappingsFromFiles() throws -> [RuleMapping] {
        let folder = Fixtures.url("frameworks/mappings")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        var mappings: [RuleMapping] = []
        for name in names.sorted() {
            var fileCatalog = ""
            var current: RuleMapping?
            for line in try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n")
            {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                let isNewItem = trimmed.hasPrefix("- ")
                let body = isNewItem ? String(trimmed.dropFirst(2)) : trimmed
                guard let colon = body.firstIndex(of: ":") else { continue }
                let key = String(body[..<colon])
                let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if !line.hasPrefix(" ") {
                    if key == "catalog" { fileCatalog = value }
                    continue
                }
                if isNewItem {
                    if let current { mappings.append(current) }
                    current = RuleMapping(catalog: fileCatalog)
                }
                switch key {
                case "control": current?.control = value
                case "catalog": current?.catalog = value
                case "entry": current?.entry = value
                case "relationship": current?.relationship = value
                case "strength": current?.strength = Int(value) ?? 0
                case "scope": current?.scope = value
                default: break
                }
            }
            if let current { mappings.append(current) }
        }
        return mappings
    }

    /// One catalog file: its scope and its entries' parents.
    struct RuleCatalog {
        var scope: String
        var entries: [(id: String, parent: String?)]
    }

    static func catalogFromFile(_ id: String) throws -> RuleCatalog {
        let data = try Data(contentsOf: Fixtures.url("frameworks/catalogs/\(id).json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try #require(object["entries"] as? [[String: Any]]).map {
            (id: $0["id"] as? String ?? "", parent: $0["parent"] as? String)
        }
        return RuleCatalog(scope: object["scope"] as? String ?? "all", entries: entries)
    }

    /// What the rule book says about one leaf entry.
    struct LeafVerdict {
        var status: String
        var earned: Double
        var possible: Double
        /// A live mapping of a critical control has a failure (§6, posture cap).
        var criticalGap = false
    }

    static let severityWeight: [String: Double] = ["critical": 8, "high": 4, "medium": 2, "low": 1]

    /// §5 and §6 for one leaf entry.
    static func judge(_ mappings: [RuleMapping], catalogScope: String, controls: [String: [String: Any]]) -> LeafVerdict
    {
        if mappings.isEmpty { return LeafVerdict(status: "not-covered", earned: 0, possible: 0) }
        struct Live {
            var p: Int
            var f: Int
            var u: Int
            var full: Bool
            var observed: Bool
            var weight: Double
            var critical: Bool
        }
        var live: [Live] = []
        for mapping in mappings {
            let control = controls[mapping.control] ?? [:]
            let scoped = control["scoped_counts"] as? [String: [String: Int]] ?? [:]
            // JSON keys are snake case: the scope `ai-agents` is the key `ai_agents`.
            let counts = scoped[snake(mapping.scope ?? catalogScope)] ?? [:]
            let p = counts["pass"] ?? 0
            let f = (counts["fail"] ?? 0) + (counts["accepted"] ?? 0)
            let u = (counts["not_assessed"] ?? 0) + (counts["error"] ?? 0)
            guard p + f + u > 0 else { continue }
            let observed = control["evidence"] as? String == "observed"
            let weight =
                Double(mapping.strength) * (severityWeight[control["severity"] as? String ?? ""] ?? 0)
                * (observed ? 1 : 0.5)
            live.append(
                Live(
                    p: p,
                    f: f,
                    u: u,
                    full: mapping.relationship == "equal" || mapping.relationship == "superset-of",
                    observed: observed,
                    weight: weight,
                    critical: control["severity"] as? String == "critical"
                )
            )
        }
        let earned = live.reduce(0.0) { $0 + $1.weight * Double($1.p) / Double($1.p + $1.f + $1.u) }
        let possible = live.reduce(0.0) { $0 + $1.weight }
        let status: String
        if live.isEmpty {
            status = "not-applicable"
        } else if live.contains(where: { $0.f > 0 }) {
            status = "gaps-found"
        } else if !live.contains(where: { $0.p > 0 }) {
            status = "not-assessed"
        } else if live.allSatisfy({ $0.u == 0 }) && live.contains(where: { $0.full && $0.observed }) {
            status = "satisfied"
        } else {
            status = "partially-evidenced"
        }
        return LeafVerdict(
            status: status,
            earned: earned,
            possible: possible,
            criticalGap: live.contains { $0.critical && $0.f > 0 }
        )
    }

    /// §5 "Groups": the status from the leaf descendants' statuses.
    static func groupStatus(_ leaves: [String]) -> String {
        let covered = leaves.filter { $0 != "not-covered" }
        if covered.isEmpty { return "not-covered" }
        let applicable = covered.filter { $0 != "not-applicable" }
        if applicable.isEmpty { return "not-applicable" }
        if applicable.contains("gaps-found") { return "gaps-found" }
        if applicable.allSatisfy({ $0 == "satisfied" }) { return "satisfied" }
        if applicable.allSatisfy({ $0 == "not-assessed" }) { return "not-assessed" }
        return "partially-evidenced"
    }

    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return String(format: "%d.%02d", hundredths / 100, hundredths % 100)
    }

    /// A status or scope as a JSON key: hyphens become underscores.
    static func snake(_ value: String) -> String { String(value.map { $0 == "-" ? "_" : $0 }) }

    static func posture(_ fraction: Double, criticalGap: Bool) -> String {
        fraction >= 0.8 && !criticalGap ? "Strong" : fraction >= 0.5 ? "Mixed" : "Weak"
    }

    /// Renders `report` as JSON, recomputes everything from it and the framework files, and
    /// compares. Returns the parsed frameworks for further checks.
    @discardableResult
    static func checkAgreement(_ report: GapReport) throws -> [[String: Any]] {
        let bytes = try RendererRegistry(templates: ReportTemplates()).render(report, as: .jsonReport)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        var controls: [String: [String: Any]] = [:]
        for control in try #require(json["controls"] as? [[String: Any]]) {
            controls[control["id"] as? String ?? ""] = control
        }
        let allMappings = try mappingsFromFiles()
        #expect(allMappings.count == report.library.mappings.count, "every mapping of the files is read")
        #expect(allMappings.allSatisfy { !$0.control.isEmpty && !$0.entry.isEmpty && $0.strength > 0 })
        let frameworks = try #require(json["frameworks"] as? [[String: Any]])
        var frameworkScores: [Double] = []
        var anyCriticalGap = false
        for framework in frameworks {
            let catalogID = try #require(framework["catalog"] as? String)
            let catalog = try catalogFromFile(catalogID)
            #expect(framework["scope"] as? String == catalog.scope)
            let parents = Set(catalog.entries.compactMap(\.parent))
            var leafStatus: [String: String] = [:]
            var earned = 0.0
            var possible = 0.0
            var criticalGap = false
            var reported: [String: [String: Any]] = [:]
            for entry in try #require(framework["entries"] as? [[String: Any]]) {
                reported[entry["id"] as? String ?? ""] = entry
            }
            for entry in catalog.entries where !parents.contains(entry.id) {
                let verdict = judge(
                    allMappings.filter { $0.catalog == catalogID && $0.entry == entry.id },
                    catalogScope: catalog.scope,
                    controls: controls
                )
                leafStatus[entry.id] = verdict.status
                earned += verdict.earned
                possible += verdict.possible
                criticalGap = criticalGap || verdict.criticalGap
                let shown = try #require(reported[entry.id], "\(catalogID) \(entry.id) is in the report")
                #expect(shown["status"] as? String == verdict.status, "\(catalogID) \(entry.id) status")
                if verdict.possible > 0 {
                    let share = try #require(shown["pass_share"] as? Double, "\(catalogID) \(entry.id) pass share")
                    #expect(abs(share - verdict.earned / verdict.possible) < 1e-9, "\(catalogID) \(entry.id) share")
                } else {
                    #expect(shown["pass_share"] == nil, "\(catalogID) \(entry.id) has no pass share")
                }
            }
            // Groups from their leaf descendants.
            var children: [String: [String]] = [:]
            for entry in catalog.entries {
                if let parent = entry.parent { children[parent, default: []].append(entry.id) }
            }
            func leavesUnder(_ id: String) -> [String] {
                guard let kids = children[id] else { return [leafStatus[id] ?? "?"] }
                return kids.flatMap(leavesUnder)
            }
            for group in parents {
                let leaves = leavesUnder(group)
                let shown = try #require(reported[group])
                #expect(shown["status"] as? String == groupStatus(leaves), "\(catalogID) group \(group)")
                let coverage = try #require(shown["coverage"] as? [String: Any])
                #expect(coverage["numerator"] as? Int == leaves.filter { $0 != "not-covered" }.count)
                #expect(coverage["denominator"] as? Int == leaves.count)
            }
            let counts = try #require(framework["status_counts"] as? [String: Int])
            for status in Set(leafStatus.values) {
                #expect(
                    counts[snake(status)] == leafStatus.values.filter { $0 == status }.count,
                    "\(catalogID) \(status)"
                )
            }
            if possible > 0 {
                let score = try #require(framework["score"] as? [String: Any], "\(catalogID) has a score")
                let fraction = earned / possible
                frameworkScores.append(fraction)
                let text = "\(Int((fraction * 100).rounded()))% (\(twoDecimals(earned)) of \(twoDecimals(possible)))"
                #expect(score["text"] as? String == text, "\(catalogID) score")
                #expect(
                    framework["posture"] as? String == posture(fraction, criticalGap: criticalGap),
                    "\(catalogID) posture"
                )
                anyCriticalGap = anyCriticalGap || criticalGap
            } else {
                #expect(framework["score"] == nil, "\(catalogID) has no score")
            }
        }
        let overall = try #require(json["overall"] as? [String: Any])
        if frameworkScores.isEmpty {
            #expect(overall["score"] == nil)
        } else {
            let mean = frameworkScores.reduce(0, +) / Double(frameworkScores.count)
            let score = try #require(overall["score"] as? Double)
            #expect(abs(score - mean) < 1e-9)
            #expect(overall["posture"] as? String == posture(mean, criticalGap: anyCriticalGap))
        }
        return frameworks
    }

    static func report(inventory: InputFile, policy: InputFile?) throws -> GapReport {
        try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [inventory],
                policyFile: policy,
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
    }

    @Test func agreesOnTheExampleOrganisation() throws {
        try Self.checkAgreement(
            try Self.report(
                inventory: try Fixtures.file("examples/acme/inventory.yaml"),
                policy: try Fixtures.file("examples/acme/policy.yaml")
            )
        )
    }

    @Test func agreesOnTheExampleWithoutAPolicy() throws {
        try Self.checkAgreement(
            try Self.report(inventory: try Fixtures.file("examples/acme/inventory.yaml"), policy: nil)
        )
    }

    @Test func agreesOnTheWellRunOrganisation() throws {
        try Self.checkAgreement(
            try Self.report(
                inventory: try Fixtures.file("Tests/Fixtures/well-run/inventory.yaml"),
                policy: try Fixtures.file("Tests/Fixtures/well-run/policy.yaml")
            )
        )
    }

    static let noAgents = """
        version: 1
        identities:
          - {id: svc-a, kind: service-account, owner: team-a, platform: aws}
          - id: svc-b
            kind: service-account
            platform: aws
            credentials:
              - {id: key, type: api-key, created: 2026-10-01T00:00:00Z}
        """

    @Test func agreesOnAnInventoryWithoutAgentsWhereAgenticEntriesAreNotApplicable() throws {
        let report = try Self.report(inventory: InputFile(path: "inventory.yaml", text: Self.noAgents), policy: nil)
        try Self.checkAgreement(report)
        let agentic = try #require(report.frameworks.first { $0.catalog.id == "owasp-agentic-top10-2026" })
        let covered = agentic.entries.filter { $0.status != .notCovered }
        #expect(!covered.isEmpty)
        for entry in covered {
            #expect(entry.status == .notApplicable)
            #expect(entry.reason == "The inventory has no AI agents, so no result speaks to this entry.")
        }
        #expect(agentic.score == nil)
    }
}
