import CrosswalkTestSupport
import Foundation
import Testing

/// `crosswalk report --pretty`: the JSON report indented, with the same facts as the compact one.
@Suite struct PrettyJSONCommandLineTests {
    @Test func prettyIndentsTheJSONReportAndKeepsItsFacts() throws {
        let folder = try CommandLineOutputTests.inventoryFolder(identities: 3, firstIsAgent: true)
        var documents: [Data] = []
        for flags in [[], ["--pretty"]] {
            let output = folder.appendingPathComponent(flags.isEmpty ? "compact" : "pretty")
            let result = try CommandRunner.run(
                [
                    "report", folder.path, "--output", output.path, "--format", "json", "--now", Fixtures.exampleNow,
                    "--quiet",
                ] + flags,
                in: folder
            )
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            documents.append(try Data(contentsOf: output.appendingPathComponent("crosswalk-report.json")))
        }
        let compact = String(decoding: documents[0], as: UTF8.self)
        let pretty = String(decoding: documents[1], as: UTF8.self)
        #expect(compact.hasPrefix(#"{"schema":"urn:crosswalk:report:2","#))
        #expect(pretty.hasPrefix("{\n  \"schema\": \"urn:crosswalk:report:2\",\n"))
        let a = try JSONSerialization.jsonObject(with: documents[0]) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: documents[1]) as? NSDictionary
        #expect(a != nil && a == b)
    }
}
