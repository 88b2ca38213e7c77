import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// The CSV exports read back by an independent client, Python's `csv` module, as a spreadsheet
/// import would: every row, every column, hostile names intact, and no cell a spreadsheet would
/// evaluate as a formula.
@Suite struct CSVClientTests {
    /// What the client saw: the header, the rows, and every cell that starts like a formula.
    struct ReadBack: Decodable {
        var header: [String]
        var rows: [[String]]
        var formulaCells: [String]
        var widths: [Int]
    }

    /// Reads the file with `csv.reader` in strict mode (a quoting error raises), decoding UTF-8 and
    /// skipping the byte order mark as `utf-8-sig` does.
    static let readScript = #"""
        import csv, json, sys
        with open(sys.argv[1], newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.reader(handle, strict=True))
        triggers = ("=", "+", "-", "@", "\t", "\r")
        formula = [cell for row in rows for cell in row if cell.startswith(triggers)]
        print(json.dumps({"header": rows[0], "rows": rows[1:], "formulaCells": formula,
                          "widths": sorted({len(row) for row in rows})}))
        """#

    /// Runs the client on `bytes`; nil when no Python client is installed (then the test skips
    /// locally and fails on CI).
    static func readBack(_ bytes: [UInt8]) throws -> ReadBack? {
        if !PythonClient.available("csv") {
            #expect(!PythonClient.required, "Python is needed to check the CSV exports")
            return nil
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-\(UUID().uuidString).csv")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try PythonClient.run(script: readScript, arguments: [file.path])
        #expect(result.exitCode == 0, "csv.reader refused the file: \(result.stderr)")
        return try JSONDecoder().decode(ReadBack.self, from: Data(result.stdout.utf8))
    }

    static func expectedRowCount(_ report: GapReport) -> Int {
        report.evaluation.outcomes.reduce(0) {
            $0 + $1.findingCount + (report.includesPassing ? $1.count(.pass) : 0)
        }
    }

    /// Checks what every results file must be: the header, one row per result with every column,
    /// no formula, and unique finding ids.
    static func expectWellFormedResults(_ report: GapReport) throws -> ReadBack? {
        let bytes = try CSVResultsRenderer().render(report)
        guard let read = try readBack(bytes) else { return nil }
        #expect(read.header == CSVResultsRenderer.fixedColumns + report.frameworks.map(\.catalog.id))
        #expect(read.rows.count == expectedRowCount(report))
        #expect(read.widths == [read.header.count])
        #expect(read.formulaCells == [])
        #expect(Set(read.rows.map { $0[0] }).count == read.rows.count, "finding ids are unique")
        return read
    }

    @Test func exampleResultsReadBackRowForRow() throws {
        let report = try ReferenceReportTests.exampleReport()
        guard let read = try Self.expectWellFormedResults(report) else { return }
        #expect(read.rows.count > 50)
        var rows = read.rows.makeIterator()
        for outcome in report.evaluation.outcomes {
            try outcome.forEachFinding { finding in
                guard let row = rows.next() else {
                    Issue.record("fewer rows than findings")
                    return
                }
                #expect(row[0] == FindingID.of(finding, control: outcome.definition.id))
                #expect(row[1] == outcome.definition.id)
                #expect(row[2] == outcome.definition.severity.rawValue)
                #expect(row[3] == finding.status.rawValue)
                #expect(row[4] == finding.subject.id)
                let identity = finding.subject.identityID.flatMap { report.evaluation.identity(withID: $0) }
                if let identity {
                    #expect(row[5] == identity.kind.rawValue)
                    #expect(row[6] == (identity.owner ?? "no owner"))
                    #expect(row[7] == (identity.platform ?? ""))
                }
                for evidence in finding.evidence {
                    #expect(row[8].contains("\(evidence.field): \(evidence.observed)"))
                }
            }
        }
        let nhi = try #require(read.header.firstIndex(of: "owasp-nhi-top10-2025"))
        let rotation = try #require(read.rows.first { $0[1] == "CW-CRED-02" })
        let mapped = report.library.mappings(forControl: "CW-CRED-02").filter { $0.catalogID == "owasp-nhi-top10-2025" }
        #expect(rotation[nhi].split(separator: ";").map(String.init) == mapped.map(\.entryID))
        #expect(!rotation[nhi].isEmpty)
    }

    @Test func multicloudResultsCarryTheSourceRecordOfImportedFindings() throws {
        let report = try CrosswalkPipeline().run(try MulticloudExample.request())
        guard let read = try Self.expectWellFormedResults(report) else { return }
        let imported = read.rows.filter { $0[8].contains("source: examples/multicloud/") }
        #expect(imported.count > read.rows.count / 2)
        #expect(Set(read.rows.map { $0[7] }).isSuperset(of: ["aws", "azure", "gcp", "kubernetes"]))
    }

    @Test func passingSubjectsAreRowsWhenTheRunIncludesThem() throws {
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [try Fixtures.file("examples/acme/inventory.yaml")],
                policyFile: try Fixtures.file("examples/acme/policy.yaml"),
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow)),
                includePassing: true
            )
        )
        guard let read = try Self.expectWellFormedResults(report) else { return }
        let passes = report.evaluation.outcomes.reduce(0) { $0 + $1.count(.pass) }
        #expect(passes > 0)
        #expect(read.rows.filter { $0[3] == "pass" }.count == passes)
    }

    /// Names, owners, platforms and ids an attacker controls: formula starts, quotes, separators,
    /// line breaks, markup, a right-to-left override and a bell.
    static let hostile = [
        "=cmd|' /C calc'!A0",
        "+SUM(1,2)",
        "-2+3",
        "@SUM(A1)",
        "\tTAB=1+1",
        "\rCR=1+1",
        "say \"hi\", then\nbreak; a line",
        "<script>alert(1)</script>",
        "\u{202E}gpj.exe",
        "bell\u{07}here",
    ]

    static func hostileReport() throws -> GapReport {
        let identities = hostile.enumerated().map { index, text -> [String: Any] in
            [
                "id": index.isMultiple(of: 2) ? text : "hostile-\(index)", "name": text, "kind": "agent",
                "platform": text, "owner": text, "authentication": "api-key",
            ]
        }
        let inventory: [String: Any] = ["version": 1, "organization": hostile[0], "identities": identities]
        let data = try JSONSerialization.data(withJSONObject: inventory, options: [.sortedKeys])
        return try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.json", text: String(decoding: data, as: UTF8.self))],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
    }

    @Test func hostileNamesRoundTripAndNeverEvaluate() throws {
        let report = try Self.hostileReport()
        guard let read = try Self.expectWellFormedResults(report) else { return }
        for (index, text) in Self.hostile.enumerated() {
            let shown = CSVCell.neutralised(text)
            let id = index.isMultiple(of: 2) ? text : "hostile-\(index)"
            let rows = read.rows.filter { $0[4] == CSVCell.neutralised(id) && $0[1] == "CW-AUTH-01" }
            #expect(rows.count == 1, "\(text.debugDescription): one CW-AUTH-01 row")
            for row in rows {
                #expect(row[6] == shown, "owner of \(text.debugDescription)")
                #expect(row[7] == shown, "platform of \(text.debugDescription)")
            }
        }
        #expect(read.rows.contains { $0[6] == "'=cmd|' /C calc'!A0" })
        #expect(read.rows.contains { $0[6] == "say \"hi\", then\nbreak; a line" })
    }

    @Test func frameworkFilesHoldEveryEntryWithItsStatusScoreAndControls() throws {
        let report = try ReferenceReportTests.exampleReport()
        for framework in report.frameworks {
            let bytes = try FrameworkCSVRenderer(catalogID: framework.catalog.id).render(report)
            guard let read = try Self.readBack(bytes) else { return }
            #expect(read.header == ["entry", "title", "status", "score", "controls"])
            #expect(read.widths == [5])
            #expect(read.formulaCells == [])
            #expect(read.rows.map { $0[0] } == framework.entries.map(\.entry.id))
            for (row, entry) in zip(read.rows, framework.entries) {
                #expect(row[1] == CSVCell.neutralised(entry.entry.title))
                #expect(row[2] == entry.status.rawValue)
                #expect(row[3] == (entry.passShare.map { String(Int(($0 * 100).rounded())) } ?? ""))
                let controls = row[4].isEmpty ? [] : row[4].split(separator: ";").map(String.init)
                #expect(Set(controls) == Set(entry.links.map(\.mapping.controlID)))
            }
            #expect(read.rows.contains { $0[2] == "gaps-found" } || framework.count(.gapsFound) == 0)
        }
    }

    /// A generated inventory of a few thousand identities, streamed from the spool: one row per
    /// finding, whatever the count.
    @Test func aGeneratedInventoryOfThousandsGivesOneRowPerFinding() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("inventory.jsonl")
        try LargeInventory.write(identities: 3000, to: file)
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [try InputFile(path: file.path, bytes: Array(Data(contentsOf: file)))],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        #expect(report.inventorySummary.identityCount == 3000)
        guard let read = try Self.expectWellFormedResults(report) else { return }
        #expect(read.rows.count > 3000)
    }
}
