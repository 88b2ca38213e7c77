import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// Golden test for `reports/example/manifest.json`: it is the manifest of the committed reference
/// reports, as `crosswalk report examples/acme --output reports/example --now 2026-11-01T00:00:00Z`
/// writes it. Its file hashes are computed from the other files in `reports/example/`, so when
/// any reference report is re-recorded this test fails until the manifest is re-recorded too:
/// `CROSSWALK_RECORD=1 swift test --filter ReferenceManifestTests` (after the other reference
/// tests). The end-to-end `ManifestCommandLineTests` checks that the command writes these bytes.
@Suite struct ReferenceManifestTests {
    static let path = "reports/example/manifest.json"

    static func expectedManifest() throws -> [UInt8] {
        let report = try ReferenceReportTests.exampleReport()
        let folder = Fixtures.url("reports/example")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !ReportManifest.ownFileNames.contains($0) && !$0.hasPrefix(".") }
        let files = try names.map { name in
            ManifestFile(
                name: name,
                digest: ContentDigester.digest(Array(try Data(contentsOf: folder.appendingPathComponent(name))))
            )
        }
        let manifest = ReportManifest(
            toolVersion: CrosswalkPipeline.toolVersion,
            clock: ManifestClock(time: report.metadata.generatedAt, source: .option),
            inputs: report.metadata.inputs.map(ManifestInput.init) + ManifestInput.bundled,
            files: files
        )
        return ManifestJSONWriter.encode(manifest)
    }

    @Test func exampleManifestMatchesTheCommittedReference() throws {
        let expected = try Self.expectedManifest()
        if ProcessInfo.processInfo.environment["CROSSWALK_RECORD"] == "1" {
            try Data(expected).write(to: Fixtures.url(Self.path))
        }
        let committed = Array(try Data(contentsOf: Fixtures.url(Self.path)))
        #expect(
            committed == expected,
            "\(Self.path) does not describe the reference reports; see ReferenceManifestTests to re-record"
        )
        let manifest = try ManifestReader.read(committed)
        #expect(manifest.files.count >= 6)
        #expect(manifest.inputs.map(\.path).prefix(2) == ["examples/acme/inventory.yaml", "examples/acme/policy.yaml"])
    }
}
