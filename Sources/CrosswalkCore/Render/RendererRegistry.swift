/// The render stage's table of formats: one ``ReportRenderer`` per document, in the order a run
/// writes them. Adding a format means adding one renderer file and one line here (or, for a
/// renderer in another module such as `CrosswalkXML`, one ``adding(_:)`` where the CLI builds the
/// registry).
public struct RendererRegistry: Sendable {
    public private(set) var renderers: [any ReportRenderer]

    public init(_ renderers: [any ReportRenderer]) {
        self.renderers = renderers
    }

    /// The renderers built into the core library: Markdown, HTML (each with an executive edition),
    /// JSON and the results CSV (the framework CSVs are added per catalog, see
    /// ``addingFrameworkCSVs(catalogIDs:)``).
    public init(templates: ReportTemplates) {
        self.init([
            TemplateReportRenderer(.markdownReport, template: "report.md", view: .markdown, templates: templates),
            TemplateReportRenderer(
                .markdownExecutiveSummary,
                template: "executive-summary.md",
                view: .markdown,
                templates: templates
            ),
            SummaryMarkdownRenderer(templates: templates),
            TemplateReportRenderer(.htmlReport, template: "report.html", view: .html, templates: templates),
            TemplateReportRenderer(
                .htmlExecutiveSummary,
                template: "executive-summary.html",
                view: .html,
                templates: templates
            ),
            JSONReportRenderer(),
            CSVResultsRenderer(),
            SARIFReportRenderer(),
            OSCALAssessmentResultsRenderer(),
        ])
    }

    /// This registry with one more renderer (replacing any for the same document).
    public func adding(_ renderer: any ReportRenderer) -> RendererRegistry {
        RendererRegistry(renderers.filter { $0.document != renderer.document } + [renderer])
    }

    /// The `--format` names, in registry order, each once.
    public var formats: [String] {
        var seen = Set<String>()
        return renderers.map(\.document.format).filter { seen.insert($0).inserted }
    }

    /// The documents a `--format` name selects, in registry order.
    public func documents(forFormat format: String) -> [ReportDocument] {
        renderers.map(\.document).filter { $0.format == format }
    }

    public func renderer(for document: ReportDocument) -> (any ReportRenderer)? {
        renderers.first { $0.document == document }
    }

    /// Renders one document into memory. Throws ``UnregisteredDocumentError`` when no renderer
    /// writes it.
    public func render(_ report: GapReport, as document: ReportDocument) throws -> [UInt8] {
        guard let renderer = renderer(for: document) else { throw UnregisteredDocumentError(document: document) }
        return try renderer.render(report)
    }
}

/// Asked for a document no registered renderer writes (for example XML from the core alone).
public struct UnregisteredDocumentError: Error, Sendable, CustomStringConvertible {
    public var document: ReportDocument
    public var description: String { "no renderer for \(document.fileName) is registered in this build" }
}
