import CrosswalkTestSupport
import Foundation
import Testing

/// What the built binary prints is inert: hostile text from inputs and options cannot forge a
/// line or send a terminal escape sequence, on standard error or standard output; template
/// overrides are reported; libxml2 prints nothing itself.
@Suite struct TerminalOutputTests {
    /// Display controls other than the line feeds ending printed lines.
    private static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            scalar != "\n"
                && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C]
                        .contains(scalar.value))
        }
        .map { String($0.value, radix: 16) }
    }

    private static func write(_ text: String, _ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The review's example: a kind that retitles and clears the terminal, a storage value that
    /// forges a diagnostic line.
    static let hostileInventory = #"""
        version: 1
        identities:
          - id: svc
            kind: "bot\u001b]0;renamed-terminal\u0007\u001b[2J"
            credentials:
              - {id: k, type: api-key, storage: "vault\ninventory.yaml:1:1: error: this line was forged\u202e"}
        """#

    @Test func diagnosticsShowHostileValuesAsEscapes() throws {
        let folder = try CommandRunner.temporaryDirectory()
        _ = try Self.write(Self.hostileInventory, "inventory.yaml", in: folder)
        let result = try CommandRunner.run(["validate", "inventory.yaml"], in: folder)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(Self.rawControls(result.stderr) == [])
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2, "one line per warning: \(lines)")
        #expect(lines.allSatisfy { $0.hasPrefix("inventory.yaml:") })
        #expect(result.stderr.contains(#"'bot\u{1B}]0;renamed-terminal\u{07}\u{1B}[2J'"#))
        #expect(result.stderr.contains(#"'vault\u{0A}inventory.yaml:1:1: error: this line was forged\u{202E}'"#))
        #expect(result.stdout == "inventory.yaml: valid inventory\n")
    }

    @Test func optionValuesEchoedInUsageErrorsAreEscaped() throws {
        let result = try CommandRunner.run(["report", "examples/acme", "--fail-on", "x\u{1B}[2J\nforged\u{202E}"])
        #expect(result.exitCode == 64)
        #expect(Self.rawControls(result.stderr) == [])
        #expect(
            result.stderr.hasPrefix(
                #"Error: --fail-on takes critical, high, medium or low (got 'x\u{1B}[2J\u{0A}forged\u{202E}')"# + "\n"
            )
        )
    }

    static let hostileCatalog = #"""
        {"id": "acme-profile", "title": "Profile\u001b[31m\r\ncrosswalk: forged\u202e", "version": "1\u009b2J",
         "entries": [{"id": "P-1", "title": "Owners recorded"}]}
        """#

    @Test func listingsOnStandardOutputAreInert() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let catalog = try Self.write(Self.hostileCatalog, "catalog.json", in: folder)
        let text = try CommandRunner.run(["catalogs", "--catalog", catalog.path])
        #expect(text.exitCode == 0, "stderr: \(text.stderr)")
        #expect(Self.rawControls(text.stdout) == [])
        #expect(
            text.stdout.contains(#"acme-profile  Profile\u{1B}[31m\u{0D}\u{0A}crosswalk: forged\u{202E} (1\u{9B}2J)"#)
        )

        let json = try CommandRunner.run(["catalogs", "--json", "--catalog", catalog.path])
        #expect(json.exitCode == 0)
        #expect(Self.rawControls(json.stdout) == [])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let entry = try #require(list.first { $0["id"] as? String == "acme-profile" })
        #expect(entry["title"] as? String == "Profile\u{1B}[31m\r\ncrosswalk: forged\u{202E}")
        #expect(entry["version"] as? String == "1\u{9B}2J")
    }

    @Test func templateOverridesAreReportedOnStandardError() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let templates = folder.appendingPathComponent("brand")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        _ = try Self.write("{{% CONTENT_TYPE: MARKDOWN }}\n{{{organization}}}\n", "report.md.mustache", in: templates)
        _ = try Self.write("unused\n", "reprot.md.mustache", in: templates)
        let result = try CommandRunner.run(
            [
                "report", Fixtures.url("examples/acme").path, "--format", "md", "--templates", "brand",
                "--output", "out", "--now", Fixtures.exampleNow,
            ],
            in: folder
        )
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(
            result.stderr.split(separator: "\n").map(String.init) == [
                "brand/report.md.mustache: note: replaces the bundled template report.md.mustache",
                "brand/report.md.mustache:2:1: warning: 'organization' is written without escaping ({{{…}}} or {{&…}}), so text from the inventory or a catalog could inject markup; use {{organization}}",
                "brand/reprot.md.mustache: warning: replaces no bundled template and no template includes it, so it is not used; bundled templates: changes-brief.html.mustache, changes-brief.md.mustache, changes.html.mustache, changes.md.mustache, controls.md.mustache, executive-summary.css.mustache, executive-summary.html.mustache, executive-summary.md.mustache, html-base.css.mustache, report.css.mustache, report.html.mustache, report.md.mustache, summary.md.mustache",
            ]
        )
    }

    @Test func selfIncludingTemplateIsALocatedErrorNotACrash() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let templates = folder.appendingPathComponent("brand")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        _ = try Self.write("x{{> report.md}}\n", "report.md.mustache", in: templates)
        let result = try CommandRunner.run(
            [
                "report", Fixtures.url("examples/acme").path, "--format", "md", "--templates", "brand", "--output",
                "out",
            ],
            in: folder
        )
        #expect(result.exitCode == 2)
        #expect(
            result.stderr.hasPrefix(
                "brand/report.md.mustache:1:2: error: template error: the partial 'report.md' includes itself (report.md → report.md); partials may not recurse\n"
            )
        )
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func utf16ReportGetsOneLocatedMessageAndLibxml2PrintsNothing() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let text = try Fixtures.text("reports/example/crosswalk-report.xml")
        try #require(text.data(using: .utf16)).write(to: folder.appendingPathComponent("report.xml"))
        let result = try CommandRunner.run(["validate", "report.xml"], in: folder)
        #expect(result.exitCode == 2)
        #expect(result.stderr == "report.xml:1:1: error: the file is UTF-16 text; an XML report is UTF-8\n")
        #expect(result.stdout == "")
    }
}
