import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// Golden tests: the bundled example's reports in reports/example/ are exactly what the current
/// code produces. To re-record after an intended change, run
/// `CROSSWALK_RECORD=1 swift test --filter ReferenceReportTests` and review the diff.
@Suite struct ReferenceReportTests {
    static func exampleReport() throws -> GapReport {
        try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [try Fixtures.file("examples/acme/inventory.yaml")],
                policyFile: try Fixtures.file("examples/acme/policy.yaml"),
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
    }

    /// Every document but XML and JUnit, whose reference tests live with their renderers (CrosswalkXMLTests).
    static let documents = ReportDocument.allCases.filter { $0 != .xmlReport && $0 != .junitReport }

    @Test(arguments: documents)
    func exampleReportMatchesTheCommittedReference(_ document: ReportDocument) throws {
        let report = try Self.exampleReport()
        let rendered = try RendererRegistry(templates: ReportTemplates()).render(report, as: document)
        let path = "reports/example/\(document.fileName)"
        if ProcessInfo.processInfo.environment["CROSSWALK_RECORD"] == "1" {
            try Data(rendered).write(to: Fixtures.url(path))
        }
        // Decoded as is: a CSV export starts with a byte order mark, which `Fixtures.text` drops.
        let expected = String(decoding: try Data(contentsOf: Fixtures.url(path)), as: UTF8.self)
        let actual = String(decoding: rendered, as: UTF8.self)
        #expect(actual == expected, "\(path) is out of date; see ReferenceReportTests to re-record")
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let renderer = try RendererRegistry(templates: ReportTemplates())
        for document in Self.documents {
            let first = try renderer.render(try Self.exampleReport(), as: document)
            let second = try renderer.render(try Self.exampleReport(), as: document)
            #expect(first == second, "\(document) output is deterministic")
        }
    }

    @Test func everyControlHasPassingAndFailingSubjectsInTheExample() throws {
        let report = try Self.exampleReport()
        for outcome in report.evaluation.outcomes {
            #expect(outcome.count(.pass) > 0, "\(outcome.definition.id) passes somewhere in the example")
            #expect(outcome.count(.fail) > 0, "\(outcome.definition.id) fails somewhere in the example")
        }
    }

    @Test func exampleIsARealisticOrganisation() throws {
        let report = try Self.exampleReport()
        #expect(report.inventorySummary.identityCount >= 60)
        #expect(report.inventorySummary.platforms.count >= 3)
        #expect(report.frameworks.count == 6)
    }
}
