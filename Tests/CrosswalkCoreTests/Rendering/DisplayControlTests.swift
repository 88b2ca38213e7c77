import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// Control and bidirectional characters in untrusted text: shown as escapes on a terminal,
/// replaced in HTML and Markdown.
@Suite struct DisplayControlTests {
    @Test(arguments: [
        ("plain name-01 ✓", "plain name-01 ✓"),
        ("bot\u{1B}]0;title\u{07}\u{1B}[2J", "bot\\u{1B}]0;title\\u{07}\\u{1B}[2J"),
        ("vault\r\nfile.yaml:1:1: error: forged", "vault\\u{0D}\\u{0A}file.yaml:1:1: error: forged"),
        ("nul\u{0}tab\tdel\u{7F}", "nul\\u{00}tab\\u{09}del\\u{7F}"),
        ("csi\u{9B}31m osc\u{9D}", "csi\\u{9B}31m osc\\u{9D}"),
        ("invoice\u{202E}fdp.js", "invoice\\u{202E}fdp.js"),
        (
            "a\u{2066}b\u{2069}c\u{200E}d\u{200F}e\u{061C}f\u{2028}g",
            "a\\u{2066}b\\u{2069}c\\u{200E}d\\u{200F}e\\u{61C}f\\u{2028}g"
        ),
        ("a\\u{1B}b", "a\\u{1B}b"),
    ])
    func terminalTextShowsControlsAsEscapes(_ input: String, _ expected: String) {
        #expect(InertText.visible(input) == expected)
    }

    @Test func jsonForTheTerminalStillParsesToTheSameValue() throws {
        let value = ["name": "a\u{1B}[31m\u{7F}\u{85}\u{202E}b\u{2028}\n"]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
        let inert = InertText.visibleJSON(json)
        #expect(!inert.unicodeScalars.contains { InertText.isDisplayControl($0) })
        let parsed = try JSONSerialization.jsonObject(with: Data(inert.utf8)) as? [String: String]
        #expect(parsed == value)
    }

    static let hostileName = "invoice\u{202E}fdp.js \u{07} \u{1B}[1;33m \u{0} \r\n\u{85}\u{2067}"

    private static func report() throws -> GapReport {
        let document: [String: Any] = [
            "version": 1, "organization": "Org\u{202E}gro\u{1B}]0;x\u{07}",
            "identities": [["id": "svc-1", "name": hostileName, "kind": "bot", "platform": "aws"]],
        ]
        let data = try JSONSerialization.data(withJSONObject: document)
        return try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.json", bytes: Array(data))],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
    }

    @Test(arguments: [ReportDocument.htmlReport, .htmlExecutiveSummary, .markdownReport, .markdownExecutiveSummary])
    func documentsHoldNoRawControlOrBidiCharacter(_ document: ReportDocument) throws {
        let bytes = try RendererRegistry(templates: ReportTemplates()).render(try Self.report(), as: document)
        let text = String(decoding: bytes, as: UTF8.self)
        let raw = text.unicodeScalars.filter { InertText.isDisplayControl($0) && $0 != "\n" }
        #expect(raw.isEmpty, "raw: \(raw.map { String($0.value, radix: 16) })")
        if document == .htmlReport || document == .markdownReport {
            #expect(text.contains("invoice\u{FFFD}fdp.js"), "the name is shown, its bidi override replaced")
        }
    }

    @Test func htmlTitleReplacesBidiAndEscapeCharacters() throws {
        let bytes = try RendererRegistry(templates: ReportTemplates()).render(try Self.report(), as: .htmlReport)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<title>Crosswalk gap report: Org\u{FFFD}gro\u{FFFD}]0;x\u{FFFD}</title>"))
    }
}
