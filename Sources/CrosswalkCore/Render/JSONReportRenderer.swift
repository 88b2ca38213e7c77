/// Renders the machine-readable JSON report (`crosswalk-report.json`, docs/report-json.md) by
/// handing ``ReportExporter``'s walk to a ``JSONExportWriter``: compact by default, indented when
/// `pretty`. Written as it goes, in blocks, never as a whole document.
public struct JSONReportRenderer: ReportRenderer {
    static let schemaID = ReportExporter.schema

    public let document = ReportDocument.jsonReport
    /// Indent by two spaces (`crosswalk report --pretty`).
    public var pretty: Bool

    public init(pretty: Bool = false) { self.pretty = pretty }

    public func render(_ report: GapReport, to sink: any ReportSink) throws {
        try ReportExporter(report).export(to: JSONExportWriter(sink: sink, pretty: pretty))
    }
}
