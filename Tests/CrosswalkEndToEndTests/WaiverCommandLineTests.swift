import CrosswalkTestSupport
import Foundation
import Testing

/// `crosswalk report --waivers`: the bundled example's waivers at the reference time.
struct WaiverCommandLineTests {
    static func run(_ extra: [String] = []) throws -> (CommandRunner.Result, URL) {
        let output = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run(
            [
                "report", "examples/acme", "--waivers", "examples/nightly/waivers.yaml", "--output", output.path,
                "--now", Fixtures.exampleNow, "--format", "md,json",
            ] + extra
        )
        return (result, output)
    }

    @Test func reportsWithTheWaiversAndWarnsAboutTheStaleOnes() throws {
        let (result, output) = try Self.run()
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains("waivers.yaml") }
        #expect(
            warnings == [
                "examples/nightly/waivers.yaml:18:5: warning: waivers[1]: waiver W-002 (CW-AUTHZ-02) is expiring soon: expires on 2026-11-10, in less than 14 days",
                "examples/nightly/waivers.yaml:39:5: warning: waivers[3]: waiver W-004 (CW-LIFE-01) is expired: expired on 2026-10-15; it accepts nothing",
                "examples/nightly/waivers.yaml:49:5: warning: waivers[4]: waiver W-005 (CW-CRED-09) is invalid: unknown control CW-CRED-09; it accepts nothing",
            ]
        )
        let markdown = try String(contentsOf: output.appendingPathComponent("crosswalk-report.md"), encoding: .utf8)
        #expect(
            markdown.contains(
                "6 waivers: 2 matched, 1 unused, 1 expiring soon, 1 expired, 1 invalid; 4 results accepted."
            )
        )
        #expect(markdown.contains("W-003 approved by Jane Doe (Finance Engineering) until 2026-12-15"))
        let json = try String(contentsOf: output.appendingPathComponent("crosswalk-report.json"), encoding: .utf8)
        #expect(json.contains(#""waiver_audit":"#))
    }

    /// `--fail-on` counts failures only: a control whose every failure is waived leaves the gate.
    @Test func waivedFailuresStayOutOfTheFailOnGate() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("waivers.yaml")
        try """
        version: 1
        waivers:
          - {id: W-1, control: CW-AUTHZ-02, subject: {match: "*"}, justification: Accepted for the audit,
             approver: Jane Doe, created: 2026-10-01, expires: 2026-12-31}

        """.write(to: file, atomically: true, encoding: .utf8)
        func gate(_ extra: [String]) throws -> String {
            let result = try CommandRunner.run(
                [
                    "report", "examples/acme", "--output", folder.appendingPathComponent("out").path, "--now",
                    Fixtures.exampleNow, "--format", "json", "--fail-on", "high",
                ] + extra
            )
            #expect(result.exitCode == 1)
            return result.stderr.split(separator: "\n").first { $0.hasPrefix("gate breached: ") }.map(String.init) ?? ""
        }
        #expect(try gate([]).contains("CW-AUTHZ-02"))
        let waived = try gate(["--waivers", file.path])
        #expect(!waived.contains("CW-AUTHZ-02") && waived.contains("CW-CRED-05"))
    }

    @Test func aMisspelledKeyIsAnInputError() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("waivers.yaml")
        try "version: 1\nwaivers:\n  - {id: W-1, control: CW-LIFE-01, subject: {id: a}, justfication: x}\n".write(
            to: file,
            atomically: true,
            encoding: .utf8
        )
        let result = try CommandRunner.run([
            "report", "examples/acme", "--waivers", file.path, "--output", folder.appendingPathComponent("out").path,
        ])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("waivers.yaml:3:54: error: waivers[0].justfication: unknown key 'justfication'"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/crosswalk-report.md").path))
    }
}
