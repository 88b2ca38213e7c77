/// The report formats Crosswalk writes, each with its file name.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown = "md"
    case json

    public var fileName: String {
        switch self {
        case .markdown: return "crosswalk-report.md"
        case .json: return "crosswalk-report.json"
        }
    }
}

/// Render stage: turns a ``GapReport`` into the bytes of one report format.
public struct ReportRenderer: Sendable {
    public var templates: ReportTemplates

    public init(templates: ReportTemplates) {
        self.templates = templates
    }

    public func render(_ report: GapReport, as format: ReportFormat) throws -> [UInt8] {
        switch format {
        case .markdown:
            let view = ReportViewModel(report: report).make()
            return Array(try templates.render("report.md", view).utf8)
        case .json:
            return try JSONReportRenderer().render(report)
        }
    }
}
