import CrosswalkTestSupport
import Foundation
import Testing

@testable import CrosswalkCore

/// The "since the previous run" part: every human report shows it when the report carries
/// ``RunChanges`` (and nothing when it does not), with attacker-controlled owners and subjects
/// escaped, and the JSON report carries it in a shape its schema accepts.
@Suite struct ChangesRenderingTests {
    static let hostileOwner = "<img src=x onerror=alert(1)>|team*"
    static let hostileSubject = "svc-<b>bold</b>|pipe"

    /// The example report with changes against a run of the day before (``SampleChanges``).
    static func reportWithChanges(newFailures: Int = 1) throws -> GapReport {
        var report = try ReferenceReportTests.exampleReport()
        report.changes = try SampleChanges.make(
            for: report,
            newFailures: newFailures,
            hostileOwner: hostileOwner,
            hostileSubject: hostileSubject
        )
        return report
    }

    static func text(_ report: GapReport, _ document: ReportDocument) throws -> String {
        String(decoding: try RendererRegistry(templates: ReportTemplates()).render(report, as: document), as: UTF8.self)
    }

    @Test func theFullMarkdownReportListsWhatChangedWithEscapedText() throws {
        let markdown = try Self.text(try Self.reportWithChanges(), .markdownReport)
        #expect(markdown.contains("## Since the previous run"))
        #expect(
            markdown.contains(
                "Compared with the run of 31 October 2026, 00:00 UTC (20261031T000000Z): 1 new failure, 1 resolved, 1 returned; 7 still failing."
            )
        )
        #expect(markdown.contains("**New failures (1)**"))
        #expect(markdown.contains("| Medium | 1 finding | 1.5 days |") || markdown.contains("| 1 finding | 1.5 days |"))
        #expect(markdown.contains("| 30 October 2026 |"))
        // The pipe and the markup in the owner and subject cannot break the table or inject HTML.
        #expect(!markdown.contains(Self.hostileOwner))
        #expect(!markdown.contains(Self.hostileSubject))
        #expect(!markdown.contains("<img"))
    }

    @Test func theSectionIsAbsentWithoutAPreviousRun() throws {
        let report = try ReferenceReportTests.exampleReport()
        for document in [ReportDocument.markdownReport, .htmlReport, .markdownExecutiveSummary, .htmlExecutiveSummary] {
            let text = try Self.text(report, document)
            #expect(
                !text.contains("Since the previous run") && !text.contains("Since 31 October"),
                "\(document.fileName)"
            )
        }
    }

    @Test func theHTMLReportDrawsTheTrendAndEscapesEveryName() throws {
        let report = try Self.reportWithChanges()
        let html = try Self.text(report, .htmlReport)
        #expect(html.contains("<section class=\"major\" id=\"changes\""))
        #expect(html.contains("<svg class=\"chart\" id=\"trend-chart\""))
        let lines = html.components(separatedBy: "<polyline").count - 1
        #expect(lines == report.frameworks.filter { $0.score != nil }.count)
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("<b>bold</b>"))
    }

    @Test func bothExecutiveSummariesAndTheShortSummaryNameTheChangeInOneLine() throws {
        let report = try Self.reportWithChanges()
        for document in [ReportDocument.markdownExecutiveSummary, .markdownSummary] {
            let text = try Self.text(report, document)
            #expect(
                text.contains("**Since 31 October 2026, 00:00 UTC:** 1 new failure, 1 resolved, 1 returned."),
                "\(document.fileName)"
            )
        }
        let html = try Self.text(report, .htmlExecutiveSummary)
        #expect(
            html.contains("<strong>Since 31 October 2026, 00:00 UTC:</strong> 1 new failure, 1 resolved, 1 returned.")
        )
        #expect(html.contains("href=\"crosswalk-report.html#changes\""))
    }

    @Test func longListsAreCutWithACountOfTheRest() throws {
        let report = try Self.reportWithChanges(newFailures: 250)
        let markdown = try Self.text(report, .markdownReport)
        #expect(markdown.contains("**New failures (250)**"))
        #expect(markdown.contains("…and 240 more; `crosswalk diff` lists every one."))
        let json = try Self.text(report, .jsonReport)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let changes = try #require(object["changes"] as? [String: Any])
        #expect(changes["new_failures_count"] as? Int == 250)
        #expect((changes["new_failures"] as? [Any])?.count == RunChanges.listLimit)
    }

    @Test func theJSONReportWithChangesMatchesItsSchema() throws {
        let json = try Self.text(try Self.reportWithChanges(), .jsonReport)
        let file = InputFile(path: "crosswalk-report.json", text: json)
        #expect(JSONReportSchema.validate(file).map(\.description) == [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let changes = try #require(object["changes"] as? [String: Any])
        #expect(changes["previous_run"] as? String == "20261031T000000Z")
        #expect((changes["trend"] as? [Any])?.count == 3)
        let first = try #require((changes["new_failures"] as? [[String: Any]])?.first)
        #expect(first["owner"] as? String == Self.hostileOwner)
    }

    @Test(arguments: ["changes.md", "changes-brief.md", "changes.html", "changes-brief.html"])
    func everyNameAChangesPartialUsesIsAKeyOfItsView(_ name: String) throws {
        let report = try Self.reportWithChanges()
        let view = name.hasSuffix(".html") ? try ReportViewTests.htmlView(report) : ReportView(report)
        let template = try Fixtures.text("templates/\(name).mustache")
        #expect(ReportViewTests.unknownNames(in: template, view: view) == [])
    }

    @Test func docsListEveryKeyOfTheChangesViews() throws {
        let docs = try Fixtures.text("docs/templates.md")
        let view = try ReportViewTests.htmlView(try Self.reportWithChanges())
        for key in ReportViewTests.allKeys(of: try #require(view.changes)).sorted() {
            #expect(docs.contains("`\(key)`"), "docs/templates.md lists `\(key)`")
        }
    }
}
