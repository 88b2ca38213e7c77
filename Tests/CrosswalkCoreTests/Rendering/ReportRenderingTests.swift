import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

@Suite struct ReportRenderingTests {
    static let hostileName = "evil|name <script>alert(1)</script> `tick`\n# not a heading ]]> \u{07}"

    private func report(includePassing: Bool = false) throws -> GapReport {
        let inventory = """
            version: 1
            organization: "Org | <b>bold</b>"
            identities:
              - id: hostile
                name: "\(Self.hostileName.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\u{07}", with: "\\a"))"
                kind: service-account
                tags: {"<img src=x onerror=alert(1)>": "|"}
              - {id: owned, kind: service-account, owner: platform-team}
            """
        return try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.yaml", text: inventory)],
                now: try #require(Timestamp(iso8601: "2026-11-01T00:00:00Z")),
                includePassing: includePassing
            )
        )
    }

    private func markdown(_ report: GapReport) throws -> String {
        String(
            decoding: try RendererRegistry(templates: ReportTemplates()).render(report, as: .markdownReport),
            as: UTF8.self
        )
    }

    /// Counts `|` characters not preceded by a backslash.
    private func cellSeparators(_ line: Substring) -> Int {
        var count = 0
        var previous: Character = " "
        for character in line {
            if character == "|" && previous != "\\" { count += 1 }
            previous = character
        }
        return count
    }

    @Test func hostileNamesCannotInjectMarkupOrBreakTables() throws {
        let text = try markdown(try report())
        #expect(!text.contains("<script>"))
        #expect(!text.contains("<b>"))
        #expect(!text.contains("\u{07}"))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("# not a heading") })
        // Every row that shows the hostile name keeps as many cells as its table's header.
        var header: Substring?
        var hostileRows = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                header = nil
                continue
            }
            if header == nil { header = line }
            if line.contains("evil\\|name"), let header {
                hostileRows += 1
                #expect(cellSeparators(line) == cellSeparators(header), "row keeps its cells: \(line)")
            }
        }
        #expect(hostileRows >= 2, "the hostile identity appears in tables")
    }

    @Test func jsonListsFailuresAndCountsPassesUnlessAskedToListThem() throws {
        for includePassing in [false, true] {
            let data = Data(
                try RendererRegistry(templates: ReportTemplates()).render(
                    try report(includePassing: includePassing),
                    as: .jsonReport
                )
            )
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let controls = try #require(root["controls"] as? [[String: Any]])
            let owners = try #require(controls.first { $0["id"] as? String == "CW-LIFE-01" })
            let results = try #require(owners["results"] as? [[String: Any]])
            #expect(results.count == 1)
            let identities = try #require(root["identities"] as? [[String: Any]])
            let row = try #require(results.first?["identity"] as? Int)
            #expect(identities[row]["name"] as? String == Self.hostileName)
            #expect((owners["counts"] as? [String: Int])?["pass"] == 1)
            let passing = owners["passing_subjects"] as? [[String: Any]]
            #expect((passing?.count ?? 0) == (includePassing ? 1 : 0))
        }
    }

    @Test func templateErrorsNameFileLineAndColumn() {
        let broken = InputFile(path: "brand/report.md.mustache", text: "# Title\n\n{{#frameworks}}\n{{title}\n")
        let lines = Fixtures.errorLines { _ = try ReportTemplates(overrides: [broken]) }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("brand/report.md.mustache:4:") == true, "got \(lines)")
    }

    @Test func templateOverridesReplaceTheBundledTemplate() throws {
        let custom = InputFile(
            path: "brand/report.md.mustache",
            text: "{{% CONTENT_TYPE: MARKDOWN }}\nBrand report for {{organization}}\n"
        )
        let output = try RendererRegistry(templates: ReportTemplates(overrides: [custom])).render(
            try report(),
            as: .markdownReport
        )
        #expect(String(decoding: output, as: UTF8.self) == "Brand report for Org \\| &lt;b&gt;bold&lt;/b&gt;\n")
    }
}
