import CrosswalkTestSupport
import Foundation
import Mustache
import Testing

@testable import CrosswalkCore

/// The typed views templates receive: every key a bundled template uses exists where the
/// template uses it, docs/templates.md lists every key, and rows link by id, not by title.
@Suite struct ReportViewTests {
    /// The stored properties of `value`: the keys swift-mustache finds in it.
    static func keys(of value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label)
    }

    /// The value under `key` in `value`, unwrapped when optional; `.some(nil)` for a declared key
    /// whose value is absent, `nil` for an unknown key.
    static func child(_ key: String, of value: Any) -> Any?? {
        guard let child = Mirror(reflecting: value).children.first(where: { $0.label == key })?.value else {
            return nil
        }
        let mirror = Mirror(reflecting: child)
        guard mirror.displayStyle == .optional else { return .some(child) }
        return .some(mirror.children.first?.value)
    }

    /// Every key in `value` and, recursively, in its rows and nested views.
    static func allKeys(of value: Any) -> Set<String> {
        var keys: Set<String> = []
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            keys.insert(label)
            let element = (child.value as? [Any])?.first ?? child.value
            if element is any TemplateView { keys.formUnion(allKeys(of: element)) }
        }
        return keys
    }

    /// The names `template` uses that its view does not declare where they are used, following
    /// sections the way Mustache does: a list section looks inside its first row, a `Bool`
    /// section inside nothing new, a nested view inside itself; a name is looked up from the
    /// innermost section outwards.
    static func unknownNames(in template: String, view: Any) -> [String] {
        var stack: [Any?] = [view]
        var unknown: [String] = []
        func lookup(_ name: String) -> Any?? {
            for frame in stack.reversed() {
                guard let frame else { continue }
                if let found = child(name, of: frame) { return found }
            }
            return nil
        }
        for tag in MustacheTagScanner.tags(in: template) {
            switch tag.kind {
            case .variable, .unescapedVariable:
                if tag.name != ".", lookup(tag.name) == nil { unknown.append(tag.name) }
            case .sectionStart:
                guard let found = lookup(tag.name) else {
                    unknown.append(tag.name)
                    stack.append(nil)
                    continue
                }
                if let rows = found as? [Any] {
                    stack.append(rows.first)
                } else if found is Bool || found is String {
                    stack.append(nil)
                } else {
                    stack.append(found)
                }
            case .sectionEnd:
                stack.removeLast()
            default:
                break
            }
        }
        return unknown
    }

    static func htmlView(_ report: GapReport) throws -> ReportView {
        ReportView(report, page: try HTMLPageAssets(report: report, templates: ReportTemplates()))
    }

    @Test(arguments: ["report.md", "executive-summary.md", "report.html", "executive-summary.html"])
    func everyNameABundledReportTemplateUsesIsAKeyOfItsView(_ name: String) throws {
        let report = try WaiverRenderingTests.exampleReportWithWaivers()
        let view = name.hasSuffix(".html") ? try Self.htmlView(report) : ReportView(report)
        let template = try Fixtures.text("templates/\(name).mustache")
        #expect(Self.unknownNames(in: template, view: view) == [])
    }

    @Test func everyNameTheControlReferenceUsesIsAKeyOfItsView() throws {
        let report = try ReferenceReportTests.exampleReport()
        let view = ControlReferenceView(
            toolVersion: "0",
            controls: report.evaluation.outcomes.map(\.definition),
            library: report.library
        )
        let template = try Fixtures.text("templates/controls.md.mustache")
        #expect(Self.unknownNames(in: template, view: view) == [])
    }

    @Test func theCheckFindsANameNoViewHas() throws {
        let view = ReportView(try ReferenceReportTests.exampleReport())
        let unknown = Self.unknownNames(
            in: "{{#controls}}{{#findings}}{{subject}}{{statusLabel}}{{fullData}}{{/findings}}{{/controls}}{{nope}}",
            view: view
        )
        #expect(unknown == ["statusLabel", "nope"])
    }

    @Test func docsListEveryKey() throws {
        let report = try WaiverRenderingTests.exampleReportWithWaivers()
        let docs = try Fixtures.text("docs/templates.md")
        let reference = ControlReferenceView(
            toolVersion: "0",
            controls: report.evaluation.outcomes.map(\.definition),
            library: report.library
        )
        let keys = Self.allKeys(of: try Self.htmlView(report)).union(Self.allKeys(of: reference))
        #expect(keys.count > 100)
        for key in keys.sorted() {
            #expect(docs.contains("`\(key)`"), "docs/templates.md lists `\(key)`")
        }
    }

    /// Every view, and every row of every list in it, once per type.
    static func viewsByType(_ value: any TemplateView, into views: inout [String: any TemplateView]) {
        views[String(describing: type(of: value))] = value
        for child in Mirror(reflecting: value).children {
            let elements = (child.value as? [Any]) ?? [child.value]
            for case let view as any TemplateView in elements.prefix(1) { viewsByType(view, into: &views) }
        }
    }

    /// Templates read keys through `child(named:)`: it must give each stored property under its own
    /// name, so that it says exactly what the keys above say.
    @Test func eachViewAnswersEveryKeyWithItsProperty() throws {
        let report = try WaiverRenderingTests.exampleReportWithWaivers()
        var views: [String: any TemplateView] = [:]
        Self.viewsByType(try Self.htmlView(report), into: &views)
        Self.viewsByType(
            ControlReferenceView(
                toolVersion: "0",
                controls: report.evaluation.outcomes.map(\.definition),
                library: report.library
            ),
            into: &views
        )
        #expect(views.count == 22, "\(views.keys.sorted())")
        for (name, view) in views {
            for key in Self.keys(of: view) {
                let reflected = try #require(Self.child(key, of: view), "\(name).\(key)")
                let answered = view.child(named: key)
                #expect(String(describing: reflected) == String(describing: answered), "\(name).\(key)")
            }
            #expect(view.child(named: "noSuchKey") == nil, "\(name)")
        }
    }

    @Test func markdownGetsTheFactsWithoutStylesheetsOrCharts() throws {
        let report = try ReferenceReportTests.exampleReport()
        let markdown = ReportView(report)
        let html = try Self.htmlView(report)
        #expect(markdown.reportStylesheet == nil && markdown.scoreChart == nil && markdown.heatMap == nil)
        #expect(markdown.frameworks.allSatisfy { $0.statusChart == nil })
        #expect(html.reportStylesheet != nil && html.heatMap != nil)
        #expect(html.frameworks.allSatisfy { $0.statusChart?.hasPrefix("<svg") == true })
        #expect(Self.keys(of: markdown) == Self.keys(of: html), "one set of keys for both formats")
        // An absent value renders as nothing, and a section over it is skipped.
        let templates = try ReportTemplates(overrides: [
            InputFile(path: "brand/report.md.mustache", text: "[{{{scoreChart}}}]{{#heatMap}}x{{/heatMap}}")
        ])
        let text = String(
            decoding: try RendererRegistry(templates: templates).render(report, as: .markdownReport),
            as: UTF8.self
        )
        #expect(text == "[]")
    }

    @Test func listsAreCutAtTheirLimits() throws {
        let report = try HTMLReportTests.report(identities: 130)
        let view = ReportView(report)
        let owners = try #require(view.controls.first { $0.id == "CW-LIFE-01" })
        #expect(owners.findings.count == ControlSection.findingLimit)
        #expect(owners.hasMoreFindings && owners.moreFindings == "80")
        #expect(view.criticalFindings.count <= ReportView.criticalFindingLimit)
        #expect(view.executiveGaps.count == min(GapRanking.executiveCount, view.topGaps.count))
    }

    /// A user catalog may reuse a bundled catalog's short title; its rows still link to its own
    /// section (defect D4: the link was found by short title).
    @Test func entryRowsNameTheirOwnFrameworkWhenShortTitlesCollide() throws {
        let catalog = """
            {"id": "acme-csf-profile", "title": "Acme CSF profile", "short_title": "NIST CSF 2.0", "version": "1",
             "entries": [{"id": "ACME-1", "title": "Owners recorded"}]}
            """
        let mapping = """
            version: 1
            catalog: acme-csf-profile
            mappings:
              - {control: CW-LIFE-01, entry: ACME-1, relationship: subset-of, strength: 5, rationale: Owner field.}
            """
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [try Fixtures.file("examples/acme/inventory.yaml")],
                catalogFiles: [
                    InputFile(path: "catalog.json", text: catalog), InputFile(path: "mapping.yaml", text: mapping),
                ],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        let titles = report.frameworks.map(\.catalog.shortTitle)
        #expect(titles.filter { $0 == "NIST CSF 2.0" }.count == 2, "the short title is shared: \(titles)")
        let html = String(
            decoding: try RendererRegistry(templates: ReportTemplates()).render(report, as: .htmlReport),
            as: UTF8.self
        )
        // The entry's row names its own catalog for the page's framework filter.
        #expect(
            html.contains(
                /<tr class="leaf" id="[^"]*" data-status="[a-z-]+" data-framework="acme-csf-profile"><th scope="row">ACME-1</
            )
        )
        #expect(html.contains("<section class=\"framework\" id=\"framework-acme-csf-profile\""))
    }
}
