import CrosswalkCore
import CrosswalkTestSupport
import CrosswalkXML
import Testing

/// Priorities in the XML report: critical findings, the named exposed credentials, the ranking
/// keys of top gaps, and entry ids that Crosswalk assigned.
@Suite struct XMLPriorityTests {
    static func exampleDocument() throws -> (bytes: [UInt8], document: ParsedXML) {
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [try Fixtures.file("examples/acme/inventory.yaml")],
                policyFile: try Fixtures.file("examples/acme/policy.yaml"),
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        let bytes = try XMLReportRenderer().render(report)
        return (bytes, try ParsedXML(bytes))
    }

    @Test func criticalFindingsNameSubjectControlAndOwnerAndValidate() throws {
        let (bytes, document) = try Self.exampleDocument()
        #expect(try XMLSchemaValidator.crosswalkReport().validate(bytes, file: "crosswalk-report.xml").isEmpty)
        let findings = try #require(document.root.child("criticalFindings")).children
        #expect(
            findings.map {
                "\($0["control"] ?? "") \($0["exposureClass"] ?? "") \($0["subject"] ?? "") \($0.child("owner")?.text ?? "-")"
            } == [
                "CW-CRED-05 exposure aws-sa-billing-etl/access-key-2024-07 billing-data@acme-financial.example",
                "CW-AGENT-01 privilege agent-support-refund-drafter support-engineering",
            ]
        )
        let exposed = try #require(document.root.child("keyFigures")).descendants("exposedCredential")
        #expect(exposed.map { $0["subject"] } == ["aws-sa-billing-etl/access-key-2024-07"])
    }

    @Test func topGapsCarryTheirPositionAndExposureClass() throws {
        let (_, document) = try Self.exampleDocument()
        let gaps = try #require(document.root.child("topGaps")).children
        #expect(gaps.map { $0["rank"] } == (1...gaps.count).map { String($0) })
        #expect(
            gaps.prefix(3).map { "\($0["control"] ?? "") \($0["exposureClass"] ?? "")" } == [
                "CW-CRED-05 exposure", "CW-AGENT-01 privilege", "CW-AUTHZ-02 privilege",
            ]
        )
        #expect(gaps.first?.child("entriesWithGaps")?.children.isEmpty == false)
    }

    @Test func crosswalkIdsAreMarkedOnEveryEntryReferenceAndNowhereElse() throws {
        let (_, document) = try Self.exampleDocument()
        let catalogs = try #require(document.root.child("catalogs")).children
        #expect(catalogs.filter { $0["entryIds"] == "crosswalk" }.map { $0["id"] } == ["csa-maestro"])
        var references: [(catalog: String, marked: Bool)] = []
        for framework in try #require(document.root.child("frameworks")).children {
            for entry in framework.descendants("entry") {
                references.append((framework["catalog"] ?? "", entry["crosswalkId"] == "true"))
            }
        }
        for name in ["mapping", "entryReference"] {
            for element in document.root.descendants(name) {
                references.append((element["catalog"] ?? "", element["crosswalkId"] == "true"))
            }
        }
        #expect(references.filter { $0.catalog == "csa-maestro" }.count > 100)
        #expect(references.allSatisfy { $0.marked == ($0.catalog == "csa-maestro") })
    }
}
