import CrosswalkCore
import CrosswalkTestSupport
import CrosswalkXML
import Foundation
import Testing

/// The XML report's `changes` element (since the previous run): present and valid against the
/// shipped schema when the report carries changes, with the same facts as the JSON report.
@Suite struct XMLChangesTests {
    @Test func aReportWithChangesIsValidAndCarriesThem() throws {
        var report = try XMLReferenceReportTests.exampleReport()
        report.changes = try SampleChanges.make(
            for: report,
            newFailures: 3,
            hostileOwner: "<owner> & \"team\"",
            hostileSubject: "svc]]>-1"
        )
        let rendered = try XMLReportRenderer().render(report)
        let problems = try XMLSchemaValidator.crosswalkReport().validate(rendered, file: "changes.xml")
        #expect(problems.map(\.description) == [])
        let text = String(decoding: rendered, as: UTF8.self)
        #expect(text.contains("<changes previousRun=\"20261031T000000Z\""))
        #expect(text.contains("newFailuresCount=\"3\""))
        #expect(
            text.contains("<owner>&lt;owner&gt; &amp; \"team\"</owner>")
                || text.contains("&lt;owner&gt; &amp; &quot;team&quot;")
        )
        #expect(text.components(separatedBy: "<trendPoint ").count - 1 == 3)
    }

    @Test func aReportWithoutChangesHasNoChangesElement() throws {
        let text = String(
            decoding: try XMLReportRenderer().render(try XMLReferenceReportTests.exampleReport()),
            as: UTF8.self
        )
        #expect(!text.contains("<changes"))
    }
}
