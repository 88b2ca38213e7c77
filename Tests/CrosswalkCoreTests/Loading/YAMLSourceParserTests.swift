import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// YAML input rules (docs/inventory-format.md, "Files and syntax"): every rejection is located and
/// never quotes the document.
@Suite struct YAMLSourceParserTests {
    private func policyErrors(_ bytes: [UInt8]) -> [String] {
        Fixtures.errorLines { _ = try PolicyLoader().load(InputFile(path: "policy.yaml", bytes: bytes)) }
    }

    private func policyErrors(_ text: String) -> [String] { policyErrors(Array(text.utf8)) }

    @Test func reportsADuplicateKeyAtTheRepeatWithoutQuotingTheDocument() {
        let secret = "wJalrXUtnTESTONLY/K7MDENG+bPxRfiCYzz9Example"
        let comment = "# rotated from xoxp-1111-2222-ZZtestonlytokenZZ last week"
        let yaml = """
            version: 1
            \(comment)
            identities:
              - id: payroll-sync
                kind: service-account
                owner: finance-platform
                credentials:
                  - {id: key-1, type: access-key, secret_access_key: \(secret)}
                owner: finance-ops
            """
        let lines = Fixtures.errorLines {
            _ = try InventoryLoader().load([InputFile(path: "inventory.yaml", text: yaml)])
        }
        #expect(lines == ["inventory.yaml:9:5: error: duplicate key 'owner' in the same mapping"])
        let output = lines.joined(separator: "\n")
        for line in yaml.split(separator: "\n") where !line.contains("owner: finance-ops") {
            #expect(!output.contains(line.trimmingPrefix(" ")), "the message quotes no other document text")
        }
        #expect(!output.contains(secret) && !output.contains("xoxp-"))
    }

    @Test(arguments: [
        ("version: 1\nthresholds: {max_delegation_depth: 2, max_delegation_depth: 4}\n", "policy.yaml:2:39"),
        (
            "version: 1\nthresholds:\n  max_delegation_depth: 2\n  # again\n  max_delegation_depth: 4\n",
            "policy.yaml:5:3"
        ),
        ("version: 1\nlogging:\n  aws: {use: true}\n  \"aws\": {use: false}\n", "policy.yaml:4:3"),
    ])
    func locatesTheRepeatedKey(_ yaml: String, _ position: String) {
        let lines = policyErrors(yaml)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("\(position): error: duplicate key '") == true, "got \(lines)")
    }

    @Test(arguments: [
        (
            "version: 1\napproved_tools: &tools [jira.read]\nruntime_checks: *tools\n",
            "policy.yaml:3:17: error: YAML aliases (*tools) are not supported in Crosswalk inputs; write the value out in full"
        ),
        (
            "version: 1\nprivileged_permissions:\n  - &p \"iam:*\"\n  - *p\n",
            "policy.yaml:4:5: error: YAML aliases (*p) are not supported in Crosswalk inputs; write the value out in full"
        ),
        (
            "version: 1\nlogging:\n  base: &base {use: true}\n  gcp:\n    <<: *base\n    issuance: true\n",
            "policy.yaml:5:5: error: YAML merge keys ('<<') are not supported in Crosswalk inputs; write the keys out in the mapping"
        ),
        (
            "version: !!int 1\n",
            "policy.yaml:1:10: error: YAML tags (!!int) are not supported in Crosswalk inputs; remove the tag (quote a value to make it text)"
        ),
        (
            "version: 1\napproved_tools: [!!python/object/apply:os.system [\"id\"]]\n",
            "policy.yaml:2:18: error: YAML tags (!!python/object/apply:os.system) are not supported in Crosswalk inputs; remove the tag (quote a value to make it text)"
        ),
        (
            "version: 1\nlogging: !platforms {}\n",
            "policy.yaml:2:10: error: YAML tags (!platforms) are not supported in Crosswalk inputs; remove the tag (quote a value to make it text)"
        ),
    ])
    func refusesAliasesMergeKeysAndTagsWithTheirPosition(_ yaml: String, _ expected: String) {
        #expect(policyErrors(yaml) == [expected])
    }

    @Test func acceptsQuotedAndBlockScalarsAsUntaggedText() throws {
        let yaml = "version: 1\napproved_tools:\n  - 'jira.*'\n  - \"x\"\n  - |\n    multi\n"
        let (policy, _) = try PolicyLoader().load(InputFile(path: "policy.yaml", text: yaml))
        #expect(policy.approvedTools == ["jira.*", "x", "multi\n"])
    }

    @Test func skipsAUTF8ByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("version: 1\nthresholds: {max_delegation_depth: 7}\n".utf8)
        let (policy, _) = try PolicyLoader().load(InputFile(path: "policy.yaml", bytes: bytes))
        #expect(policy.thresholds.maxDelegationDepth == 7)
    }

    /// `before`, then raw bytes, then `after`, as UTF-8.
    private static func splice(_ before: String, _ raw: [UInt8], _ after: String) -> [UInt8] {
        Array(before.utf8) + raw + Array(after.utf8)
    }

    private static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            return bigEndian ? [high, low] : [low, high]
        }
    }

    private static let notUTF8: [([UInt8], String)] = [
        (
            splice("version: 1\napproved_tools: [\"caf", [0xE9], "\"]\n"),
            "policy.yaml:2:22: error: byte 0xE9 is not valid UTF-8; the file must be UTF-8 text"
        ),
        (
            splice("version: 1\n# \u{e9}t\u{e9}\napproved_tools: [a", [0xC0, 0xAF], "]\n"),
            "policy.yaml:3:19: error: byte 0xC0 is not valid UTF-8; the file must be UTF-8 text"
        ),
        (
            splice("version: 1\napproved_tools: [ab", [0x00], "c]\n"),
            "policy.yaml:2:20: error: a NUL byte (U+0000) is not allowed in YAML text"
        ),
        (
            splice("version: 1\napproved_tools: [ab", [0x1B], "[2Jc]\n"),
            "policy.yaml:2:20: error: control character U+001B is not allowed in YAML text; write it as an escape inside double quotes"
        ),
        (
            splice("version: 1\napproved_tools: [ab", [0xC2, 0x9B], "2Jc]\n"),
            "policy.yaml:2:20: error: control character U+009B is not allowed in YAML text; write it as an escape inside double quotes"
        ),
        (
            splice("version: 1\napproved_tools: [ab", [0xEF, 0xBF, 0xBE], "]\n"),
            "policy.yaml:2:20: error: the noncharacter U+FFFE is not allowed in YAML text"
        ),
        (
            [0xFF, 0xFE] + utf16("version: 1\n", bigEndian: false),
            "policy.yaml:1:1: error: the file is UTF-16 (little-endian) text; Crosswalk reads UTF-8 only, so convert the file to UTF-8"
        ),
        (
            utf16("version: 1\n", bigEndian: true),
            "policy.yaml:1:1: error: the file is UTF-16 (big-endian) text; Crosswalk reads UTF-8 only, so convert the file to UTF-8"
        ),
        (
            [0, 0, 0, 0x76, 0, 0, 0, 0x3A],
            "policy.yaml:1:1: error: the file is UTF-32 (big-endian) text; Crosswalk reads UTF-8 only, so convert the file to UTF-8"
        ),
    ]

    @Test(arguments: notUTF8)
    func rejectsTextThatIsNotUTF8WithItsPosition(_ bytes: [UInt8], _ expected: String) {
        #expect(policyErrors(bytes) == [expected])
    }

    @Test func keepsLibYAMLSyntaxMessagesFreeOfDocumentText() {
        let lines = policyErrors("version: 1\napproved_tools: [sk-live-TESTONLY99, {a: b]\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("policy.yaml:2:") == true, "got \(lines)")
        #expect(lines.first?.contains("sk-live") == false)
    }

    @Test(arguments: [
        "version: 1\napproved_tools: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n",
        "version: 1\napproved_tools: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
            + "\n",
    ])
    func rejectsDeepNestingWithItsPosition(_ yaml: String) {
        let lines = policyErrors(yaml)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("policy.yaml:2:") == true, "got \(lines)")
        #expect(lines.first?.hasSuffix(": error: nesting is deeper than 256 levels") == true, "got \(lines)")
    }
}
