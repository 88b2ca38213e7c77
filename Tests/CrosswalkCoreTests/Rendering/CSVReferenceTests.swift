import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// Golden tests for the framework CSVs of the bundled example (the results CSV is one of
/// ``ReferenceReportTests``' documents), and the bytes every CSV export is made of. Re-record with
/// `CROSSWALK_RECORD=1 swift test --filter CSVReferenceTests` and review the diff.
@Suite struct CSVReferenceTests {
    static let catalogIDs = [
        "owasp-agentic-top10-2026", "owasp-nhi-top10-2025", "owasp-agentic-threats-2025", "csa-maestro",
        "nist-ai-rmf-1.0", "nist-csf-2.0",
    ]

    @Test(arguments: catalogIDs)
    func exampleFrameworkFileMatchesTheCommittedReference(_ catalogID: String) throws {
        let report = try ReferenceReportTests.exampleReport()
        let renderer = FrameworkCSVRenderer(catalogID: catalogID)
        let rendered = try renderer.render(report)
        let path = "reports/example/\(renderer.document.fileName)"
        if ProcessInfo.processInfo.environment["CROSSWALK_RECORD"] == "1" {
            try Data(rendered).write(to: Fixtures.url(path))
        }
        #expect(rendered == Array(try Data(contentsOf: Fixtures.url(path))), "\(path) is out of date")
        #expect(rendered == (try renderer.render(try ReferenceReportTests.exampleReport())), "deterministic")
    }

    @Test func theRegistryWritesOneFrameworkFilePerCatalogOfTheRun() throws {
        let report = try ReferenceReportTests.exampleReport()
        let registry = RendererRegistry(templates: try ReportTemplates())
            .addingFrameworkCSVs(catalogIDs: report.frameworks.map(\.catalog.id))
        #expect(
            registry.documents(forFormat: "csv").map(\.fileName)
                == ["crosswalk-results.csv"] + Self.catalogIDs.map { "crosswalk-framework-\($0).csv" }
        )
        for document in registry.documents(forFormat: "csv") {
            #expect(ReportDocument.isReportFileName(document.fileName))
        }
    }

    @Test func filesStartWithAByteOrderMarkAndEndEveryRecordWithCRLF() throws {
        let report = try ReferenceReportTests.exampleReport()
        for bytes in [
            try CSVResultsRenderer().render(report), try FrameworkCSVRenderer(catalogID: "nist-csf-2.0").render(report),
        ] {
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(Array(bytes.suffix(3)) == Array("\"\r\n".utf8))
            #expect(String(validating: bytes.dropFirst(3), as: UTF8.self) != nil, "UTF-8")
            // Outside quotes, every line feed ends a record and follows a carriage return.
            var quoted = false
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { quoted.toggle() }
                if byte == 0x0A && !quoted { #expect(previous == 0x0D) }
                previous = byte
            }
            #expect(!quoted)
        }
    }

    @Test func cellsAreQuotedWithQuotesDoubledAndFormulaStartsNeutralised() throws {
        let sink = MemorySink()
        let report = try ReferenceReportTests.exampleReport()
        try FrameworkCSVRenderer(catalogID: "missing-catalog").render(report, to: sink)
        #expect(
            Array(sink.bytes.dropFirst(3)) == Array("\"entry\",\"title\",\"status\",\"score\",\"controls\"\r\n".utf8)
        )
        #expect(CSVCell.neutralised("=1+1") == "'=1+1")
        #expect(CSVCell.neutralised("+1") == "'+1")
        #expect(CSVCell.neutralised("-1") == "'-1")
        #expect(CSVCell.neutralised("@A1") == "'@A1")
        #expect(CSVCell.neutralised("\tx") == "'\tx")
        #expect(CSVCell.neutralised("\rx") == "'\rx")
        #expect(CSVCell.neutralised("a=1") == "a=1")
        #expect(CSVCell.neutralised("") == "")
        #expect(CSVCell.neutralised("'=1") == "'=1", "a leading quote already makes it text")
    }

    @Test func catalogIDsThatAreNotPlainFileNamesGetASafeDistinctName() {
        #expect(FrameworkCSVFileName.of(catalogID: "nist-csf-2.0") == "crosswalk-framework-nist-csf-2.0.csv")
        let slashed = FrameworkCSVFileName.of(catalogID: "../etc/passwd")
        let spaced = FrameworkCSVFileName.of(catalogID: "../etc passwd")
        #expect(!slashed.contains("/"))
        #expect(slashed.hasPrefix("crosswalk-framework-.._etc_passwd-") && slashed.hasSuffix(".csv"))
        #expect(slashed != spaced)
        #expect(FrameworkCSVFileName.of(catalogID: ".hidden") != "crosswalk-framework-.hidden.csv")
        for name in [slashed, spaced, FrameworkCSVFileName.of(catalogID: "ünïcode ✓")] {
            #expect(FrameworkCSVFileName.matches(name), "\(name)")
            #expect(ReportDocument.isReportFileName(name))
        }
        #expect(!FrameworkCSVFileName.matches("crosswalk-framework-.csv"))
        #expect(!FrameworkCSVFileName.matches("crosswalk-framework-a b.csv"))
        #expect(!FrameworkCSVFileName.matches("notes.csv"))
        #expect(!ReportDocument.isReportFileName("crosswalk-results.csv.bak"))
    }
}
