import CrosswalkTestSupport
import Foundation
import Mustache
import Testing

@testable import CrosswalkCore

/// `crosswalk-summary.md`: the reference files, the template's keys, cutting and escaping.
@Suite struct SummaryMarkdownTests {
    static func render(_ report: GapReport) throws -> String {
        String(
            decoding: try RendererRegistry(templates: ReportTemplates()).render(report, as: .markdownSummary),
            as: UTF8.self
        )
    }

    /// Re-record with `CROSSWALK_RECORD=1 swift test --filter SummaryMarkdownTests` and review the diff.
    @Test(arguments: ["example", "multicloud"])
    func summaryMatchesTheCommittedReference(_ set: String) throws {
        let report =
            set == "example"
            ? try ReferenceReportTests.exampleReport() : try CrosswalkPipeline().run(try MulticloudExample.request())
        let rendered = try Self.render(report)
        let path = "reports/\(set)/\(ReportDocument.markdownSummary.fileName)"
        if ProcessInfo.processInfo.environment["CROSSWALK_RECORD"] == "1" {
            try Data(rendered.utf8).write(to: Fixtures.url(path))
        }
        let expected = String(decoding: try Data(contentsOf: Fixtures.url(path)), as: UTF8.self)
        #expect(rendered == expected, "\(path) is out of date; see SummaryMarkdownTests to re-record")
        #expect(rendered.utf16.count < SummaryView.characterBudget)
    }

    @Test func theSummaryIsAMarkdownDocumentOfItsOwn() throws {
        let registry = try RendererRegistry(templates: ReportTemplates())
        #expect(registry.documents(forFormat: "md").contains(.markdownSummary))
        #expect(ReportDocument.isReportFileName("crosswalk-summary.md"))
    }

    @Test func everyNameTheTemplateUsesIsAKeyOfItsView() throws {
        let view = try SummaryView(try ReferenceReportTests.exampleReport())
        let template = try Fixtures.text("templates/summary.md.mustache")
        #expect(ReportViewTests.unknownNames(in: template, view: view) == [])
    }

    @Test func docsListEveryKey() throws {
        let docs = try Fixtures.text("docs/summary-markdown.md")
        let keys = ReportViewTests.allKeys(of: try SummaryView(try ReferenceReportTests.exampleReport()))
        for key in keys.sorted() {
            #expect(docs.contains("`\(key)`"), "docs/summary-markdown.md lists `\(key)`")
        }
    }

    @Test func eachViewAnswersEveryKeyWithItsProperty() throws {
        // With a previous run, so that `changes` has a value to answer with.
        let view = try SummaryView(try ChangesRenderingTests.reportWithChanges())
        let owners = try #require(view.owners.first)
        let rows: [any TemplateView] = [
            view, try #require(view.frameworks.first), try #require(view.gaps.first), owners,
            try #require(owners.findings.first),
        ]
        for row in rows {
            for child in Mirror(reflecting: row).children {
                let label = try #require(child.label)
                #expect(row.child(named: label) != nil, "\(type(of: row)) answers `\(label)`")
            }
            #expect(row.child(named: "noSuchKey") == nil)
        }
    }

    /// The page lists the report's own grouping by owner: the first owners, worst first, and "no
    /// owner" in the last place; the counts it prints add up to every failing result.
    @Test func theExampleListsTheReportsOwnerGroupsWithCounts() throws {
        let report = try ReferenceReportTests.exampleReport()
        let groups = report.findingsByOwner
        var failing = 0
        for outcome in report.evaluation.outcomes {
            try outcome.forEachFinding { if $0.status == .fail || $0.status == .error { failing += 1 } }
        }
        #expect(groups.reduce(0) { $0 + $1.total } + report.ownerFindingsNotListed == failing)
        let view = try SummaryView(report)
        #expect(view.owners.count == min(groups.count, SummaryView.ownerLimit))
        #expect(view.owners.last?.owner == "no owner")
        let owned = groups.filter { $0.owner != nil }.prefix(SummaryView.ownerLimit - 1)
        #expect(view.owners.dropLast().map(\.owner) == owned.map(\.ownerText))
        let text = try Self.render(report)
        for owner in view.owners {
            #expect(text.contains("### \(MarkdownEscaping.escape(owner.owner)): \(owner.count)"))
            #expect(owner.findings.count <= SummaryView.findingsPerOwner)
        }
    }

    @Test func cuttingKeepsShortTextAndMarksCutText() {
        #expect(SummaryView.cut("team-payments", to: 60) == "team-payments")
        let cut = SummaryView.cut(String(repeating: "é", count: 100), to: 60)
        #expect(cut.unicodeScalars.count == 60)
        #expect(cut.hasSuffix("…"))
        // A letter with many combining marks is one character but many scalars: cut by scalars.
        let stacked = "a" + String(repeating: "\u{301}", count: 500)
        #expect(SummaryView.cut(stacked, to: 60).unicodeScalars.count == 60)
        let middle = SummaryView.cutMiddle(String(repeating: "x", count: 100) + "-owner-42", to: 60)
        #expect(middle.unicodeScalars.count == 60)
        #expect(middle.hasPrefix("xxx") && middle.hasSuffix("-owner-42") && middle.contains("…"))
        #expect(SummaryView.cutMiddle("short", to: 60) == "short")
    }

    @Test func hostileNamesAreEscapedAsInTheFullReport() throws {
        let name = "<script>alert(1)</script> | [x](https://evil.example) `code` # heading"
        let inventory = """
            version: 1
            organization: "Org | <b>"
            identities:
              - id: svc-hostile
                name: "\(name)"
                kind: service-account
                platform: aws
                owner: "team | <img src=x> **bold**"
                environment: production
                status: active
                created: 2024-01-01T00:00:00Z
                authentication: api-key
                credentials:
                  - id: key-1
                    type: api-key
                    created: 2024-01-01T00:00:00Z
                    storage: env-var
            """
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.yaml", bytes: Array(inventory.utf8))],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        let text = try Self.render(report)
        #expect(!text.contains("<script>"))
        #expect(!text.contains("<img"))
        #expect(!text.contains("](https://evil"))
        let rows = try #require(try SummaryView(report).owners.first).findings
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(
                text.contains("| \(MarkdownEscaping.escape(row.subject)) (\(MarkdownEscaping.escape(row.subjectID))) |")
            )
        }
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            #expect(SummaryBoundTests.unescapedPipes(String(line)) == 5, "row keeps its columns: \(line)")
        }
        #expect(text.contains("1 non-human identity on 1 platform."))
        #expect(text.contains("### \(MarkdownEscaping.escape("team | <img src=x> **bold**")):"))
        #expect(text.contains(MarkdownEscaping.escape("Org | <b>")))
    }
}
