import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// Golden tests for the multicloud example: exports from all four platforms and an overlay give
/// exactly the reports in reports/multicloud/. Re-record after an intended change with
/// `CROSSWALK_RECORD=1 swift test --filter MulticloudReferenceReportTests` and review the diff.
@Suite struct MulticloudReferenceReportTests {
    static let documents = ReportDocument.allCases.filter { $0 != .xmlReport && $0 != .junitReport }

    @Test(arguments: documents)
    func multicloudReportMatchesTheCommittedReference(_ document: ReportDocument) throws {
        let report = try CrosswalkPipeline().run(try MulticloudExample.request())
        let rendered = try RendererRegistry(templates: ReportTemplates()).render(report, as: document)
        let path = "reports/multicloud/\(document.fileName)"
        if ProcessInfo.processInfo.environment["CROSSWALK_RECORD"] == "1" {
            try FileManager.default.createDirectory(
                at: Fixtures.url("reports/multicloud"),
                withIntermediateDirectories: true
            )
            try Data(rendered).write(to: Fixtures.url(path))
        }
        #expect(
            String(decoding: rendered, as: UTF8.self)
                == String(decoding: try Data(contentsOf: Fixtures.url(path)), as: UTF8.self),
            "\(path) is out of date; see MulticloudReferenceReportTests to re-record"
        )
    }

    /// What the example is for: every platform yields identities, the overlay fills owners the
    /// exports lack, and findings cite the export record they come from.
    @Test func everyPlatformContributesAndFindingsCiteTheirSource() throws {
        let report = try CrosswalkPipeline().run(try MulticloudExample.request())
        #expect(report.inventorySummary.platforms == ["aws", "azure", "gcp", "kubernetes"])
        #expect(report.metadata.organization == "Acme Multicloud")
        let owners = try #require(report.evaluation.outcomes.first { $0.definition.id == "CW-LIFE-01" })
        #expect(owners.count(.pass) > owners.count(.fail))
        let admin = try #require(report.evaluation.outcomes.first { $0.definition.id == "CW-AUTHZ-02" })
        let failing = admin.findings.filter { $0.status == .fail }.map(\.subject.id)
        #expect(failing.contains("k8s:ci/deployer"))
        #expect(failing.contains("arn:aws:iam::111122223333:user/ci-deployer"))
        #expect(failing.contains("etl-runner@acme-data.iam.gserviceaccount.com"))
        #expect(failing.contains("5f1c2d3e-0a1b-4c2d-8e3f-111111111111"))
        for finding in admin.findings {
            #expect(finding.evidence.contains { $0.field == "source" && $0.observed.hasPrefix("examples/multicloud/") })
        }
        #expect(report.metadata.inputs.filter { $0.role == .importedExport }.count == MulticloudExample.imports.count)
    }
}
