/// Renders one framework's CSV, `crosswalk-framework-<catalog id>.csv` (docs/exports/csv.md): one
/// row per entry of the catalog, in catalog order, with its title, status (docs/assessment.md §5),
/// score (the entry's pass share as a whole percent; empty without one) and the controls mapped
/// to it.
///
/// Which files exist depends on the catalogs a run loads, so one renderer is registered per
/// catalog of the report (``RendererRegistry/addingFrameworkCSVs(catalogIDs:)``), each with its
/// own ``ReportDocument`` of the `csv` format.
public struct FrameworkCSVRenderer: ReportRenderer {
    public static let columns = ["entry", "title", "status", "score", "controls"]
    /// Separates the control ids in the controls column.
    public static let controlSeparator = ";"

    public let catalogID: String
    public let document: ReportDocument

    public init(catalogID: String) {
        self.catalogID = catalogID
        document = ReportDocument(fileName: FrameworkCSVFileName.of(catalogID: catalogID), format: "csv")
    }

    public func render(_ report: GapReport, to sink: any ReportSink) throws {
        let table = CSVTableWriter(sink: sink, header: Self.columns)
        if let framework = report.frameworks.first(where: { $0.catalog.id == catalogID }) {
            for entry in framework.entries {
                var seen = Set<String>()
                let controls = entry.links.map(\.mapping.controlID).filter { seen.insert($0).inserted }
                try table.row([
                    entry.entry.id,
                    entry.entry.title,
                    entry.status.rawValue,
                    entry.passShare.map { String(Int(($0 * 100).rounded())) } ?? "",
                    controls.joined(separator: Self.controlSeparator),
                ])
            }
        }
        try table.finish()
    }
}
