/// Renders `crosswalk-results.csv` for spreadsheets (docs/exports/csv.md): one row per result that
/// is not a pass (and per passing subject too when the run includes passes), with the columns
/// ``fixedColumns`` and then one column per catalog of the run, headed by the catalog id, holding
/// the entries the row's control maps to.
///
/// Findings are streamed from the run's spool with ``ReportExporter/forEachFinding(in:_:)`` and
/// written as they come, so a run with millions of findings takes bounded memory.
public struct CSVResultsRenderer: ReportRenderer {
    /// The columns every results file starts with, in order.
    public static let fixedColumns = [
        "finding_id", "control", "severity", "status", "subject", "kind", "owner", "platform", "evidence",
    ]
    /// Separates the entry ids in a catalog column.
    public static let entrySeparator = ";"
    /// Separates the pieces of evidence in the evidence column.
    public static let evidenceSeparator = "\n"

    public let document = ReportDocument.csvResults

    public init() {}

    public func render(_ report: GapReport, to sink: any ReportSink) throws {
        let catalogIDs = report.frameworks.map(\.catalog.id)
        let table = CSVTableWriter(sink: sink, header: Self.fixedColumns + catalogIDs)
        let details = CSVSubjectDetails(report)
        for outcome in report.evaluation.outcomes {
            let definition = outcome.definition
            let entries = Self.mappedEntries(of: definition.id, in: report.library, catalogIDs: catalogIDs)
            func row(id: String, status: ResultStatus, subject: SubjectReference, evidence: String) throws {
                let (kind, owner, platform) = details.describe(subject)
                try table.row(
                    [
                        id, definition.id, definition.severity.rawValue, status.rawValue, subject.id, kind, owner,
                        platform, evidence,
                    ] + entries
                )
            }
            try ReportExporter.forEachFinding(in: outcome) { finding in
                try row(
                    id: FindingID.of(finding, control: definition.id),
                    status: finding.status,
                    subject: finding.subject,
                    evidence: Self.evidenceText(finding.evidence)
                )
            }
            if report.includesPassing {
                try outcome.forEachPassingSubject { subject in
                    let id = FindingID.make(control: definition.id, subject: subject.id, evidenceKey: "")
                    try row(id: id, status: .pass, subject: subject, evidence: "")
                }
            }
        }
        try table.finish()
    }

    /// One line per piece of evidence: `field: observed (expected: value)`, without the part in
    /// brackets when nothing is expected (the `source` of an imported record).
    static func evidenceText(_ evidence: [Evidence]) -> String {
        evidence.map { piece in
            let line = "\(piece.field): \(piece.observed)"
            return piece.expected.isEmpty ? line : "\(line) (expected: \(piece.expected))"
        }
        .joined(separator: evidenceSeparator)
    }

    /// For each catalog, the ids of the entries `controlID` maps to, in mapping order, each once,
    /// joined by ``entrySeparator``.
    static func mappedEntries(of controlID: String, in library: FrameworkLibrary, catalogIDs: [String]) -> [String] {
        let mappings = library.mappings(forControl: controlID)
        return catalogIDs.map { catalogID in
            var seen = Set<String>()
            return mappings.filter { $0.catalogID == catalogID && seen.insert($0.entryID).inserted }.map(\.entryID)
                .joined(separator: entrySeparator)
        }
    }
}
