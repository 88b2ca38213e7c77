import CrosswalkTestSupport
import Foundation
import Testing

/// Runs the built `crosswalk` binary on XML reports: writing them and validating them.
@Suite struct XMLCommandLineTests {
    static let reference = "reports/example/crosswalk-report.xml"

    @Test func validateAcceptsTheReferenceXMLReport() throws {
        let result = try CommandRunner.run(["validate", Self.reference])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "\(Self.reference): valid XML report\n")
        #expect(result.stderr == "")
    }

    @Test func validateRejectsAnIllFormedXMLFileWithItsLineAndExitsTwo() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let broken = folder.appendingPathComponent("broken.xml")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <report xmlns="urn:crosswalk:report:2" schemaVersion="2">
          <run tool="crosswalk" toolVersion="0.1.0" generatedAt="2026-11-01T00:00:00Z" includesPassing="false">
        </report>
        """.write(to: broken, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", broken.path])
        #expect(result.exitCode == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "\(broken.path):4:10: error: Opening and ending tag mismatch: run line 3 and report\n")
    }

    @Test func validateRejectsAReportThatBreaksTheSchema() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let tampered = folder.appendingPathComponent("tampered.xml")
        var lines = try Fixtures.text(Self.reference).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let index = try #require(lines.firstIndex { $0.contains(#" status="fail" subject="#) })
        lines[index] = lines[index].replacingOccurrences(of: #"status="fail""#, with: #"status="failed""#)
        try lines.joined(separator: "\n").write(to: tampered, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", tampered.path])
        #expect(result.exitCode == 2)
        #expect(
            result.stderr
                == "\(tampered.path):\(index + 1):1: error: Element 'result', attribute 'status': [facet 'enumeration'] The value 'failed' is not an element of the set {'fail', 'not-assessed', 'accepted', 'error'}.\n"
        )
    }

    @Test func validateChecksXMLReportsAndInputFilesInTheOrderGiven() throws {
        let result = try CommandRunner.run([
            "validate", "examples/acme/policy.yaml", Self.reference, "examples/acme/inventory.yaml",
        ])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(
            result.stdout == """
                examples/acme/policy.yaml: valid policy
                \(Self.reference): valid XML report
                examples/acme/inventory.yaml: valid inventory

                """
        )
    }

    @Test func reportWritesAnXMLReportThatValidates() throws {
        let output = try CommandRunner.temporaryDirectory()
        let written = try CommandRunner.run([
            "report", "examples/acme", "--format", "xml", "--output", output.path, "--now", Fixtures.exampleNow,
        ])
        #expect(written.exitCode == 0, "stderr: \(written.stderr)")
        let path = output.appendingPathComponent("crosswalk-report.xml").path
        #expect(try String(contentsOfFile: path, encoding: .utf8) == (try Fixtures.text(Self.reference)))
        let validated = try CommandRunner.run(["validate", path])
        #expect(validated.exitCode == 0, "stderr: \(validated.stderr)")
        #expect(validated.stdout == "\(path): valid XML report\n")
    }

    @Test func includePassingListsPassesInAValidXMLReport() throws {
        let output = try CommandRunner.temporaryDirectory()
        let written = try CommandRunner.run([
            "report", "examples/acme", "--format", "xml", "--output", output.path, "--now", Fixtures.exampleNow,
            "--include-passing",
        ])
        #expect(written.exitCode == 0, "stderr: \(written.stderr)")
        let path = output.appendingPathComponent("crosswalk-report.xml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#"includesPassing="true""#))
        #expect(text.contains("<passingSubjects>"))
        let validated = try CommandRunner.run(["validate", path])
        #expect(validated.exitCode == 0, "stderr: \(validated.stderr)")
    }
}
