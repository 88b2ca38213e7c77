import CrosswalkCore
import CrosswalkTestSupport
import CrosswalkXML
import Foundation
import Testing

/// The JSON and XML reports come from one export model: parsed back, they carry the same results
/// (control, subject, status, sentence rebuilt from its template, evidence) and the same counts.
@Suite struct ExportParityTests {
    /// One result, as a reader of either format rebuilds it.
    struct Fact: Hashable {
        var control: String
        var subject: String
        var status: String
        var identity: String?
        var message: String
        var evidence: [String]
        /// The stable finding id.
        var id = ""
    }

    static func jsonFacts(_ bytes: [UInt8]) throws -> (facts: [Fact], counts: [String: [String: Int]]) {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let rows = root["identities"] as? [[String: Any]] ?? []
        let identities = rows.map {
            "\($0["id"] as? String ?? "") \($0["name"] as? String ?? "") \($0["owner"] as? String ?? "-")"
        }
        var facts: [Fact] = []
        var counts: [String: [String: Int]] = [:]
        for control in root["controls"] as? [[String: Any]] ?? [] {
            let id = control["id"] as? String ?? ""
            counts[id] = control["counts"] as? [String: Int]
            let templates = (control["message_templates"] as? [[String: Any]] ?? []).map {
                $0["pattern"] as? String ?? ""
            }
            let evidence = control["evidence_templates"] as? [[String: Any]] ?? []
            for result in control["results"] as? [[String: Any]] ?? [] {
                let observations = (result["evidence"] as? [[String: Any]] ?? []).map { observation in
                    let row = evidence[observation["template"] as? Int ?? 0]
                    return "\(row["field"] ?? "") | \(observation["observed"] ?? "") | \(row["expected"] ?? "")"
                }
                facts.append(
                    Fact(
                        control: id,
                        subject: ExportedSubject.rebuild(
                            subject: result["subject"] as? String,
                            identityID: (result["identity"] as? Int).flatMap { rows[$0]["id"] as? String },
                            credential: result["credential"] as? String
                        ) ?? "",
                        status: result["status"] as? String ?? "",
                        identity: (result["identity"] as? Int).map { identities[$0] },
                        message: ExportedMessage.rebuild(
                            templates[result["message"] as? Int ?? 0],
                            result["values"] as? [String] ?? []
                        ),
                        evidence: observations,
                        id: result["id"] as? String ?? ""
                    )
                )
            }
        }
        return (facts, counts)
    }

    static func xmlFacts(_ bytes: [UInt8]) throws -> (facts: [Fact], counts: [String: [String: Int]]) {
        let document = try ParsedXML(bytes)
        let rows = document.root.child("identities")?.children ?? []
        let identities = rows.map {
            "\($0["id"] ?? "") \($0.child("name")?.text ?? "") \($0.child("owner")?.text ?? "-")"
        }
        var facts: [Fact] = []
        var counts: [String: [String: Int]] = [:]
        for control in document.root.child("controls")?.children ?? [] {
            let id = control["id"] ?? ""
            // XML names a count attribute by the status (`not-applicable`); JSON in snake case.
            let attributes = (control.child("counts")?.attributes ?? [:]).compactMapValues(Int.init)
            counts[id] = Dictionary(
                uniqueKeysWithValues: attributes.map { (String($0.key.map { $0 == "-" ? "_" : $0 }), $0.value) }
            )
            let templates = (control.child("messageTemplates")?.children ?? []).map { $0.child("pattern")?.text ?? "" }
            let evidence = control.child("evidenceTemplates")?.children ?? []
            for result in control.child("results")?.children ?? [] {
                let observations = result.children.filter { $0.name == "observation" }.map { observation in
                    let row = evidence[Int(observation["template"] ?? "") ?? 0]
                    let observed = observation["observed"] ?? ""
                    return "\(row["field"] ?? "") | \(observed) | \(row.child("expected")?.text ?? "")"
                }
                facts.append(
                    Fact(
                        control: id,
                        subject: ExportedSubject.rebuild(
                            subject: result["subject"],
                            identityID: result["identity"].flatMap(Int.init).flatMap { rows[$0]["id"] },
                            credential: result["credential"]
                        ) ?? "",
                        status: result["status"] ?? "",
                        identity: result["identity"].flatMap(Int.init).map { identities[$0] },
                        message: ExportedMessage.rebuild(
                            templates[Int(result["message"] ?? "") ?? 0],
                            result.children.filter { $0.name == "value" }.map(\.text)
                        ),
                        evidence: observations,
                        id: result["id"] ?? ""
                    )
                )
            }
        }
        return (facts, counts)
    }

    @Test func jsonAndXMLCarryTheSameResultsAndCounts() throws {
        let report = try XMLReferenceReportTests.exampleReport()
        let json = try Self.jsonFacts(try JSONReportRenderer().render(report))
        let xml = try Self.xmlFacts(try XMLReportRenderer().render(report))
        #expect(json.facts.count == report.evaluation.outcomes.reduce(0) { $0 + $1.findingCount })
        #expect(json.facts == xml.facts)
        #expect(json.counts == xml.counts)
        #expect(
            json.facts.allSatisfy { $0.id.hasPrefix("CW-") },
            "every result has its finding id"
        )
        var expected: [String] = []
        for outcome in report.evaluation.outcomes {
            try outcome.forEachFinding {
                expected.append("\(outcome.definition.id) \($0.subject.id) \($0.message.text)")
            }
        }
        #expect(json.facts.map { "\($0.control) \($0.subject) \($0.message)" } == expected)
    }

    @Test func hostileNamesAndMessagesCarryTheSameFactsInBothFormats() throws {
        let identities = XMLReportRendererTests.hostileNames.enumerated().map { index, hostile in
            #"{"id": "hostile-\#(index)", "kind": "agent", "name": \#(XMLReportRendererTests.jsonString(hostile.name)), "owner": \#(XMLReportRendererTests.jsonString(hostile.name)), "tools": [\#(XMLReportRendererTests.jsonString(hostile.name))]}"#
        }
        let inventory = #"{"version": 1, "identities": [\#(identities.joined(separator: ", "))]}"#
        let report = try XMLReportRendererTests.report(inventoryJSON: inventory)
        let jsonBytes = try JSONReportRenderer().render(report)
        let xmlBytes = try XMLReportRenderer().render(report)
        #expect(
            try XMLSchemaValidator.crosswalkReport().validate(xmlBytes, file: "hostile.xml").map(\.description) == []
        )
        let json = try Self.jsonFacts(jsonBytes)
        let xml = try Self.xmlFacts(xmlBytes)
        /// XML replaces the characters XML 1.0 forbids with U+FFFD; JSON keeps them.
        func replacingForbidden(_ text: String) -> String {
            String(
                String.UnicodeScalarView(
                    text.unicodeScalars.map {
                        ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) || $0.value == 0xFFFE
                            ? "\u{FFFD}" : $0
                    }
                )
            )
        }
        let sanitized = json.facts.map {
            Fact(
                control: $0.control,
                subject: replacingForbidden($0.subject),
                status: $0.status,
                identity: $0.identity.map(replacingForbidden),
                message: replacingForbidden($0.message),
                evidence: $0.evidence.map(replacingForbidden),
                id: $0.id
            )
        }
        #expect(sanitized == xml.facts)
        // The identity string holds the owner: hostile owners take the same path as hostile names.
        #expect(json.facts.contains { $0.identity?.contains("<script>") == true }, "hostile names are in the table")
        let xmlText = String(decoding: xmlBytes, as: UTF8.self)
        #expect(!xmlText.contains("<script>"))
    }
}
