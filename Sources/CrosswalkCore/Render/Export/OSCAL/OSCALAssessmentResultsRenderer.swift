/// Renders the run as OSCAL Assessment Results in JSON (`--format oscal`,
/// `crosswalk-oscal-ar.json`, docs/exports/oscal.md): the format GRC platforms and
/// compliance-trestle read. ``OSCALAssessmentResultsExporter`` walks the report; the document is
/// written as it goes, in blocks, reading every finding from the run's spool.
public struct OSCALAssessmentResultsRenderer: ReportRenderer {
    public let document = ReportDocument.oscalAssessmentResults

    public init() {}

    public func render(_ report: GapReport, to sink: any ReportSink) throws {
        try OSCALAssessmentResultsExporter(report).export(to: OSCALJSONWriter(sink: sink))
    }
}
