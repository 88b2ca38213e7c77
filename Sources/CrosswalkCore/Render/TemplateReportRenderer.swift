/// Renders a document from a Mustache template (the Markdown and HTML reports and their executive
/// editions) with a ``ReportView`` built once for the document.
struct TemplateReportRenderer: ReportRenderer {
    /// Which view a template receives.
    enum View: Sendable {
        /// The report's facts.
        case markdown
        /// The report's facts with the HTML pages' stylesheets and charts.
        case html
    }

    let document: ReportDocument
    let template: String
    let view: View
    let templates: ReportTemplates

    init(_ document: ReportDocument, template: String, view: View, templates: ReportTemplates) {
        self.document = document
        self.template = template
        self.view = view
        self.templates = templates
    }

    func render(_ report: GapReport, to sink: any ReportSink) throws {
        let page: HTMLPageAssets?
        switch view {
        case .markdown: page = nil
        case .html: page = try HTMLPageAssets(report: report, templates: templates)
        }
        try sink.write(try templates.render(template, ReportView(report, page: page)))
    }
}
