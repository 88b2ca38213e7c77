import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// The OSCAL Assessment Results export (`--format oscal`), checked by compliance-trestle: its
/// models load the example, the multicloud example, a hostile inventory and a large one;
/// `trestle validate` passes; every finding's state follows the rule book.
@Suite struct OSCALAssessmentResultsTests {
    static let renderer = OSCALAssessmentResultsRenderer()

    /// The rule book's status → OSCAL target, written out independently of the exporter
    /// (docs/exports/oscal.md, "Findings"): (state, reason, implementation status).
    static let expectedTarget: [String: (String?, String?, String?)] = [
        "satisfied": ("satisfied", "pass", nil),
        "gaps-found": ("not-satisfied", "fail", nil),
        "partially-evidenced": ("not-satisfied", "other", nil),
        "not-assessed": ("not-satisfied", "other", nil),
        "not-applicable": (nil, nil, "not-applicable"),
    ]

    static func trestleAvailable() -> Bool {
        if PythonClient.available("trestle.oscal.assessment_results") { return true }
        #expect(!PythonClient.required, "compliance-trestle must be installed on CI (tools/requirements-tests.txt)")
        return false
    }

    /// Checks what trestle's models hold against the report the document was rendered from.
    static func expectConsistent(_ summary: OSCALTrestleClient.Summary, with report: GapReport) throws {
        #expect(summary.results == 1, "one result per run")
        #expect(summary.duplicateUUIDs == 0)
        #expect(summary.uuidMismatches == 0, "observation UUIDs follow the documented derivation")
        #expect(summary.unresolvedReferences.isEmpty, "every reference resolves: \(summary.unresolvedReferences)")
        #expect(summary.hashMismatches.isEmpty, "back-matter hashes match the files: \(summary.hashMismatches)")
        // Findings: one per covered leaf entry, each with the rule book's state.
        var expectedEntries: [String: String] = [:]
        for framework in report.frameworks {
            for entry in framework.entries where entry.isLeaf && entry.status != .notCovered {
                expectedEntries["\(framework.catalog.id)|\(entry.entry.id)"] = entry.status.rawValue
            }
        }
        #expect(summary.findings.count == expectedEntries.count, "one finding per covered leaf entry")
        for finding in summary.findings {
            let key = "\(finding.framework)|\(finding.entry)"
            #expect(expectedEntries[key] == finding.entryStatus, "\(key) carries its entry status")
            let target = try #require(expectedTarget[finding.entryStatus], "\(finding.entryStatus) is a known status")
            #expect(finding.state == target.0, "\(key): state")
            #expect(finding.reason == target.1, "\(key): reason")
            #expect(finding.implementation == target.2, "\(key): implementation status")
        }
        // Observations: one per control, one per result that is not a pass.
        let outcomes = report.evaluation.outcomes
        #expect(summary.controlObservations == outcomes.count)
        #expect(summary.observations.count == outcomes.reduce(0) { $0 + $1.findingCount })
        #expect(Set(summary.observations.map(\.findingID)).count == summary.observations.count)
        // Risks: one open risk per failing control, relating each failing result.
        let failing = outcomes.filter { $0.count(.fail) > 0 }
        #expect(summary.risks.map(\.control) == failing.map(\.definition.id))
        for (risk, outcome) in zip(summary.risks, failing) {
            #expect(risk.status == "open")
            #expect(risk.relatedObservations == outcome.count(.fail) + 1, "the summary and every failure")
        }
        // Back-matter: every input with its SHA-256, and the bundled catalogs and mappings.
        for input in report.metadata.inputs {
            #expect(
                summary.resources.contains { $0.path == input.path && $0.sha256 == input.sha256 },
                "\(input.path) is in the back-matter with its hash"
            )
        }
        let catalogs = summary.resources.filter { $0.role == "bundled-catalog" }.map(\.path)
        #expect(catalogs.count == report.library.catalogs.filter(\.isBundled).count)
        #expect(
            summary.resources.contains { $0.role == "bundled-mapping" }
                == report.library.catalogs.contains(where: \.isBundled),
            "the bundled mapping files in force are in the back-matter"
        )
    }

    @Test func exampleLoadsInTrestleAndFollowsTheRuleBook() throws {
        guard Self.trestleAvailable() else { return }
        let report = try ReferenceReportTests.exampleReport()
        let summary = try OSCALTrestleClient.summary(of: try Self.renderer.render(report))
        try Self.expectConsistent(summary, with: report)
        let states = Set(summary.findings.map(\.entryStatus))
        #expect(
            states.contains("gaps-found") && states.count > 2,
            "the example has entries of several kinds: \(states)"
        )
        // Every result carries its stable id, owner and evidence.
        for observation in summary.observations {
            #expect(observation.findingID.hasPrefix("CW-") && observation.findingID.count == 19)
            #expect(!observation.owner.isEmpty)
        }
        #expect(summary.observations.contains { $0.owner == "no owner" })
        #expect(summary.observations.allSatisfy { $0.status != "fail" || !$0.evidence.isEmpty })
    }

    @Test func exampleValidatesWithTrestle() throws {
        guard Self.trestleAvailable() else { return }
        let report = try ReferenceReportTests.exampleReport()
        let result = try OSCALTrestleClient.validate(try Self.renderer.render(report))
        #expect(result.exitCode == 0, "trestle validate: \(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("VALID"), "trestle says the model is valid: \(result.stdout)")
    }

    @Test func multicloudExampleLoadsValidatesAndLinksEvidenceToItsExport() throws {
        guard Self.trestleAvailable() else { return }
        let report = try CrosswalkPipeline().run(try MulticloudExample.request())
        let bytes = try Self.renderer.render(report)
        let summary = try OSCALTrestleClient.summary(of: bytes)
        try Self.expectConsistent(summary, with: report)
        let imported = summary.observations.filter {
            $0.evidence.contains { $0.hasPrefix("source: examples/multicloud/") }
        }
        #expect(!imported.isEmpty, "imported records carry their source as evidence")
        #expect(imported.allSatisfy { $0.evidenceLinks.count == 1 }, "which links to the export's resource")
        let validation = try OSCALTrestleClient.validate(bytes)
        #expect(validation.exitCode == 0, "trestle validate: \(validation.stdout) \(validation.stderr)")
    }

    /// A user catalog with a full link makes an entry satisfied (the bundled mappings hold only
    /// partial links), and shows how entry ids that are not tokens become target ids.
    @Test func aFullyEvidencedEntryIsSatisfiedAndUncoveredEntriesAreExcluded() throws {
        let inventory = """
            version: 1
            identities:
              - {id: svc-billing, name: Billing service, kind: service-account, owner: team-billing, platform: aws}
            """
        let catalog = """
            {"id": "acme-profile", "title": "Acme profile", "version": "1",
             "entries": [{"id": "P-1", "title": "Owners recorded"}, {"id": "2 Owners reviewed", "title": "Reviews"},
                         {"id": "P-3", "title": "Nothing maps here"}]}
            """
        let mapping = """
            version: 1
            catalog: acme-profile
            mappings:
              - {control: CW-LIFE-01, entry: P-1, relationship: equal, strength: 8, rationale: Owner field.}
              - {control: CW-LIFE-01, entry: 2 Owners reviewed, relationship: subset-of, strength: 4, rationale: Part.}
            """
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.yaml", text: inventory)],
                catalogFiles: [
                    InputFile(path: "catalog.json", text: catalog), InputFile(path: "mapping.yaml", text: mapping),
                ],
                frameworks: ["acme-profile"],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        let bytes = try Self.renderer.render(report)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let document = try #require(root["assessment-results"] as? [String: Any])
        let result = try #require((document["results"] as? [[String: Any]])?.first)
        let reviewed = try #require(result["reviewed-controls"] as? [String: Any])
        let selection = try #require((reviewed["control-selections"] as? [[String: Any]])?.first)
        let ids = { (key: String) in (selection[key] as? [[String: Any]])?.compactMap { $0["control-id"] as? String } }
        #expect(ids("include-controls") == ["P-1", "_2_Owners_reviewed"])
        #expect(ids("exclude-controls") == ["P-3"])
        guard Self.trestleAvailable() else { return }
        let summary = try OSCALTrestleClient.summary(of: bytes)
        try Self.expectConsistent(summary, with: report)
        let byEntry = Dictionary(uniqueKeysWithValues: summary.findings.map { ($0.entry, $0) })
        #expect(byEntry["P-1"]?.state == "satisfied" && byEntry["P-1"]?.reason == "pass")
        #expect(byEntry["2 Owners reviewed"]?.entryStatus == "partially-evidenced")
        #expect(byEntry["2 Owners reviewed"]?.targetID == "_2_Owners_reviewed")
        #expect(byEntry["P-3"] == nil, "no finding for an entry no control maps to")
        #expect(summary.resources.contains { $0.path == "catalog.json" && $0.role == "catalog" })
        let validation = try OSCALTrestleClient.validate(bytes)
        #expect(validation.exitCode == 0, "trestle validate: \(validation.stdout) \(validation.stderr)")
    }

    static let hostileNames = [
        "quote \" and back\\slash",
        "line\nbreak\r\nand\ttab",
        "<script>alert(1)</script>",
        "=cmd|' /C calc'!A0",
        "rtl \u{202E}gnp.exe\u{202C} override",
        "bell\u{07}escape\u{1B}[31mdel\u{7F}c1\u{85}sep\u{2028}",
        "   ",
    ]

    static func hostileReport() throws -> GapReport {
        var yaml = "version: 1\norganization: \"Evil \\\"Corp\\\"\\n<script>\"\nidentities:\n"
        for (index, name) in hostileNames.enumerated() {
            yaml += """
                  - id: "svc-\(index) \(index == 3 ? "=1+1" : "x")"
                    name: \(Self.yamlString(name))
                    kind: service-account
                    owner: \(Self.yamlString(name))
                    platform: aws
                    credentials:
                      - {id: "key \(name.prefix(3))", type: api-key, created: 2024-01-01, storage: env-var}

                """
        }
        return try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "hostile dir/inventory #1.yaml", text: yaml)],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
    }

    /// A YAML double-quoted scalar for any text.
    static func yamlString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 {
                    result += "\\u" + String(format: "%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    @Test func hostileNamesRoundTripThroughTrestleAndStayInert() throws {
        let report = try Self.hostileReport()
        let bytes = try Self.renderer.render(report)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("\u{202E}"), "bidirectional controls are escaped in the file")
        #expect(!text.contains("\u{2028}") && !text.contains("\u{85}"), "so are separators and C1 controls")
        #expect(!text.contains("<script>alert(1)</script>\n"))
        #expect(bytes.allSatisfy { $0 >= 0x20 || $0 == 0x0A }, "no raw control character but line feeds")
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes))
        #expect(parsed is [String: Any], "plain JSON parsers read it")
        guard Self.trestleAvailable() else { return }
        let summary = try OSCALTrestleClient.summary(of: bytes)
        #expect(summary.duplicateUUIDs == 0)
        #expect(summary.unresolvedReferences.isEmpty)
        for name in Self.hostileNames where name != "   " {
            #expect(
                summary.observations.contains { $0.subject.contains(name) },
                "the name \(name.debugDescription) reads back exactly"
            )
        }
        let owners = Set(summary.observations.map(\.owner))
        #expect(owners.contains("line break  and tab"), "owners become single-line property values: \(owners)")
        #expect(owners.contains("no owner"), "a blank owner is no owner")
        let validation = try OSCALTrestleClient.validate(bytes)
        #expect(validation.exitCode == 0, "trestle validate: \(validation.stdout) \(validation.stderr)")
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let first = try Self.renderer.render(try ReferenceReportTests.exampleReport())
        let second = try Self.renderer.render(try ReferenceReportTests.exampleReport())
        #expect(first == second)
        let multicloud = { try Self.renderer.render(try CrosswalkPipeline().run(try MulticloudExample.request())) }
        #expect(try multicloud() == (try multicloud()))
    }

    @Test func aDifferentClockOrInputChangesTheDocumentButNotTheObservationIDs() throws {
        let report = try ReferenceReportTests.exampleReport()
        var later = report
        later.metadata.generatedAt = try #require(Timestamp(iso8601: "2026-12-01T00:00:00Z"))
        let uuids = { (bytes: [UInt8]) throws -> (String, [String]) in
            let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            let document = try #require(root["assessment-results"] as? [String: Any])
            let result = try #require((document["results"] as? [[String: Any]])?.first)
            let observations = try #require(result["observations"] as? [[String: Any]])
            return (try #require(document["uuid"] as? String), observations.compactMap { $0["uuid"] as? String })
        }
        let (firstDocument, firstObservations) = try uuids(try Self.renderer.render(report))
        let (laterDocument, laterObservations) = try uuids(try Self.renderer.render(later))
        #expect(firstDocument != laterDocument, "the document UUID names the run")
        #expect(firstObservations == laterObservations, "observation UUIDs follow the findings")
    }

    @Test func waivedFailuresBecomeDeviationApprovedRisks() throws {
        var report = try ReferenceReportTests.exampleReport()
        let index = try #require(report.evaluation.outcomes.firstIndex { $0.count(.fail) > 1 })
        let original = report.evaluation.outcomes[index]
        var findings: [Finding] = []
        try original.forEachFinding { findings.append($0) }
        let failing = findings.filter { $0.status == .fail }
        var waived = failing[0]
        waived.status = .accepted
        var counts = original.counts
        counts[.fail] = failing.count - 1
        counts[.accepted] = 1
        report.evaluation.outcomes[index] = ControlOutcome(
            definition: original.definition,
            counts: counts,
            findings: [waived] + failing.dropFirst(),
            findingCount: failing.count
        )
        let bytes = try Self.renderer.render(report)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let document = try #require(root["assessment-results"] as? [String: Any])
        let result = try #require((document["results"] as? [[String: Any]])?.first)
        let risks = try #require(result["risks"] as? [[String: Any]])
        let control = original.definition.id
        let ofControl = risks.filter { risk in
            (risk["props"] as? [[String: Any]])?.contains {
                $0["name"] as? String == "control" && $0["value"] as? String == control
            } == true
        }
        #expect(ofControl.compactMap { $0["status"] as? String } == ["open", "deviation-approved"])
        let approved = try #require(ofControl.last?["related-observations"] as? [[String: Any]])
        #expect(approved.count == 2, "the control's summary and the waived result")
        guard Self.trestleAvailable() else { return }
        let validation = try OSCALTrestleClient.validate(bytes)
        #expect(validation.exitCode == 0, "trestle validate: \(validation.stdout) \(validation.stderr)")
    }

    @Test func aLargeInventoryGivesOneObservationPerResult() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-oscal-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("inventory.jsonl")
        try LargeInventory.write(identities: 3000, to: file)
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.jsonl", bytes: Array(try Data(contentsOf: file)))],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        let sink = MemorySink()
        try Self.renderer.render(report, to: sink)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(sink.bytes)) as? [String: Any])
        let document = try #require(root["assessment-results"] as? [String: Any])
        let result = try #require((document["results"] as? [[String: Any]])?.first)
        let observations = try #require(result["observations"] as? [[String: Any]])
        let outcomes = report.evaluation.outcomes
        let findings = outcomes.reduce(0) { $0 + $1.findingCount }
        #expect(findings > 3000 * 3, "every identity appears in several findings")
        #expect(observations.count == outcomes.count + findings)
        let findingIDs = Set(
            observations.compactMap { observation in
                (observation["props"] as? [[String: Any]])?.first { $0["name"] as? String == "finding-id" }?["value"]
                    as? String
            }
        )
        #expect(findingIDs.count == findings, "every result has its own finding id")
        let risks = try #require(result["risks"] as? [[String: Any]])
        let related = risks.reduce(0) { $0 + (($1["related-observations"] as? [Any])?.count ?? 0) }
        #expect(related == outcomes.reduce(0) { $0 + $1.count(.fail) } + risks.count)
    }
}
