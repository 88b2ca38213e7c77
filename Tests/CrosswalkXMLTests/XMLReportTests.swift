import CrosswalkCore
import CrosswalkXML
import Testing

@Suite struct XMLReportTests {
    @Test func rendererExists() {
        _ = XMLReportRenderer()
    }
}
