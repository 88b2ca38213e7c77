import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// docs/controls.md is generated from the control library and bundled mappings. Re-record with
/// `CROSSWALK_RECORD=1 swift test --filter ControlReferenceTests`.
@Suite struct ControlReferenceTests {
    @Test func controlReferenceDocumentIsCurrent() throws {
        let text = try ControlReference(templates: ReportTemplates()).render(
            controls: ControlRegistry.all.map(\.definition),
            library: try CatalogLoader().load()
        )
        if ProcessInfo.processInfo.environment["CROSSWALK_RECORD"] == "1" {
            try Data(text.utf8).write(to: Fixtures.url("docs/controls.md"))
        }
        #expect(text == (try Fixtures.text("docs/controls.md")), "docs/controls.md is out of date")
        for control in ControlRegistry.all {
            #expect(text.contains("## \(control.definition.id): "), "\(control.definition.id) is documented")
        }
    }
}
