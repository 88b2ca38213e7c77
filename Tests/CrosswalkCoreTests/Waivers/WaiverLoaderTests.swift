import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// The waivers file's shape is checked strictly (located errors); what a waiver says is not.
struct WaiverLoaderTests {
    static let valid = """
        version: 1
        waivers:
          - id: W-001
            control: CW-LIFE-01
            subject: {id: orphan-1}
            justification: Owner being hired.
            approver: Jane Doe
            owner: Security
            created: 2026-10-01
            expires: 2026-12-31
            ticket: SEC-1
          - id: W-002
            control: CW-LIFE-01
            subject: {match: "orphan-*"}
            justification: Batch clean-up planned.
            approver: Jane Doe
            created: 2026-10-01
            expires: 2026-12-31
          - id: W-003
            control: CW-CRED-05
            subject: {tag: {team: payments, tier: gold}}
            justification: Compensating control.
            approver: Jane Doe
            created: 2026-10-01
            expires: 2026-12-31
        """

    @Test func readsEveryField() throws {
        let (file, warnings) = try WaiverLoader().load(InputFile(path: "waivers.yaml", text: Self.valid))
        #expect(warnings.isEmpty)
        #expect(file.waivers.map(\.id) == ["W-001", "W-002", "W-003"])
        let first = file.waivers[0]
        #expect(first.control == "CW-LIFE-01" && first.subject == .id("orphan-1"))
        #expect(first.owner == "Security" && first.ticket == "SEC-1" && first.approver == "Jane Doe")
        #expect(first.created?.text == "2026-10-01" && first.expires?.text == "2026-12-31")
        #expect(first.location?.line == 3)
        #expect(file.waivers[1].subject == .match("orphan-*"))
        #expect(
            file.waivers[2].subject == .tags([Tag(key: "team", value: "payments"), Tag(key: "tier", value: "gold")])
        )
    }

    @Test(arguments: [
        ("waivers: []\n", "waivers.yaml:1:1: error: missing required key 'version'"),
        ("version: 2\nwaivers: []\n", "waivers.yaml:1:10: error: version: unsupported waivers version 2"),
        ("version: 1\nwaiver: []\n", "waivers.yaml:2:1: error: waiver: unknown top-level key 'waiver'"),
        ("version: 1\nwaivers: {}\n", "waivers.yaml:2:10: error: waivers: expected a list, found a mapping"),
        (
            "version: 1\nwaivers:\n  - {id: W-1, control: CW-LIFE-01, subject: {id: a}, approvr: x}\n",
            "waivers.yaml:3:54: error: waivers[0].approvr: unknown key 'approvr'"
        ),
        (
            "version: 1\nwaivers:\n  - {control: CW-LIFE-01, subject: {id: a}}\n",
            "waivers.yaml:3:5: error: waivers[0]: missing required key 'id'"
        ),
        (
            "version: 1\nwaivers:\n  - {id: W-1, control: 7, subject: {id: a}}\n",
            "waivers.yaml:3:24: error: waivers[0].control: expected a string, found an integer"
        ),
        (
            "version: 1\nwaivers:\n  - {id: W-1, control: CW-LIFE-01, subject: {id: a, match: b}}\n",
            "waivers.yaml:3:45: error: waivers[0].subject: give exactly one of id, match or tag, not id and match"
        ),
        (
            "version: 1\nwaivers:\n  - {id: W-1, control: CW-LIFE-01, subject: {}}\n",
            "waivers.yaml:3:45: error: waivers[0].subject: expected one of id"
        ),
        (
            "version: 1\nwaivers:\n  - {id: W-1, control: CW-LIFE-01, subject: {id: a}, justification: [x]}\n",
            "waivers.yaml:3:69: error: waivers[0].justification: expected a string, found a list"
        ),
        (
            "version: 1\nwaivers:\n  - {id: W-1, control: CW-LIFE-01, subject: {id: a}}\n  - {id: W-1, control: CW-LIFE-01, subject: {id: b}}\n",
            "waivers.yaml:4:5: error: waivers[1]: waiver id 'W-1' is already used by waivers[0]"
        ),
    ])
    func reportsBadShapesWithFileLineAndKeyPath(_ yaml: String, _ expected: String) {
        let lines = Fixtures.errorLines { _ = try WaiverLoader().load(InputFile(path: "waivers.yaml", text: yaml)) }
        #expect(lines.first?.hasPrefix(expected) == true, "got \(lines)")
    }

    /// Problems with what a waiver says are not file errors: the waiver loads and is judged later.
    @Test func loadsWaiversWhoseContentIsInvalid() throws {
        let yaml = """
            version: 1
            waivers:
              - {id: W-1, control: CW-NOPE-99, subject: {id: a}, justification: "", created: 2026-13-45, expires: soon}
            """
        let (file, _) = try WaiverLoader().load(InputFile(path: "waivers.yaml", text: yaml))
        let waiver = try #require(file.waivers.first)
        #expect(waiver.justification.isEmpty && waiver.approver.isEmpty)
        #expect(waiver.created == nil && waiver.expires == nil)
        #expect(
            waiver.dateProblems == [
                "created is not a date in the form YYYY-MM-DD", "expires is not a date in the form YYYY-MM-DD",
            ]
        )
    }

    @Test func validateRecognisesAWaiversFile() throws {
        let file = InputFile(path: "nightly/waivers.yaml", text: Self.valid)
        #expect(try FileValidator.classify(file) == .waivers)
        let (outcomes, _) = FileValidator().validate([file])
        #expect(outcomes.first?.errors.isEmpty == true)
    }
}
