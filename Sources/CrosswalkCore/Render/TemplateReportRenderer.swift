/// Renders a document from a Mustache template (the Markdown and HTML reports and their executive
/// editions), with the view model of its format.
struct TemplateReportRenderer: ReportRenderer {
    /// Which view model a template receives.
    enum View: Sendable {
        case markdown
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
        let model: [String: Any]
        switch view {
        case .markdown: model = ReportViewModel(report: report).make()
        case .html: model = try HTMLReportView(report: report, templates: templates).make()
        }
        try sink.write(try templates.render(template, model))
    }
}
