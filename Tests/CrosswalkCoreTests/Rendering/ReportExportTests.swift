import CrosswalkTestSupport
import Foundation
import Testing

@testable import CrosswalkCore

/// The JSON export of the example: messages stated once per control and rebuilt exactly, the
/// identity table, and determinism.
@Suite struct ReportExportTests {
    static func json(_ report: GapReport) throws -> [String: Any] {
        let bytes = try JSONReportRenderer().render(report)
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func messageTemplatesSplitIntoLiteralsAndNamedGaps() {
        let template = MessageTemplate("Secret last rotated {days} days ago; policy allows {limit}.")
        #expect(template.slots == ["days", "limit"])
        #expect(template.literals == ["Secret last rotated ", " days ago; policy allows ", "."])
        #expect(template("95", "90").text == "Secret last rotated 95 days ago; policy allows 90.")
        #expect(MessageTemplate("No gaps.")().text == "No gaps.")
        #expect(ResultMessage(verbatim: "a {b} c").text == "a (b) c")
    }

    @Test func aPolicyGapReadsTheSameAndIsStatedOnceInTheExportedPattern() {
        let template = MessageTemplate("Secret last rotated {days} days ago; policy allows {=limit}.")
        #expect(template.slots == ["days", "limit"])
        #expect(template.isPolicyGap == [false, true])
        #expect(template("95", "90").text == "Secret last rotated 95 days ago; policy allows 90.")
        let bound = BoundMessageTemplate(template("95", "90"))
        #expect(bound.pattern == "Secret last rotated {days} days ago; policy allows 90.")
        #expect(bound.slots == ["days"])
        #expect(bound.policyValues == ["90"])
        #expect(bound == BoundMessageTemplate(template("120", "90")), "the subject's value does not matter")
        #expect(bound != BoundMessageTemplate(template("95", "30")), "another policy value is another template")
    }

    @Test func everyResultRebuildsTheSentenceTheMarkdownReportShows() throws {
        let report = try ReferenceReportTests.exampleReport()
        let root = try Self.json(report)
        let markdown = String(
            decoding: try RendererRegistry(templates: ReportTemplates()).render(report, as: .markdownReport),
            as: UTF8.self
        )
        let controls = try #require(root["controls"] as? [[String: Any]])
        #expect(controls.count == report.evaluation.outcomes.count)
        var checked = 0
        for (control, outcome) in zip(controls, report.evaluation.outcomes) {
            let templates = try #require(control["message_templates"] as? [[String: Any]])
            let evidenceTemplates = try #require(control["evidence_templates"] as? [[String: Any]])
            let results = try #require(control["results"] as? [[String: Any]])
            #expect(results.count == outcome.findingCount)
            #expect(Set(templates.compactMap { $0["pattern"] as? String }).count == templates.count)
            for (result, finding) in zip(results, try Self.everyFinding(outcome)) {
                let index = try #require(result["message"] as? Int)
                let template = try #require(templates[index]["pattern"] as? String)
                let rebuilt = ExportedMessage.rebuild(template, result["values"] as? [String] ?? [])
                #expect(rebuilt == finding.message.text)
                #expect(markdown.contains(MarkdownEscaping.escape(rebuilt)), "\(outcome.definition.id): \(rebuilt)")
                let evidence = try #require(result["evidence"] as? [[String: Any]])
                #expect(evidence.count == finding.evidence.count)
                for (observation, expected) in zip(evidence, finding.evidence) {
                    let templateIndex = try #require(observation["template"] as? Int)
                    let row = evidenceTemplates[templateIndex]
                    #expect(row["field"] as? String == expected.field)
                    #expect(row["expected"] as? String == expected.expected)
                    #expect(observation["observed"] as? String == expected.observed)
                }
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    /// Every finding of a control in the order the exporter writes them (the run's spool).
    static func everyFinding(_ outcome: ControlOutcome) throws -> [Finding] {
        var findings: [Finding] = []
        try outcome.forEachFinding { findings.append($0) }
        return findings
    }

    @Test func resultsReferToTheIdentityTableForNamesAndOwners() throws {
        let report = try ReferenceReportTests.exampleReport()
        let root = try Self.json(report)
        let identities = try #require(root["identities"] as? [[String: Any]])
        #expect(Set(identities.compactMap { $0["id"] as? String }).count == identities.count, "each identity once")
        let controls = try #require(root["controls"] as? [[String: Any]])
        for (control, outcome) in zip(controls, report.evaluation.outcomes) {
            let results = try #require(control["results"] as? [[String: Any]])
            for (result, finding) in zip(results, try Self.everyFinding(outcome)) {
                let rebuilt = ExportedSubject.rebuild(
                    subject: result["subject"] as? String,
                    identityID: (result["identity"] as? Int).flatMap { identities[$0]["id"] as? String },
                    credential: result["credential"] as? String
                )
                #expect(rebuilt == finding.subject.id)
                if finding.subject.kind == .identity || finding.subject.kind == .credential {
                    #expect(result["subject"] == nil, "\(finding.subject.id): its identity row gives the subject")
                }
                let kind = result["kind"] as? String ?? control["subject_kind"] as? String
                #expect(kind == finding.subject.kind.rawValue)
                guard let identityID = finding.subject.identityID else {
                    #expect(result["identity"] == nil)
                    continue
                }
                let rowIndex = try #require(result["identity"] as? Int)
                let row = identities[rowIndex]
                #expect(row["id"] as? String == identityID)
                let identity = try #require(report.identities.identities.first { $0.id == identityID })
                #expect(row["owner"] as? String == identity.owner)
                #expect(row["name"] as? String == identity.name)
                if result["name"] == nil {
                    let name = row["name"] as? String ?? ""
                    let derived =
                        finding.subject.kind == .identity
                        ? name : "\(finding.subject.id.dropFirst(identityID.count + 1)) (\(name))"
                    #expect(derived == finding.subject.name)
                } else {
                    #expect(result["name"] as? String == finding.subject.name)
                }
            }
        }
    }

    @Test func renderingTwiceGivesIdenticalBytesAndPrettyCarriesTheSameFacts() throws {
        let report = try ReferenceReportTests.exampleReport()
        let compact = try JSONReportRenderer().render(report)
        #expect(try JSONReportRenderer().render(report) == compact)
        let pretty = try JSONReportRenderer(pretty: true).render(report)
        #expect(pretty.count > compact.count)
        let a = try JSONSerialization.jsonObject(with: Data(compact)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(pretty)) as? NSDictionary
        #expect(a != nil && a == b)
    }

    /// The example's report with every outcome's findings held in memory instead of the run's
    /// spool, each subject changed by `change`.
    static func inMemory(_ report: GapReport, _ change: (inout SubjectReference) -> Void) throws -> GapReport {
        var copy = report
        for index in copy.evaluation.outcomes.indices {
            var outcome = copy.evaluation.outcomes[index]
            var findings = try everyFinding(outcome)
            for finding in findings.indices { change(&findings[finding].subject) }
            outcome.findings = findings
            outcome.spool = nil
            copy.evaluation.outcomes[index] = outcome
        }
        return copy
    }

    /// Results copied in place from the spool, with subjects the evaluate stage built from their
    /// identities, export exactly as findings held in memory whose subjects are compared with the
    /// identity table text by text.
    @Test func subjectsTakenFromTheIdentityTableExportAsSubjectsComparedWithIt() throws {
        let report = try ReferenceReportTests.exampleReport()
        let spooled = report.evaluation.outcomes.flatMap { outcome in (try? Self.everyFinding(outcome)) ?? [] }
        #expect(spooled.contains { $0.subject.copiesItsIdentity }, "the run marks subjects built from identities")
        let compared = try Self.inMemory(report) { $0.copiesItsIdentity = false }
        #expect(try JSONReportRenderer().render(compared) == JSONReportRenderer().render(report))
    }

    /// A subject changed after it was built from its identity no longer takes its name from the
    /// identity table.
    @Test func aSubjectRenamedAfterItWasBuiltKeepsItsOwnName() throws {
        let report = try ReferenceReportTests.exampleReport()
        let renamed = try Self.inMemory(report) { subject in
            if subject.kind == .identity, subject.copiesItsIdentity { subject.storedName = "Renamed <\(subject.id)>" }
        }
        let root = try Self.json(renamed)
        let controls = try #require(root["controls"] as? [[String: Any]])
        let results = controls.flatMap { $0["results"] as? [[String: Any]] ?? [] }
        let names = results.compactMap { $0["name"] as? String }.filter { $0.hasPrefix("Renamed <") }
        #expect(names.count > 10)
    }
}
