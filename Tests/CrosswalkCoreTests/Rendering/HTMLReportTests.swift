import CrosswalkTestSupport
import Foundation
import Testing

@testable import CrosswalkCore

/// The HTML report and executive summary: escaping of attacker-controlled text, the
/// Content-Security-Policy, self-containment, structure, caps and charts.
@Suite struct HTMLReportTests {
    /// Names an attacker could give an identity, an organisation or a catalog.
    static let hostileNames = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\" onmouseover=\"alert(1)\" x='y'",
        "</style><script>alert(2)</script>",
    ]

    /// How each hostile name must appear in the page: as escaped text.
    static let escapedNames = [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(1)&gt;",
        "&quot; onmouseover=&quot;alert(1)&quot; x=&#39;y&#39;",
        "&lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;",
    ]

    /// An inventory of `count` identities without an owner (each fails CW-LIFE-01), the first
    /// ones named with ``hostileNames``, as JSON.
    static func inventory(count: Int = hostileNames.count, organization: String = hostileNames[2]) throws -> String {
        let identities = (0..<count).map { index -> [String: Any] in
            [
                "id": String(format: "nhi-%05d", index),
                "name": index < hostileNames.count ? hostileNames[index] : "identity \(index)",
                "kind": "service-account",
                "platform": "aws",
            ]
        }
        let document: [String: Any] = ["version": 1, "organization": organization, "identities": identities]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func report(identities count: Int = hostileNames.count) throws -> GapReport {
        try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.json", text: try inventory(count: count))],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
    }

    /// The hostile report with a hostile catalog title too, so the charts' labels are attacker text.
    static func hostileReport() throws -> GapReport {
        var report = try report()
        report.frameworks[0].catalog.shortTitle = hostileNames[3]
        report.frameworks[1].catalog.shortTitle = hostileNames[1]
        return report
    }

    static func render(
        _ report: GapReport,
        _ document: ReportDocument,
        templates: ReportTemplates? = nil
    ) throws -> String {
        let renderer = RendererRegistry(templates: try templates ?? ReportTemplates())
        return String(decoding: try renderer.render(report, as: document), as: UTF8.self)
    }

    static let documents: [ReportDocument] = [.htmlReport, .htmlExecutiveSummary]

    /// Every start and end tag of `html` (no value Crosswalk writes contains a raw `<` or `>`).
    static func tags(_ html: String) -> [Substring] {
        html.matches(of: /<[^>]*>/).map(\.output)
    }

    /// The page's HTML without the full report's own inline script (checked on its own, by
    /// ``pageLoadsNothingFromAnywhere(_:)`` and the CSP test): what is left must hold no script.
    static func withoutOwnScript(_ html: String) -> String {
        html.replacingOccurrences(of: "<script>" + HTMLReportScript().text + "</script>", with: "")
    }

    static func styleContent(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<style>"))
        let end = try #require(html.range(of: "</style>", range: start.upperBound..<html.endIndex))
        return String(html[start.upperBound..<end.lowerBound])
    }

    // MARK: - Escaping

    @Test(arguments: documents)
    func hostileNamesAppearOnlyEscaped(_ document: ReportDocument) throws {
        let html = Self.withoutOwnScript(try Self.render(try Self.hostileReport(), document))
        let lowercased = html.lowercased()
        #expect(!lowercased.contains("<script"), "no script element but the report's own")
        #expect(!lowercased.contains("<img"), "no img element")
        #expect(html.components(separatedBy: "</style>").count == 2, "exactly one </style>, the real one")
        for tag in Self.tags(html) {
            #expect(!tag.contains("alert("), "attacker text stays out of tags: \(tag)")
            #expect(!tag.contains("onmouseover") && !tag.contains("onerror"), "no event handler: \(tag)")
        }
        let organization = Self.escapedNames[2]
        #expect(
            html.contains(
                "<title>" + (document == .htmlReport ? "Crosswalk gap report: " : "Executive summary: ") + organization
                    + "</title>"
            )
        )
    }

    @Test func hostileIdentityNamesAppearAsTextInTablesAndCharts() throws {
        let html = try Self.render(try Self.hostileReport(), .htmlReport)
        for escaped in Self.escapedNames {
            #expect(html.contains(escaped), "\(escaped) is in the page")
        }
        let riskChart = try #require(html.firstRange(of: /<svg[^>]*id="chart-risk".*?<\/svg>/.dotMatchesNewlines()))
        let chart = html[riskChart]
        #expect(chart.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; (nhi-00000): risk score 2"))
        #expect(chart.contains(">&lt;img src=x onerror=alert(1)&gt;</text>"))
        let scoreChart = try #require(html.firstRange(of: /<svg[^>]*id="chart-scores".*?<\/svg>/.dotMatchesNewlines()))
        #expect(html[scoreChart].contains("<title>&lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;: score "))
        #expect(
            html[scoreChart].contains(">&lt;/style&gt;&lt;script&gt;alert(2)&lt;/scr…</text>"),
            "long labels are cut before escaping, so no entity is split"
        )
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("a\"b", "a&quot;b"),
        ("it's", "it&#39;s"),
        ("</style>", "&lt;/style&gt;"),
        ("&amp;", "&amp;amp;"),
        ("bell\u{07}nul\u{0}del\u{7F}", "bell\u{FFFD}nul\u{FFFD}del\u{FFFD}"),
        ("rtl\u{202E}txt\u{2066}", "rtl\u{FFFD}txt\u{FFFD}"),
        ("tab\tline\nbreak", "tab\tline\nbreak"),
    ])
    func escapingMakesTextSafeForElementsAndQuotedAttributes(_ input: String, _ expected: String) {
        #expect(HTMLEscaping.escape(input) == expected)
    }

    @Test func svgWriterEscapesAttributeValuesAndText() {
        var writer = HTMLSVGWriter()
        writer.element("text", [("class", "x\" onload=\"alert(1)"), ("data-name", "it's")], text: "</svg><script>")
        #expect(
            writer.output
                == "<text class=\"x&quot; onload=&quot;alert(1)\" data-name=\"it&#39;s\">&lt;/svg&gt;&lt;script&gt;</text>"
        )
    }

    @Test(arguments: [
        ("CW-LOG-01", "control-CW-LOG-01"),
        ("GOVERN 1.6", "control-GOVERN_20_1.6"),
        ("a\"><script>", "control-a_22__3E__3C_script_3E_"),
        ("a_b", "control-a_5F_b"),
    ])
    func anchorsUseOnlySafeCharactersAndStayDistinct(_ id: String, _ expected: String) {
        #expect(HTMLEscaping.anchor("control", id) == expected)
    }

    // MARK: - Content-Security-Policy

    @Test(arguments: documents)
    func contentSecurityPolicyAllowsExactlyTheStyleElement(_ document: ReportDocument) throws {
        let html = try Self.render(try ReferenceReportTests.exampleReport(), document)
        let style = try Self.styleContent(html)
        let hash = "sha256-" + HTMLStylesheet.base64(HTMLStylesheet.sha256(style))
        // The full report also allows its one inline script, by the hash of exactly that text.
        let script = HTMLReportScript()
        let scriptSource = document == .htmlReport ? " script-src '\(script.hashSource)';" : ""
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '\(hash)';\(scriptSource) base-uri 'none'; form-action 'none'\">"
            )
        )
        #expect(script.hashSource == "sha256-" + HTMLStylesheet.base64(HTMLStylesheet.sha256(script.text)))
        let scripts = html.components(separatedBy: "<script").count - 1
        #expect(scripts == (document == .htmlReport ? 1 : 0))
        if document == .htmlReport { #expect(html.contains("<script>" + script.text + "</script>")) }
        #expect(!script.text.contains("eval(") && !script.text.contains("innerHTML") && !script.text.contains("<"))
        #expect(style.contains("@media print"), "a print stylesheet")
        #expect(!html.contains(" style=\""), "no inline style attributes (CSP blocks them)")
    }

    @Test func replacedStylesheetGetsItsOwnHash() throws {
        let css = "body { color: #333333; }\n"
        let templates = try ReportTemplates(overrides: [InputFile(path: "brand/report.css.mustache", text: css)])
        let html = try Self.render(try Self.report(), .htmlReport, templates: templates)
        #expect(try Self.styleContent(html) == css)
        let hash = "sha256-" + HTMLStylesheet.base64(HTMLStylesheet.sha256(css))
        #expect(html.contains("style-src '\(hash)'"))
    }

    @Test func stylesheetThatWouldCloseTheStyleElementIsRejected() throws {
        let templates = try ReportTemplates(overrides: [
            InputFile(path: "brand/report.css.mustache", text: "body {}</STYLE><script>alert(1)</script>")
        ])
        let lines = Fixtures.errorLines { _ = try Self.render(try Self.report(), .htmlReport, templates: templates) }
        #expect(
            lines == [
                "brand/report.css.mustache: error: the stylesheet contains '</style', which would end the <style> element; remove it"
            ]
        )
    }

    @Test(arguments: [
        ("", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
        ("abc", "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="),
    ])
    func hashIsBase64SHA256(_ text: String, _ expected: String) {
        #expect(HTMLStylesheet.base64(HTMLStylesheet.sha256(text)) == expected)
    }

    @Test(arguments: [([UInt8](), ""), ([0x66], "Zg=="), ([0x66, 0x6F], "Zm8="), ([0x66, 0x6F, 0x6F], "Zm9v")])
    func base64PadsLikeRFC4648(_ bytes: [UInt8], _ expected: String) {
        #expect(HTMLStylesheet.base64(bytes) == expected)
    }

    // MARK: - Self-contained

    @Test(arguments: documents)
    func pageLoadsNothingFromAnywhere(_ document: ReportDocument) throws {
        let html = Self.withoutOwnScript(try Self.render(try ReferenceReportTests.exampleReport(), document))
        let lowercased = html.lowercased()
        #expect(!lowercased.contains("src="), "no src attribute")
        for element in ["<script", "<link", "<img", "<iframe", "<object", "<embed", "<base", "<form", "<use"] {
            #expect(!lowercased.contains(element), "no \(element) element")
        }
        let style = try Self.styleContent(html).lowercased()
        #expect(!style.contains("url(") && !style.contains("@import") && !style.contains("//"))
        for tag in Self.tags(html) {
            // Catalog licences and sources name web addresses as text; no tag may point at one.
            #expect(!tag.contains("http:") && !tag.contains("https:") && !tag.contains("//"), "\(tag)")
        }
        let ids = Set(html.matches(of: /\sid="([^"]*)"/).map { String($0.output.1) })
        let fullReport = ReportDocument.htmlReport.fileName
        let fullReportHTML = try Self.render(try ReferenceReportTests.exampleReport(), .htmlReport)
        let fullReportIDs = Set(fullReportHTML.matches(of: /\sid="([^"]*)"/).map { String($0.output.1) })
        for match in html.matches(of: /\shref="([^"]*)"/) {
            var target = String(match.output.1)
            // The executive summary may link to the full report next to it, and to its sections.
            if document == .htmlExecutiveSummary, target.hasPrefix(fullReport) {
                target.removeFirst(fullReport.count)
                if target.isEmpty { continue }
                #expect(fullReportIDs.contains(String(target.dropFirst())), "links into the full report: \(target)")
                continue
            }
            #expect(target.hasPrefix("#"), "links stay in the page: \(target)")
            #expect(ids.contains(String(target.dropFirst())), "link target \(target) exists")
        }
    }

    // MARK: - Structure

    @Test func sectionsFollowTheReportOrder() throws {
        let report = try ReferenceReportTests.exampleReport()
        let html = try Self.render(report, .htmlReport)
        var ids = [
            "top", "summary", "chart-scores", "chart-status", "key-figures", "top-gaps", "riskiest-identities",
            "frameworks",
        ]
        ids += report.frameworks.map { HTMLEscaping.anchor("framework", $0.catalog.id) }
        ids += ["controls", "chart-results"]
        ids += report.evaluation.outcomes.map { HTMLEscaping.anchor("control", $0.definition.id) }
        ids += ["methodology", "provenance"]
        let positions = try ids.map { id in
            try #require(html.range(of: " id=\"\(id)\"")?.lowerBound, "section \(id) is present")
        }
        #expect(positions == positions.sorted(), "sections in order: \(ids)")
        let executive = try Self.render(report, .htmlExecutiveSummary)
        let headings = try [
            "<h2 id=\"stand-title\">Where we stand</h2>", "<h2 id=\"figures-title\">Key figures</h2>",
            "<h2 id=\"matters-title\">What matters most</h2>",
        ]
        .map { try #require(executive.range(of: $0)?.lowerBound, "\($0) is present") }
        #expect(headings == headings.sorted())
    }

    @Test(arguments: documents)
    func everyHeaderCellHasAScopeAndEveryStatusAWord(_ document: ReportDocument) throws {
        let html = try Self.render(try ReferenceReportTests.exampleReport(), document)
        for tag in Self.tags(html) where tag.hasPrefix("<th") && !tag.hasPrefix("<thead") {
            #expect(tag.contains("scope=\"col\"") || tag.contains("scope=\"row\""), "\(tag)")
        }
        for match in html.matches(of: /<span class="(?:status|sev|posture) [^"]*">([^<]*)<\/span>/) {
            #expect(match.output.1.contains { $0.isLetter }, "status shown in words, not colour alone")
        }
    }

    @Test func reportCarriesTheMarkdownFacts() throws {
        let report = try ReferenceReportTests.exampleReport()
        let html = try Self.render(report, .htmlReport)
        for framework in report.frameworks {
            let score = try #require(framework.score)
            #expect(
                html.contains(
                    "<strong>\(score.percentText)</strong> <span class=\"detail\">(\(FrameworkScore.twoDecimals(score.earned)) of \(FrameworkScore.twoDecimals(score.possible)))</span>"
                )
            )
        }
        for gap in report.topGaps { #expect(html.contains(HTMLEscaping.escape(gap.control.remediation))) }
        for input in report.metadata.inputs { #expect(html.contains(input.sha256)) }
        for catalog in report.library.catalogs { #expect(html.contains(HTMLEscaping.escape(catalog.version))) }
        for identity in report.riskiestIdentities { #expect(html.contains(HTMLEscaping.escape(identity.name))) }
        #expect(html.contains("97%</span> <span class=\"figure-text\">of identities have an accountable owner"))
    }

    @Test func executiveSummaryGivesPostureSentencesAndAtMostFiveGaps() throws {
        let report = try ReferenceReportTests.exampleReport()
        let html = try Self.render(report, .htmlExecutiveSummary)
        for framework in report.frameworks {
            #expect(html.contains(HTMLEscaping.escape(ReportText.postureSentence(framework))))
        }
        let gaps = html.matches(of: /<p class="gap-fix">/).count
        #expect(gaps == min(5, report.topGaps.count) && gaps >= 3)
        #expect(html.contains("id=\"chart-scores\""))
        #expect(!html.contains("<table"), "plain language, no tables")
    }

    // MARK: - Caps and scale

    @Test func failingSubjectsAreCappedWithAPointerToTheFullData() throws {
        let html = try Self.render(try Self.report(identities: 130), .htmlReport)
        let start = try #require(html.range(of: "<article class=\"control\" id=\"control-CW-LIFE-01\""))
        let end = try #require(html.range(of: "</article>", range: start.upperBound..<html.endIndex))
        let article = html[start.lowerBound..<end.upperBound]
        let findings = try #require(article.range(of: "<table class=\"findings\">"))
        let rows = article[findings.lowerBound...].matches(
            of: /<tr data-status="[a-z-]+" data-owner="[^"]*"><th scope="row">/
        ).count
        #expect(rows == ControlSection.findingLimit)
        #expect(
            article.contains(
                "…and 80 more results that are not passes, not listed here to keep this page small; crosswalk-report.xml and crosswalk-report.json list every one."
            )
        )
        let risky = try #require(html.range(of: "<table class=\"risky\">"))
        let riskyEnd = try #require(html.range(of: "</table>", range: risky.upperBound..<html.endIndex))
        #expect(
            html[risky.lowerBound..<riskyEnd.lowerBound].matches(of: /<tr data-owner="[^"]*"><td class="num">/).count
                == 10
        )
    }

    @Test func pageSizeDoesNotGrowWithTheInventory() throws {
        let small = try Self.render(try Self.report(identities: 200), .htmlReport).utf8.count
        let large = try Self.render(try Self.report(identities: 2_000), .htmlReport).utf8.count
        #expect(large - small < 2_000, "only counts change: \(small) → \(large) bytes")
        #expect(large < 5_000_000)
    }

    // MARK: - Charts

    @Test func chartsAreInlineSVGWithTitlesAndLabels() throws {
        let html = try Self.render(try ReferenceReportTests.exampleReport(), .htmlReport)
        let charts = html.matches(of: /<svg class="chart" id="([^"]*)" role="img" aria-labelledby="([^"]*)"/)
        let ids = charts.map { String($0.output.1) }
        #expect(Array(ids.prefix(3)) == ["chart-scores", "chart-status", "chart-risk"])
        #expect(ids.contains("chart-results"))
        #expect(ids.count == 4 + 6, "four report charts and a status bar per framework")
        for chart in charts {
            #expect(chart.output.2 == "\(chart.output.1)-title \(chart.output.1)-desc")
            #expect(html.contains("<title id=\"\(chart.output.1)-title\">"))
        }
        #expect(html.contains(">81%</text>"), "score labels are text")
        #expect(
            html.contains(
                "<title>OWASP NHI Top 10 2025: score 81% (478.58 of 591.00), coverage 100% (10 of 10 entries)</title>"
            )
        )
    }

    @Test(arguments: [(12.0, "12"), (12.25, "12.3"), (0.04, "0"), (-0.26, "-0.3"), (380 * 0.3775, "143.5")])
    func chartNumbersHaveOneFixedDecimal(_ value: Double, _ expected: String) {
        #expect(HTMLSVGWriter.number(value) == expected)
    }

    @Test func renderingIsDeterministic() throws {
        for document in Self.documents {
            let first = try Self.render(try Self.hostileReport(), document)
            let second = try Self.render(try Self.hostileReport(), document)
            #expect(first == second, "\(document)")
        }
    }
}
