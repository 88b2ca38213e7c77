import CrosswalkCore
import CrosswalkXML

/// The renderers this executable writes with: the core library's, plus the XML report and the JUnit
/// report from `CrosswalkXML` (the one module that links libxml2), plus one CSV per catalog.
enum ReportRenderers {
    /// `prettyJSON` indents the JSON report (`--pretty`); `catalogIDs` are the run's catalogs, one
    /// framework CSV each.
    static func registry(
        templates: ReportTemplates,
        prettyJSON: Bool = false,
        catalogIDs: [String] = []
    ) -> RendererRegistry {
        let registry = RendererRegistry(templates: templates).adding(XMLReportRenderer())
            .adding(JUnitReportRenderer())
            .addingFrameworkCSVs(catalogIDs: catalogIDs)
        guard prettyJSON else { return registry }
        return RendererRegistry(
            registry.renderers.map { $0.document == .jsonReport ? JSONReportRenderer(pretty: true) : $0 }
        )
    }

    /// The `--format` names, in the order reports are listed.
    static var formats: [String] {
        var seen = Set<String>()
        return ReportDocument.allCases.map(\.format).filter { seen.insert($0).inserted }
    }

    /// `md, html, json and xml`.
    static var formatList: String {
        let names = formats
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    }
}
