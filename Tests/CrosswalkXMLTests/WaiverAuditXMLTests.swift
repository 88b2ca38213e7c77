import CrosswalkCore
import CrosswalkTestSupport
import CrosswalkXML
import Foundation
import Testing

/// The waiver audit in the XML report: valid against the XSD, with hostile text as content.
struct WaiverAuditXMLTests {
    static func report(justification: String) throws -> GapReport {
        var request = CrosswalkPipeline.Request(
            inventoryFiles: [try Fixtures.file("examples/acme/inventory.yaml")],
            policyFile: try Fixtures.file("examples/acme/policy.yaml"),
            now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
        )
        let waivers = """
            version: 1
            waivers:
              - id: W-001
                control: CW-AUTHZ-02
                subject: {id: gh-actions-terraform-apply}
                justification: "\(justification)"
                approver: Jane Doe
                created: 2026-10-01
                expires: 2026-12-31
              - {id: W-002, control: CW-NOPE-01, subject: {match: "*"}, justification: x, approver: y,
                 created: 2026-10-01, expires: 2026-12-31}
            """
        request.waiversFile = InputFile(path: "waivers.yaml", text: waivers)
        return try CrosswalkPipeline().run(request)
    }

    @Test func theAuditIsValidAgainstTheSchemaAndEscapesHostileText() throws {
        let bytes = try XMLReportRenderer().render(try Self.report(justification: "</justification><x a='1'>&amp;"))
        #expect(try XMLSchemaValidator.crosswalkReport().validate(bytes, file: "waivers.xml").map(\.description) == [])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"<waiver id="W-001" control="CW-AUTHZ-02" state="matched" acceptedResults="1""#))
        #expect(text.contains("<justification>&lt;/justification&gt;&lt;x a='1'&gt;&amp;amp;</justification>"))
        #expect(text.contains(#"<waiver id="W-002" control="CW-NOPE-01" state="invalid" acceptedResults="0""#))
        #expect(text.contains("<reason>unknown control CW-NOPE-01</reason>"))
        #expect(text.contains(#"role="waivers""#) || text.contains("<role>waivers</role>"))
    }
}
