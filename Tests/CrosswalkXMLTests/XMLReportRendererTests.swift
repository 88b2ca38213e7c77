import CrosswalkCore
import CrosswalkTestSupport
import CrosswalkXML
import Foundation
import Testing

/// The XML report's shape and content, checked by parsing the rendered document.
@Suite struct XMLReportRendererTests {
    /// Builds a report from a JSON inventory (JSON can spell every character as `\uXXXX`).
    static func report(inventoryJSON: String, includePassing: Bool = false) throws -> GapReport {
        try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.json", text: inventoryJSON)],
                policyFile: InputFile(path: "policy.yaml", text: "version: 1"),
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow)),
                includePassing: includePassing
            )
        )
    }

    static let smallInventory = #"""
        {"version": 1, "organization": "Small & Co <test>", "identities": [
          {"id": "owned", "kind": "service-account", "name": "Owned one", "owner": "payments-team"},
          {"id": "orphan", "kind": "service-account", "name": "Orphan"}
        ]}
        """#

    static func results(of document: ParsedXML, control: String) throws -> [ParsedXML.Element] {
        let controls = try #require(document.root.child("controls")).children
        let element = try #require(controls.first { $0["id"] == control }, "control \(control) is in the report")
        return try #require(element.child("results")).children
    }

    @Test func documentStartsWithTheDeclarationAndTheVersionedRootInItsNamespace() throws {
        let rendered = try XMLReportRenderer().render(try Self.report(inventoryJSON: Self.smallInventory))
        let text = String(decoding: rendered, as: UTF8.self)
        #expect(
            text.hasPrefix(
                #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
                    + #"<report schemaVersion="2" xmlns="urn:crosswalk:report:2">"#
            )
        )
        let document = try ParsedXML(rendered)
        #expect(document.root.namespace == "urn:crosswalk:report:2")
        #expect(
            document.root.children.map(\.name) == [
                "run", "inputs", "warnings", "inventory", "keyFigures", "overall", "catalogs", "frameworks",
                "identities", "controls", "topGaps", "criticalFindings", "riskiestIdentities",
            ]
        )
    }

    @Test func runCarriesProvenanceAndTheOrganizationAsEscapedText() throws {
        let report = try Self.report(inventoryJSON: Self.smallInventory)
        let document = try ParsedXML(try XMLReportRenderer().render(report))
        let run = try #require(document.root.child("run"))
        #expect(run["generatedAt"] == "2026-11-01T00:00:00Z")
        #expect(run["includesPassing"] == "false")
        #expect(run.child("organization")?.text == "Small & Co <test>")
        let inputs = try #require(document.root.child("inputs")).children
        #expect(inputs.map { $0["role"] } == ["inventory", "policy"])
        #expect(inputs.map { $0.child("path")?.text } == ["inventory.json", "policy.yaml"])
        #expect(inputs.first?["sha256"] == report.metadata.inputs.first?.sha256)
        #expect(inputs.first?["bytes"] == String(Self.smallInventory.utf8.count))
    }

    @Test func listsEveryResultThatIsNotAPassWithItsEvidence() throws {
        let report = try Self.report(inventoryJSON: Self.smallInventory)
        let document = try ParsedXML(try XMLReportRenderer().render(report))
        let results = try Self.results(of: document, control: "CW-LIFE-01")
        #expect(results.count == 1)
        let result = try #require(results.first)
        #expect(result["status"] == "fail")
        #expect(result["subject"] == nil, "the identity row gives the subject")
        #expect(result["message"] == "0")
        #expect(result.child("name") == nil, "the name is in the identity table")
        let row = try #require(result["identity"].flatMap { Int($0) })
        let identity = try #require(document.root.child("identities")?.children[row])
        #expect(identity["id"] == "orphan")
        #expect(identity.child("name")?.text == "Orphan")
        let control = try #require(document.root.child("controls")?.children.first { $0["id"] == "CW-LIFE-01" })
        let template = try #require(control.child("messageTemplates")?.children.first)
        #expect(template.child("pattern")?.text == "No accountable owner is recorded.")
        #expect(result.child("value") == nil, "the message has no gaps")
        let observation = try #require(result.child("observation"))
        #expect(observation["template"] == "0")
        #expect(observation["observed"] == "absent")
        let evidence = try #require(control.child("evidenceTemplates")?.children.first)
        #expect(evidence["field"] == "owner")
        #expect(evidence.child("expected")?.text == "a person or team")
        let total = report.evaluation.outcomes.reduce(0) { $0 + $1.findingCount }
        #expect(document.root.descendants("result").count == total)
    }

    @Test func passingSubjectsAppearOnlyWhenTheRunIncludesThem() throws {
        let without = try ParsedXML(try XMLReportRenderer().render(try Self.report(inventoryJSON: Self.smallInventory)))
        #expect(without.root.descendants("passingSubjects").isEmpty)
        #expect(without.root.child("run")?["includesPassing"] == "false")

        let report = try Self.report(inventoryJSON: Self.smallInventory, includePassing: true)
        let with = try ParsedXML(try XMLReportRenderer().render(report))
        #expect(with.root.child("run")?["includesPassing"] == "true")
        let controls = try #require(with.root.child("controls")).children
        #expect(controls.allSatisfy { $0.child("passingSubjects") != nil }, "every control lists its passes")
        let ownership = try #require(controls.first { $0["id"] == "CW-LIFE-01" })
        let passing = try #require(ownership.child("passingSubjects")).children
        #expect(passing.map { $0["subject"] } == [nil], "the identity row gives the subject")
        let row = try #require(passing.first?["identity"].flatMap { Int($0) })
        #expect(with.root.child("identities")?.children[row]["id"] == "owned")
        #expect(with.root.child("identities")?.children[row].child("name")?.text == "Owned one")
        let problems = try XMLSchemaValidator.crosswalkReport().validate(
            try XMLReportRenderer().render(report),
            file: "with-passes.xml"
        )
        #expect(problems.map(\.description) == [])
    }

    /// Identity names straight from an inventory: markup, CDATA terminators, quotes, control
    /// characters, a non-character and emoji.
    static let hostileNames: [(name: String, written: String)] = [
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("]]>", "]]>"),
        (#"say "hi" & 'bye'"#, #"say "hi" & 'bye'"#),
        ("bell\u{07}here", "bell\u{FFFD}here"),
        ("nul\u{0}byte", "nul\u{FFFD}byte"),
        ("non\u{FFFE}character", "non\u{FFFD}character"),
        ("fox 🦊 and flag 🇺🇦", "fox 🦊 and flag 🇺🇦"),
        ("tab\tline\nreturn\r.", "tab\tline\nreturn\r."),
    ]

    @Test func hostileIdentityNamesStayWellFormedValidAndRoundTrip() throws {
        let identities = Self.hostileNames.enumerated().map { index, hostile in
            #"{"id": "hostile-\#(index)", "kind": "bot", "name": \#(Self.jsonString(hostile.name))}"#
        }
        let json = #"{"version": 1, "identities": [\#(identities.joined(separator: ", "))]}"#
        let report = try Self.report(inventoryJSON: json)
        let rendered = try XMLReportRenderer().render(report)

        let problems = try XMLSchemaValidator.crosswalkReport().validate(rendered, file: "hostile.xml")
        #expect(problems.map(\.description) == [])
        let document = try ParsedXML(rendered)
        let results = try Self.results(of: document, control: "CW-LIFE-01")
        let table = try #require(document.root.child("identities")).children
        let names = Dictionary(
            uniqueKeysWithValues: results.compactMap { result in
                result["identity"].flatMap(Int.init).map {
                    (table[$0]["id"] ?? "", table[$0].child("name")?.text ?? "")
                }
            }
        )
        for (index, hostile) in Self.hostileNames.enumerated() {
            #expect(names["hostile-\(index)"] == hostile.written, "name \(index) round-trips")
        }
        let text = String(decoding: rendered, as: UTF8.self)
        #expect(!text.contains("<script>"), "markup in names is escaped")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" })
    }

    @Test func hostileIdentifiersInAttributesRoundTrip() throws {
        let id = "id \"quoted\" <tag> & \u{07}bell\ttab\nline"
        let json = #"{"version": 1, "identities": [{"id": \#(Self.jsonString(id)), "kind": "bot"}]}"#
        let rendered = try XMLReportRenderer().render(try Self.report(inventoryJSON: json))
        let document = try ParsedXML(rendered)
        let results = try Self.results(of: document, control: "CW-LIFE-01")
        let row = try #require(results.first?["identity"].flatMap { Int($0) })
        #expect(
            document.root.child("identities")?.children[row]["id"] == "id \"quoted\" <tag> & \u{FFFD}bell\ttab\nline"
        )
    }

    @Test func frameworkEntriesCarryStatusPassShareAndMappedControls() throws {
        let report = try XMLReferenceReportTests.exampleReport()
        let document = try ParsedXML(try XMLReportRenderer().render(report))
        let frameworks = try #require(document.root.child("frameworks")).children
        #expect(frameworks.map { $0["catalog"] } == report.frameworks.map(\.catalog.id))
        for (element, assessment) in zip(frameworks, report.frameworks) {
            let entries = try #require(element.child("entries")).children
            #expect(entries.count == assessment.entries.count, "every entry of \(assessment.catalog.id)")
            #expect(
                Set(element.child("statusCounts")?.attributes.keys.map { $0 } ?? [])
                    == Set(EntryStatus.allCases.map(\.rawValue))
            )
            for (entry, expected) in zip(entries, assessment.entries) {
                #expect(entry["id"] == expected.entry.id)
                #expect(entry["status"] == expected.status.rawValue)
                #expect(entry["leaf"] == (expected.isLeaf ? "true" : "false"))
                #expect((entry["passShare"] != nil) == (expected.passShare != nil))
                let links = entry.child("links")?.children ?? []
                #expect(links.count == expected.links.count)
                for (link, mapped) in zip(links, expected.links) {
                    #expect(link["control"] == mapped.mapping.controlID)
                    #expect(link["evidence"] == mapped.evidenceSource.rawValue)
                    #expect(link["scope"] == mapped.mapping.scope.rawValue)
                    #expect(link["fail"] == String(mapped.counts.failing))
                }
            }
        }
    }

    /// JSON text for `value`, every non-ASCII or control character escaped as `\uXXXX`.
    static func jsonString(_ value: String) -> String {
        var result = "\""
        for unit in value.utf16 {
            switch unit {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x20..<0x7F: result += String(UnicodeScalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return result + "\""
    }
}
