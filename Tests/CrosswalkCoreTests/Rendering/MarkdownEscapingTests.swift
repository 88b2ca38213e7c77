import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

@Suite struct MarkdownEscapingTests {
    @Test(arguments: [
        ("plain name", "plain name"),
        ("a | b", "a \\| b"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("`rm -rf`", "\\`rm -rf\\`"),
        ("[click](http://x)", "\\[click\\](http\\://x)"),
        ("![img](x)", "\\!\\[img\\](x)"),
        ("line\nbreak\r\ttab", "line break  tab"),
        ("bell\u{07}nul\u{0}", "bell\u{FFFD}nul\u{FFFD}"),
        ("rtl\u{202E}txt\u{200F}", "rtl\u{FFFD}txt\u{FFFD}"),
        ("**bold** _em_ ~~s~~ $x$", "\\*\\*bold\\*\\* \\_em\\_ \\~\\~s\\~\\~ \\$x\\$"),
        ("&amp;", "&amp;amp;"),
    ])
    func neutralisesMarkupInUntrustedText(_ input: String, _ expected: String) {
        #expect(MarkdownEscaping.escape(input) == expected)
    }

    @Test(arguments: [
        ("# Injected heading", "\\# Injected heading"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("===", "\\==="),
        ("12. item", "12\\. item"),
        ("3) item", "3\\) item"),
        ("7.", "7\\."),
        ("    indented code", "&#32;   indented code"),
        ("\tindented", "&#32;indented"),
        ("> quote", "&gt; quote"),
        ("```swift", "\\`\\`\\`swift"),
        ("~~~", "\\~\\~\\~"),
        ("1.5 percent", "1.5 percent"),
        ("version 2.0 - final", "version 2.0 - final"),
    ])
    func valueCannotStartABlock(_ input: String, _ expected: String) {
        #expect(MarkdownEscaping.escape(input) == expected)
    }

    @Test(arguments: [
        ("see https://example.com/x", "see https\\://example.com/x"),
        ("ftp://host/file", "ftp\\://host/file"),
        ("www.example.com", "www\\.example.com"),
        ("WWW.Example.com", "WWW\\.Example.com"),
        ("svc+bot@example.com", "svc+bot\u{2060}@example.com"),
        ("mailto:ops@example.com", "mailto:ops\u{2060}@example.com"),
    ])
    func urlsAndAddressesAreNotAutolinked(_ input: String, _ expected: String) {
        #expect(MarkdownEscaping.escape(input) == expected)
    }

    @Test func catalogTitleAtTheStartOfATemplateLineStaysText() throws {
        let catalog = """
            {"id": "acme-profile", "title": "# Injected heading", "version": "1",
             "entries": [{"id": "P-1", "title": "1. Owners recorded"}]}
            """
        let mapping = """
            version: 1
            catalog: acme-profile
            mappings:
              - {control: CW-LIFE-01, entry: P-1, relationship: subset-of, strength: 5, rationale: Owner field.}
            """
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [try Fixtures.file("examples/acme/inventory.yaml")],
                catalogFiles: [
                    InputFile(path: "catalog.json", text: catalog), InputFile(path: "mapping.yaml", text: mapping),
                ],
                frameworks: ["acme-profile"],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        let markdown = String(
            decoding: try RendererRegistry(templates: ReportTemplates()).render(report, as: .markdownReport),
            as: UTF8.self
        )
        let lines = markdown.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("\\# Injected heading, version 1. Score") })
        #expect(!lines.contains { $0.hasPrefix("# Injected") })
    }

    static let cmark = "/usr/bin/cmark-gfm"

    /// Hostile values placed at the start of a line and mid-line, rendered by GitHub's cmark-gfm
    /// with its autolink and table extensions: they must come out as one plain paragraph each.
    /// Install the renderer with `apt-get install cmark-gfm`; skipped without it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: cmark)))
    func gfmRendersHostileValuesAsPlainText() throws {
        let values = [
            "# heading", "- item", "+ item", "1. item", "2) item", "    code", "> quote", "```", "~~~", "===",
            "https://attacker.example/x", "www.attacker.example", "svc@attacker.example", "[a](javascript:x)",
            "<b>bold</b>", "*em*", "| cell |",
        ]
        let markdown = values.map {
            "\(MarkdownEscaping.escape($0)) and then\n\nmid \(MarkdownEscaping.escape($0))\n\n"
        }
        .joined()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.cmark)
        process.arguments = ["-e", "autolink", "-e", "table", "-e", "strikethrough"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let html = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let elements = html.split(separator: "\n").filter { !$0.hasPrefix("<p>") || !$0.hasSuffix("</p>") }
        #expect(elements.isEmpty, "only paragraphs: \(elements)")
        for tag in ["<a ", "<b>", "<em>", "<del>", "<code>", "<table>"] {
            #expect(!html.contains(tag), "no \(tag) in \(html)")
        }
        #expect(html.contains("<p>https://attacker.example/x and then</p>"))
        #expect(html.contains("<p>svc\u{2060}@attacker.example and then</p>"))
    }
}
