/// The report formats Crosswalk writes. Markdown and HTML come with an executive edition.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown = "md"
    case json
    case html
    case xml

    /// The documents a run writes for this format.
    public var documents: [ReportDocument] {
        switch self {
        case .markdown: return [.markdownReport, .markdownExecutiveSummary]
        case .json: return [.jsonReport]
        case .html: return [.htmlReport, .htmlExecutiveSummary]
        case .xml: return [.xmlReport]
        }
    }
}

/// One file a run writes, with its name in the output folder.
public enum ReportDocument: String, CaseIterable, Sendable {
    case markdownReport = "crosswalk-report.md"
    case markdownExecutiveSummary = "executive-summary.md"
    case htmlReport = "crosswalk-report.html"
    case htmlExecutiveSummary = "executive-summary.html"
    case jsonReport = "crosswalk-report.json"
    case xmlReport = "crosswalk-report.xml"

    public var fileName: String { rawValue }

    /// The Mustache template a document is rendered from, if any.
    var templateName: String? {
        switch self {
        case .markdownReport: return "report.md"
        case .markdownExecutiveSummary: return "executive-summary.md"
        case .htmlReport: return "report.html"
        case .htmlExecutiveSummary: return "executive-summary.html"
        case .jsonReport, .xmlReport: return nil
        }
    }
}

/// A renderer for a document that is not built from a template (the XML report lives in its own
/// module because it links libxml2).
public protocol ReportDocumentRenderer: Sendable {
    func render(_ report: GapReport) throws -> [UInt8]
}

/// Render stage: turns a ``GapReport`` into the bytes of each report document.
public struct ReportRenderer: Sendable {
    public var templates: ReportTemplates
    public var xmlRenderer: (any ReportDocumentRenderer)?

    public init(templates: ReportTemplates, xmlRenderer: (any ReportDocumentRenderer)? = nil) {
        self.templates = templates
        self.xmlRenderer = xmlRenderer
    }

    public func render(_ report: GapReport, as document: ReportDocument) throws -> [UInt8] {
        switch document {
        case .markdownReport, .markdownExecutiveSummary:
            let view = ReportViewModel(report: report).make()
            return Array(try templates.render(document.templateName ?? "", view).utf8)
        case .htmlReport, .htmlExecutiveSummary:
            let view = try HTMLReportView(report: report, templates: templates).make()
            return Array(try templates.render(document.templateName ?? "", view).utf8)
        case .jsonReport:
            return try JSONReportRenderer().render(report)
        case .xmlReport:
            guard let xmlRenderer else {
                throw Diagnostic(.error, file: "crosswalk", message: "this build has no XML renderer")
            }
            return try xmlRenderer.render(report)
        }
    }
}
