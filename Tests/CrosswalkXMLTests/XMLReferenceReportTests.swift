import CrosswalkCore
import CrosswalkTestSupport
import CrosswalkXML
import Foundation
import Testing

/// Golden test for the XML report: reports/example/crosswalk-report.xml is exactly what the
/// current code produces for the bundled example, and it is valid against the shipped schema.
/// To re-record after an intended change, run
/// `CROSSWALK_RECORD=1 swift test --filter XMLReferenceReportTests` and review the diff.
@Suite struct XMLReferenceReportTests {
    static let path = "reports/example/crosswalk-report.xml"

    static func exampleReport(includePassing: Bool = false) throws -> GapReport {
        try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [try Fixtures.file("examples/acme/inventory.yaml")],
                policyFile: try Fixtures.file("examples/acme/policy.yaml"),
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow)),
                includePassing: includePassing
            )
        )
    }

    @Test func exampleReportMatchesTheCommittedReference() throws {
        let rendered = try XMLReportRenderer().render(try Self.exampleReport())
        if ProcessInfo.processInfo.environment["CROSSWALK_RECORD"] == "1" {
            try Data(rendered).write(to: Fixtures.url(Self.path))
        }
        let expected = try Fixtures.text(Self.path)
        let actual = String(decoding: rendered, as: UTF8.self)
        #expect(actual == expected, "\(Self.path) is out of date; see XMLReferenceReportTests to re-record")
    }

    /// The multicloud example (imports from four platforms and an overlay): same golden rule,
    /// and valid against the schema (input roles `import` and `overlay`, `source` evidence).
    @Test func multicloudReportMatchesTheCommittedReferenceAndTheSchema() throws {
        let path = "reports/multicloud/crosswalk-report.xml"
        let rendered = try XMLReportRenderer().render(try CrosswalkPipeline().run(try MulticloudExample.request()))
        if ProcessInfo.processInfo.environment["CROSSWALK_RECORD"] == "1" {
            try Data(rendered).write(to: Fixtures.url(path))
        }
        #expect(String(decoding: rendered, as: UTF8.self) == (try Fixtures.text(path)), "\(path) is out of date")
        let problems = try XMLSchemaValidator.crosswalkReport().validate(rendered, file: path)
        #expect(problems.map(\.description) == [])
    }

    @Test func committedReferenceIsValidAgainstTheBundledSchema() throws {
        let validator = try XMLSchemaValidator.crosswalkReport()
        let problems = validator.validate(Array(try Fixtures.text(Self.path).utf8), file: Self.path)
        #expect(problems.map(\.description) == [])
    }

    @Test func bundledSchemaIsTheOneInTheRepository() throws {
        let bundled = try #require(BundledResources.text(at: XMLReportRenderer.schemaPath))
        #expect(bundled == (try Fixtures.text(XMLReportRenderer.schemaPath)))
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let first = try XMLReportRenderer().render(try Self.exampleReport())
        let second = try XMLReportRenderer().render(try Self.exampleReport())
        #expect(first == second)
    }

    @Test func reportRendererWritesTheXMLDocumentThroughThisRenderer() throws {
        let renderer = RendererRegistry(templates: try ReportTemplates()).adding(XMLReportRenderer())
        let viaPipeline = try renderer.render(try Self.exampleReport(), as: .xmlReport)
        #expect(viaPipeline == (try XMLReportRenderer().render(try Self.exampleReport())))
    }
}
