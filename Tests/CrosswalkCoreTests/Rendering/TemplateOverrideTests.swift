import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Template overrides: nesting and recursion are refused before parsing, and risky or unused
/// overrides are reported.
@Suite struct TemplateOverrideTests {
    private static func errorLines(_ overrides: [InputFile]) -> [String] {
        Fixtures.errorLines { _ = try ReportTemplates(overrides: overrides) }
    }

    private static func override(_ name: String, _ text: String) -> InputFile {
        InputFile(path: "brand/\(name).mustache", text: text)
    }

    @Test func selfIncludingPartialIsRefusedAtItsTag() {
        let lines = Self.errorLines([Self.override("report.md", "x\n  {{> report.md}}\n")])
        #expect(
            lines == [
                "brand/report.md.mustache:2:3: error: template error: the partial 'report.md' includes itself (report.md → report.md); partials may not recurse"
            ]
        )
    }

    @Test func mutuallyRecursivePartialsAreRefused() {
        let lines = Self.errorLines([
            Self.override("report.md", "{{#frameworks}}{{> ping}}{{/frameworks}}"),
            Self.override("ping", "{{> pong}}"),
            Self.override("pong", "a\n{{#x}}{{>ping}}{{/x}}"),
        ])
        #expect(
            lines == [
                "brand/pong.mustache:2:7: error: template error: the partial 'ping' includes itself (ping → pong → ping); partials may not recurse"
            ]
        )
    }

    @Test func parentTemplatesCountAsInclusions() {
        let lines = Self.errorLines([Self.override("report.md", "{{<report.md}}{{$title}}x{{/title}}{{/report.md}}")])
        #expect(
            lines.first?.hasPrefix("brand/report.md.mustache:1:1: error: template error: the partial 'report.md'")
                == true
        )
    }

    @Test(arguments: [100_000, 101])
    func deeplyNestedSectionsAreRefused(depth: Int) {
        let text = String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth)
        #expect(
            Self.errorLines([Self.override("report.md", text)]) == [
                "brand/report.md.mustache:1:601: error: template error: sections nest more than 100 levels deep"
            ]
        )
    }

    @Test func unclosedSectionsAreRefusedBeforeParsing() {
        let text = String(repeating: "{{^a}}\n", count: 100_000)
        #expect(
            Self.errorLines([Self.override("report.md", text)]) == [
                "brand/report.md.mustache:101:1: error: template error: sections nest more than 100 levels deep"
            ]
        )
    }

    @Test func nestingIsCountedAcrossPartials() {
        // 60 levels in report.md around the partial, 60 inside it: 121 in all.
        let sixty = String(repeating: "{{#a}}", count: 60)
        let closing = String(repeating: "{{/a}}", count: 60)
        let lines = Self.errorLines([
            Self.override("report.md", sixty + "{{> deep}}" + closing),
            Self.override("deep", sixty + closing),
        ])
        #expect(
            lines == [
                "brand/report.md.mustache:1:361: error: template error: sections and partials nest more than 100 levels deep (report.md → deep)"
            ]
        )
    }

    @Test func setDelimiterTagsAreFollowed() {
        let text = "{{=<% %>=}}\n<%#a%>\n<%> report.md%>\n<%/a%>\n"
        #expect(
            Self.errorLines([Self.override("report.md", text)]) == [
                "brand/report.md.mustache:3:1: error: template error: the partial 'report.md' includes itself (report.md → report.md); partials may not recurse"
            ]
        )
    }

    @Test func partialNamedByAValueIsRefused() {
        #expect(
            Self.errorLines([Self.override("report.md", "{{#frameworks}}{{>*title}}{{/frameworks}}")]) == [
                "brand/report.md.mustache:1:16: error: template error: a partial named by a value ('*title') is not supported; name the partial itself"
            ]
        )
    }

    @Test func deeplyNestedTransformsAreRefused() {
        let name = String(repeating: "lowercased(", count: 50_000) + "title" + String(repeating: ")", count: 50_000)
        #expect(
            Self.errorLines([Self.override("report.md", "{{\(name)}}")]).first?.hasPrefix(
                "brand/report.md.mustache:1:1: error: template error: '"
            ) == true
        )
    }

    @Test func nestingAtTheLimitRendersWithoutCrashing() throws {
        let text =
            "{{% CONTENT_TYPE: MARKDOWN }}\n" + String(repeating: "{{#overall}}", count: 100) + "{{organization}}"
            + String(repeating: "{{/overall}}", count: 100) + "\n"
        let templates = try ReportTemplates(overrides: [Self.override("report.md", text)])
        let output = try RendererRegistry(templates: templates).render(
            try ReferenceReportTests.exampleReport(),
            as: .markdownReport
        )
        #expect(String(decoding: output, as: UTF8.self) == "Acme Financial\n")
    }

    @Test func syntaxErrorsKeepTheirLinesAfterTheContentTypePrefix() {
        let lines = Self.errorLines([Self.override("report.md", "# Title\n\n{{#frameworks}}\n{{title}\n")])
        #expect(lines == ["brand/report.md.mustache:4:8: error: template error: unfinishedName"])
    }

    @Test func replacedTemplatesAreListed() throws {
        let templates = try ReportTemplates(overrides: [
            Self.override("report.md", "{{% CONTENT_TYPE: MARKDOWN }}\n{{organization}}\n"),
            Self.override("report.css", "body {}\n"),
        ])
        #expect(
            templates.replacements == [
                .init(file: "brand/report.css.mustache", template: "report.css.mustache"),
                .init(file: "brand/report.md.mustache", template: "report.md.mustache"),
            ]
        )
        #expect(templates.warnings.isEmpty)
    }

    @Test func unusedOverrideFileIsWarnedAbout() throws {
        let templates = try ReportTemplates(overrides: [
            Self.override("reprot.md", "x"),
            Self.override("report.md", "{{> footer}}"),
            Self.override("footer", "y"),
        ])
        #expect(
            templates.warnings.map(\.description) == [
                "brand/reprot.md.mustache: warning: replaces no bundled template and no template includes it, so it is not used; bundled templates: changes-brief.html.mustache, changes-brief.md.mustache, changes.html.mustache, changes.md.mustache, controls.md.mustache, executive-summary.css.mustache, executive-summary.html.mustache, executive-summary.md.mustache, html-base.css.mustache, report.css.mustache, report.html.mustache, report.md.mustache, summary.md.mustache"
            ]
        )
    }

    @Test func unescapedValuesInAnOverrideAreWarnedAbout() throws {
        let text = "{{{reportStylesheet}}}\n<td>{{{name}}}</td><td>{{& owner}}</td>\n{{% CONTENT_TYPE: TEXT }}\n"
        let templates = try ReportTemplates(overrides: [Self.override("report.html", text)])
        #expect(
            templates.warnings.map(\.description) == [
                "brand/report.html.mustache:2:5: warning: 'name' is written without escaping ({{{…}}} or {{&…}}), so text from the inventory or a catalog could inject markup; use {{name}}",
                "brand/report.html.mustache:2:24: warning: 'owner' is written without escaping ({{{…}}} or {{&…}}), so text from the inventory or a catalog could inject markup; use {{owner}}",
                "brand/report.html.mustache:3:1: warning: CONTENT_TYPE: TEXT turns off escaping for the rest of the template, so text from the inventory or a catalog could inject markup",
            ]
        )
    }

    @Test func unescapedValuesAfterADelimiterChangeAreWarnedAbout() throws {
        let text = "{{=<% %>=}}\n<%& owner%> <%& name %> <%& scoreChart%> {{{organization}}}\n"
        let templates = try ReportTemplates(overrides: [Self.override("report.html", text)])
        #expect(
            templates.warnings.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == ["2:1", "2:13"]
        )
    }

    @Test func stylesheetRefusalNamesTheOverrideThatHoldsIt() throws {
        let templates = try ReportTemplates(overrides: [Self.override("html-base.css", "p {}\n</Style>")])
        let lines = Fixtures.errorLines {
            _ = try RendererRegistry(templates: templates).render(
                try ReferenceReportTests.exampleReport(),
                as: .htmlReport
            )
        }
        #expect(
            lines == [
                "brand/html-base.css.mustache: error: the stylesheet contains '</style', which would end the <style> element; remove it"
            ]
        )
    }
}
