import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// The waiver audit and accepted results in the reports, with attacker-controlled text escaped.
struct WaiverRenderingTests {
    static let hostile = "<script>alert(1)</script> | **owned** [x](https://evil.example)"

    static func report() throws -> GapReport {
        try WaiverApplyingTests.report(
            WaiverApplyingTests.waiver("W-1", "CW-LIFE-01", "{id: orphan-1}", justification: hostile)
                + WaiverApplyingTests.waiver("W-2", "CW-LIFE-01", "{id: batch-9}", expires: "2026-10-31")
        )
    }

    /// The bundled example with the example waivers (examples/nightly/waivers.yaml), so that
    /// every waiver row of the templates has a value; at the reference time.
    static func exampleReportWithWaivers() throws -> GapReport {
        var request = CrosswalkPipeline.Request(
            inventoryFiles: [try Fixtures.file("examples/acme/inventory.yaml")],
            policyFile: try Fixtures.file("examples/acme/policy.yaml"),
            now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
        )
        request.waiversFile = try Fixtures.file("examples/nightly/waivers.yaml")
        return try CrosswalkPipeline().run(request)
    }

    @Test func theExampleWaiversMatchTheExamplesFailures() throws {
        let audit = try #require(try Self.exampleReportWithWaivers().waiverAudit)
        #expect(
            audit.entries.map { "\($0.waiver.id) \($0.state.rawValue) \($0.matchCount)" } == [
                "W-001 matched 2", "W-002 expiring-soon 1", "W-003 matched 1", "W-004 expired 0", "W-005 invalid 0",
                "W-006 unused 0",
            ]
        )
    }

    static func text(_ report: GapReport, _ document: ReportDocument) throws -> String {
        String(decoding: try RendererRegistry(templates: ReportTemplates()).render(report, as: document), as: UTF8.self)
    }

    @Test func theMarkdownReportListsTheAuditAndEscapesTheJustification() throws {
        let markdown = try Self.text(try Self.report(), .markdownReport)
        #expect(markdown.contains("## Waivers"))
        #expect(markdown.contains("2 waivers: 1 matched, 1 expired; 1 result accepted."))
        #expect(markdown.contains("| W-2 | CW-LIFE-01 | id batch-9 | expired | 0 | Jane Doe (Security) | 2026-10-31 |"))
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("| **owned**"))
        #expect(markdown.contains("W-1 approved by Jane Doe (Security) until 2026-12-31"))
    }

    @Test func theHTMLReportHasTheAuditSectionAndNoLiveMarkup() throws {
        let html = try Self.text(try Self.report(), .htmlReport)
        #expect(html.contains("<section class=\"major\" id=\"waivers\""))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func theJSONReportCarriesTheAuditAndTheAcceptedEvidenceAndFitsItsSchema() throws {
        let report = try Self.report()
        let data = try RendererRegistry(templates: ReportTemplates()).render(report, as: .jsonReport)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(data)) as? [String: Any])
        let audit = try #require(root["waiver_audit"] as? [[String: Any]])
        #expect(audit.map { $0["id"] as? String } == ["W-1", "W-2"])
        #expect(audit.map { $0["state"] as? String } == ["matched", "expired"])
        #expect(audit[0]["accepted_results"] as? Int == 1)
        #expect(audit[0]["justification"] as? String == Self.hostile)
        #expect(audit[1]["reason"] as? String == "expired on 2026-10-31")
        let inputs = try #require(root["inputs"] as? [[String: Any]])
        #expect(inputs.contains { $0["role"] as? String == "waivers" })
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("W-1 approved by Jane Doe (Security) until 2026-12-31: <script>"))
        let problems = JSONReportSchema.validate(InputFile(path: "crosswalk-report.json", bytes: data))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func withoutAWaiversFileNothingIsAdded() throws {
        let report = try ReferenceReportTests.exampleReport()
        #expect(report.waiverAudit == nil)
        let markdown = try Self.text(report, .markdownReport)
        #expect(!markdown.contains("## Waivers"))
        let json = String(
            decoding: try RendererRegistry(templates: ReportTemplates()).render(report, as: .jsonReport),
            as: UTF8.self
        )
        #expect(!json.contains("waiver_audit"))
    }
}
