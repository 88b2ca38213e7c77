import CLibXML2
import CrosswalkCore

/// Renders the full-fidelity XML report (`crosswalk-report.xml`) with libxml2's streaming writer.
public struct XMLReportRenderer: ReportDocumentRenderer {
    public init() {}

    public func render(_ report: GapReport) throws -> [UInt8] {
        throw Diagnostic(.error, file: "crosswalk", message: "the XML report is not written yet")
    }
}
