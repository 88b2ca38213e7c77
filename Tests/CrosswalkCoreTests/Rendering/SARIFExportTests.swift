import CrosswalkTestSupport
import Foundation
import Testing

@testable import CrosswalkCore

/// The SARIF export (crosswalk-report.sarif) read back as JSON: one result per finding, stable
/// and unique fingerprints, locations in the inventory or export file, and attacker-controlled
/// text that stays text.
@Suite struct SARIFExportTests {
    /// Names an attacker could give an identity: quotes, line breaks, markup, a spreadsheet
    /// formula, a right-to-left override, control characters, a SARIF embedded link and a SARIF
    /// placeholder.
    static let hostileNames = [
        "\"quoted\" name\nsecond line\r\n",
        "<script>alert(1)</script>",
        "=cmd|' /C calc'!A0",
        "invoice\u{202E}fdp.js \u{07}\u{1B}[1;33m\u{7F}\u{2067}",
        "[open me](https://attacker.example/) \\[x\\](0)",
        "{0} {{1}} \\ back\\slash",
    ]

    /// A native inventory of `count` identities without an owner (each fails CW-LIFE-01), the
    /// first ones named with ``hostileNames`` and owned by hostile owners too.
    static func inventory(count: Int) throws -> String {
        let identities = (0..<count).map { index -> [String: Any] in
            var identity: [String: Any] = [
                "id": String(format: "nhi-%05d", index),
                "name": index < hostileNames.count ? hostileNames[index] : "identity \(index)",
                "kind": "service-account",
                "platform": "aws",
            ]
            if index % 2 == 1, index < hostileNames.count { identity["owner"] = hostileNames[index - 1] }
            return identity
        }
        let document: [String: Any] = ["version": 1, "organization": hostileNames[0], "identities": identities]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func hostileReport(count: Int = hostileNames.count, now: String = Fixtures.exampleNow) throws -> GapReport {
        try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [
                    InputFile(path: "./inventories/hostile inventory #1.json", text: try inventory(count: count))
                ],
                now: try #require(Timestamp(iso8601: now))
            )
        )
    }

    static func render(_ report: GapReport) throws -> [UInt8] {
        try SARIFReportRenderer().render(report)
    }

    /// The log's only run, parsed.
    static func run(_ bytes: [UInt8]) throws -> [String: Any] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    static func results(_ run: [String: Any]) throws -> [[String: Any]] {
        try #require(run["results"] as? [[String: Any]])
    }

    static func properties(_ result: [String: Any]) -> [String: Any] {
        result["properties"] as? [String: Any] ?? [:]
    }

    static func physicalLocation(_ result: [String: Any]) -> [String: Any]? {
        ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any]
    }

    /// Every finding of the report, counted and with its id, through the spool.
    static func findingIDs(_ report: GapReport) throws -> [String] {
        var ids: [String] = []
        for outcome in report.evaluation.outcomes {
            try outcome.forEachFinding { ids.append(FindingID.of($0, control: outcome.definition.id)) }
        }
        return ids
    }

    @Test func theExampleHasOneResultPerFindingWithItsFindingIDAsFingerprint() throws {
        let report = try ReferenceReportTests.exampleReport()
        let run = try Self.run(try Self.render(report))
        let results = try Self.results(run)
        let expected = try Self.findingIDs(report)
        #expect(results.count == report.evaluation.outcomes.reduce(0) { $0 + $1.findingCount })
        #expect(results.count == expected.count)
        let fingerprints = results.map {
            ($0["partialFingerprints"] as? [String: String])?[SARIFReportRenderer.fingerprintKey] ?? ""
        }
        let full = results.map { ($0["fingerprints"] as? [String: String])?[SARIFReportRenderer.fingerprintKey] ?? "" }
        #expect(fingerprints == expected)
        #expect(full == expected)
        #expect(Set(fingerprints).count == fingerprints.count, "finding ids are unique")
        #expect(results.map { Self.properties($0)["findingId"] as? String ?? "" } == expected)
    }

    @Test func oneRulePerControlWithSeverityHelpAndFrameworkEntries() throws {
        let report = try ReferenceReportTests.exampleReport()
        let run = try Self.run(try Self.render(report))
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Crosswalk")
        #expect(driver["version"] as? String == CrosswalkPipeline.toolVersion)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let taxonomies = try #require(run["taxonomies"] as? [[String: Any]])
        #expect(taxonomies.map { $0["name"] as? String ?? "" } == report.library.catalogs.map(\.id))
        #expect(rules.map { $0["id"] as? String ?? "" } == report.evaluation.outcomes.map(\.definition.id))
        for (rule, outcome) in zip(rules, report.evaluation.outcomes) {
            let control = outcome.definition
            let properties = try #require(rule["properties"] as? [String: Any])
            let severity = try #require(properties["security-severity"] as? String)
            #expect(Double(severity) != nil, "\(control.id): security-severity is a number in a string")
            #expect((rule["defaultConfiguration"] as? [String: String])?["level"] == control.severity.sarifLevel)
            let help = try #require((rule["help"] as? [String: String])?["text"])
            #expect(help.contains(control.remediation))
            let tags = try #require(properties["tags"] as? [String])
            let mappings = report.library.mappings(forControl: control.id)
            #expect(!mappings.isEmpty)
            #expect(tags.count <= 20, "GitHub code scanning rejects rules with more than 20 tags")
            for mapping in mappings { #expect(tags.contains(mapping.catalogID)) }
            // Every mapping is a relationship to its entry in the catalog's taxonomy.
            let relationships = try #require(rule["relationships"] as? [[String: Any]])
            #expect(relationships.count == mappings.count)
            for (relationship, mapping) in zip(relationships, mappings) {
                let target = try #require(relationship["target"] as? [String: Any])
                let component = try #require(target["toolComponent"] as? [String: Any])
                let taxonomy = try #require(taxonomies[try #require(component["index"] as? Int)])
                #expect(component["name"] as? String == mapping.catalogID)
                #expect(taxonomy["name"] as? String == mapping.catalogID)
                let taxa = try #require(taxonomy["taxa"] as? [[String: Any]])
                #expect(taxa[try #require(target["index"] as? Int)]["id"] as? String == mapping.entryID)
                #expect(target["id"] as? String == mapping.entryID)
                let kinds = relationship["kinds"] as? [String] ?? []
                #expect(kinds == [SARIFTaxonomies.relationshipKind(mapping.relationship)])
            }
            #expect(tags.contains("security"))
        }
        // Critical controls rank as critical in GitHub code scanning (over 9.0), low ones as low.
        #expect(Double(Severity.critical.sarifSecuritySeverity)! > 9.0)
        #expect(Double(Severity.high.sarifSecuritySeverity)! >= 7.0)
        #expect(Double(Severity.low.sarifSecuritySeverity)! < 4.0)
    }

    @Test func nativeFindingsPointAtTheInventoryFileAndNameTheSubject() throws {
        let report = try ReferenceReportTests.exampleReport()
        let run = try Self.run(try Self.render(report))
        let artifacts = try #require(run["artifacts"] as? [[String: Any]])
        #expect(artifacts.count == report.metadata.inputs.count)
        for (artifact, input) in zip(artifacts, report.metadata.inputs) {
            #expect((artifact["hashes"] as? [String: String])?["sha-256"] == input.sha256)
            #expect(artifact["length"] as? Int == input.byteCount)
        }
        let inventoryIndex = try #require(report.metadata.inputs.firstIndex { $0.role == .inventory })
        for result in try Self.results(run) {
            let physical = try #require(Self.physicalLocation(result))
            let artifact = try #require(physical["artifactLocation"] as? [String: Any])
            let properties = Self.properties(result)
            if properties["subjectKind"] as? String == "platform" { continue }
            #expect(artifact["uri"] as? String == "examples/acme/inventory.yaml")
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            #expect(artifact["index"] as? Int == inventoryIndex)
            #expect((physical["region"] as? [String: Int])?["startLine"] == 1)
            let logical = try #require(
                (result["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]]
            )
            #expect(logical.first?["fullyQualifiedName"] as? String == properties["subject"] as? String)
        }
    }

    @Test func importedFindingsPointAtTheExportFileAndLine() throws {
        let report = try CrosswalkPipeline().run(try MulticloudExample.request())
        let run = try Self.run(try Self.render(report))
        let artifacts = try #require(run["artifacts"] as? [[String: Any]])
        var checked = 0
        for result in try Self.results(run) {
            let evidence = Self.properties(result)["evidence"] as? [[String: String]] ?? []
            guard let source = evidence.last(where: { $0["field"] == "source" })?["observed"] else { continue }
            let physical = try #require(Self.physicalLocation(result))
            let artifact = try #require(physical["artifactLocation"] as? [String: Any])
            let uri = try #require(artifact["uri"] as? String)
            let line = try #require((physical["region"] as? [String: Int])?["startLine"])
            #expect(source.hasPrefix(uri + ", "), "\(source) is in \(uri)")
            if source.hasSuffix(", line \(line)") { checked += 1 }
            let index = try #require(artifact["index"] as? Int)
            #expect((artifacts[index]["location"] as? [String: Any])?["uri"] as? String == uri)
        }
        #expect(checked > 20, "imported records read at a line are shown at that line")
    }

    @Test func hostileTextStaysTextAndRoundTrips() throws {
        let report = try Self.hostileReport()
        let bytes = try Self.render(report)
        // No raw control character but the line feeds of the layout, no raw bidirectional override.
        #expect(!bytes.contains { $0 < 0x20 && $0 != 0x0A || $0 == 0x7F })
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { [0x202E, 0x2067].contains($0.value) })
        #expect(text.contains("\\u202e") && text.contains("\\u2067"))
        let results = try Self.results(try Self.run(bytes))
        let owners = results.filter { $0["ruleId"] as? String == "CW-LIFE-01" }
        #expect(owners.count == Self.hostileNames.count / 2, "identities with no owner")
        var seenNames = Set<String>()
        for result in results {
            let properties = Self.properties(result)
            let name = try #require(properties["subjectName"] as? String)
            seenNames.insert(name)
            let message = try #require((result["message"] as? [String: String])?["text"])
            // No embedded link or placeholder can come from a name: every [ ] \ is escaped and
            // every brace doubled.
            #expect(!Self.hasUnescapedLinkOrPlaceholder(message), "\(message)")
        }
        for name in Self.hostileNames { #expect(seenNames.contains(name), "\(name.debugDescription) round-trips") }
        let owned = results.compactMap { Self.properties($0)["owner"] as? String }
        #expect(owned.contains(Self.hostileNames[0]))
        #expect(owned.contains(SARIFReportRenderer.noOwner))
        let uri = (Self.physicalLocation(try #require(results.first))?["artifactLocation"] as? [String: Any])?["uri"]
        #expect(uri as? String == "inventories/hostile%20inventory%20%231.json")
    }

    /// Whether `message` holds a `[`, `]`, `{` or `}` a SARIF viewer would read as syntax.
    static func hasUnescapedLinkOrPlaceholder(_ message: String) -> Bool {
        var characters = message.makeIterator()
        while let character = characters.next() {
            switch character {
            case "\\":
                guard let escaped = characters.next(), "\\[]".contains(escaped) else { return true }
            case "[", "]": return true
            case "{", "}":
                guard characters.next() == character else { return true }
            default: continue
            }
        }
        return false
    }

    @Test func tagsStayWithinGitHubsLimitWhateverTheCatalogs() throws {
        let mappings = (0..<40).map {
            Mapping(
                controlID: "CW-X-01",
                catalogID: "catalog-\($0)",
                entryID: "E1",
                relationship: .equal,
                strength: 5,
                rationale: "",
                origin: "test"
            )
        }
        let definition = try #require(ControlEvaluator().controls.first?.definition)
        let tags = SARIFRuleWriter.tags(definition, mappings: mappings)
        #expect(tags.count == SARIFRuleWriter.tagLimit)
        #expect(Set(tags).count == tags.count)
    }

    @Test func plainTextEscapingFollowsTheSARIFGrammar() {
        #expect(SARIFPlainText.escaped("plain text") == "plain text")
        #expect(SARIFPlainText.escaped("[a](1)") == "\\[a\\](1)")
        #expect(SARIFPlainText.escaped("C:\\x") == "C:\\\\x")
        #expect(SARIFPlainText.escaped("{0}") == "{{0}}")
        #expect(!Self.hasUnescapedLinkOrPlaceholder(SARIFPlainText.escaped("\\[x\\](0) {{1}} ]]")))
    }

    @Test func artifactURIsAreRelativeToTheSourceRootAndPercentEncoded() {
        #expect(SARIFArtifactURI(path: "examples/acme/inventory.yaml").uri == "examples/acme/inventory.yaml")
        #expect(SARIFArtifactURI(path: "./a b/c#d?.json") == SARIFArtifactURI(path: "a b/c#d?.json"))
        #expect(SARIFArtifactURI(path: "a b/c#d?.json").uri == "a%20b/c%23d%3F.json")
        #expect(SARIFArtifactURI(path: "a b/c.json").baseID == "%SRCROOT%")
        #expect(SARIFArtifactURI(path: "x:y/é.json").uri == "x%3Ay/%C3%A9.json")
        let absolute = SARIFArtifactURI(path: "/srv/inventory 1.yaml")
        #expect(absolute.uri == "file:///srv/inventory%201.yaml")
        #expect(absolute.baseID == nil)
    }

    @Test func fingerprintsAreStableAcrossRunsAndIdenticalRunsGiveIdenticalBytes() throws {
        let first = try Self.render(try Self.hostileReport())
        #expect(first == (try Self.render(try Self.hostileReport())))
        // A later run: messages may change (ages), the finding ids do not.
        let later = try Self.results(try Self.run(try Self.render(try Self.hostileReport(now: "2027-03-01T00:00:00Z"))))
        let earlier = try Self.results(try Self.run(first))
        func ids(_ results: [[String: Any]]) -> [String: String] {
            var ids: [String: String] = [:]
            for result in results {
                let properties = Self.properties(result)
                let key = "\(result["ruleId"] ?? "") \(properties["subject"] ?? "")"
                ids[key] = (result["partialFingerprints"] as? [String: String])?[SARIFReportRenderer.fingerprintKey]
            }
            return ids
        }
        let before = ids(earlier)
        let after = ids(later)
        #expect(!before.isEmpty)
        for (key, id) in before where after[key] != nil { #expect(after[key] == id, "\(key)") }
    }

    @Test func notAssessedResultsAskForReviewAndFailuresCarryTheRuleLevel() throws {
        let report = try CrosswalkPipeline().run(try MulticloudExample.request())
        let run = try Self.run(try Self.render(report))
        let levels = Dictionary(
            uniqueKeysWithValues: report.evaluation.outcomes.map {
                ($0.definition.id, $0.definition.severity.sarifLevel)
            }
        )
        var statuses = Set<String>()
        for result in try Self.results(run) {
            let status = try #require(Self.properties(result)["status"] as? String)
            statuses.insert(status)
            switch status {
            case "not-assessed", "error":
                #expect(result["kind"] as? String == "review")
                #expect(result["level"] as? String == "none")
            default:
                #expect(result["kind"] == nil)
                #expect(result["level"] as? String == levels[result["ruleId"] as? String ?? ""])
            }
        }
        #expect(statuses.isSuperset(of: ["fail", "not-assessed"]))
    }

    @Test func aGeneratedInventoryOfThousandsGivesEveryFindingOnce() throws {
        let report = try Self.hostileReport(count: 3000)
        let bytes = try Self.render(report)
        let results = try Self.results(try Self.run(bytes))
        let findings = report.evaluation.outcomes.reduce(0) { $0 + $1.findingCount }
        #expect(findings >= 3000)
        #expect(results.count == findings)
        let ids = results.compactMap { Self.properties($0)["findingId"] as? String }
        #expect(Set(ids).count == findings)
        // Written as it goes: in blocks, never as one piece.
        let sink = BlockRecordingSink()
        try SARIFReportRenderer().render(report, to: sink)
        #expect(sink.bytes == bytes)
        #expect(sink.writes > 10)
        #expect(sink.largestWrite < 2 * ExportByteBuffer.blockSize)
        // One result per line.
        #expect(
            bytes.split(separator: 0x0A).filter { $0.starts(with: Array("        {\"ruleId\"".utf8)) }.count == findings
        )
    }
}

/// A sink that keeps what it is given and counts the writes, to show a renderer streams.
private final class BlockRecordingSink: ReportSink {
    private(set) var bytes: [UInt8] = []
    private(set) var writes = 0
    private(set) var largestWrite = 0

    func write(_ buffer: UnsafeRawBufferPointer) throws {
        bytes.append(contentsOf: buffer)
        writes += 1
        largestWrite = max(largestWrite, buffer.count)
    }
}
