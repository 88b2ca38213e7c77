import CrosswalkCore

/// Renders the XML report (`crosswalk-report.xml`) by handing ``ReportExporter``'s walk to an
/// ``XMLExportWriter``: the same facts as the JSON report, in the namespace
/// `urn:crosswalk:report:2`, described by `schemas/crosswalk-report-2.xsd` and documented in
/// docs/report-xml.md. Written as it goes, through libxml2's streaming writer, to the sink.
public struct XMLReportRenderer: ReportRenderer {
    /// The report's XML namespace; it changes only with a new schema version.
    public static let namespace = ReportExporter.schema
    /// The `schemaVersion` attribute of the root element.
    public static let schemaVersion = ReportExporter.version
    /// Where the schema lives in the repository and among the bundled resources.
    public static let schemaPath = "schemas/crosswalk-report-2.xsd"

    public let document = ReportDocument.xmlReport

    public init() {}

    public func render(_ report: GapReport, to sink: any ReportSink) throws {
        try ReportExporter(report).export(to: XMLExportWriter(sink: sink))
    }
}
