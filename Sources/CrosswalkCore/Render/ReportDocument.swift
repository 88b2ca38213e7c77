/// One file a run writes: its name in the output folder and the `--format` that selects it.
public struct ReportDocument: Hashable, Sendable, CustomStringConvertible {
    public var fileName: String
    /// The `--format` name that selects this document (`md`, `html`, `json`, `xml`).
    public var format: String

    public init(fileName: String, format: String) {
        self.fileName = fileName
        self.format = format
    }

    public var description: String { fileName }

    public static let markdownReport = ReportDocument(fileName: "crosswalk-report.md", format: "md")
    public static let markdownExecutiveSummary = ReportDocument(fileName: "executive-summary.md", format: "md")
    /// The short Markdown summary for pull requests, tickets and chat: docs/summary-markdown.md.
    public static let markdownSummary = ReportDocument(fileName: "crosswalk-summary.md", format: "md")
    public static let htmlReport = ReportDocument(fileName: "crosswalk-report.html", format: "html")
    public static let htmlExecutiveSummary = ReportDocument(fileName: "executive-summary.html", format: "html")
    public static let jsonReport = ReportDocument(fileName: "crosswalk-report.json", format: "json")
    public static let xmlReport = ReportDocument(fileName: "crosswalk-report.xml", format: "xml")
    /// The results CSV; the `csv` format also writes one ``FrameworkCSVRenderer`` file per catalog.
    public static let csvResults = ReportDocument(fileName: "crosswalk-results.csv", format: "csv")
    public static let junitReport = ReportDocument(fileName: "crosswalk-junit.xml", format: "junit")
    public static let sarifReport = ReportDocument(fileName: "crosswalk-report.sarif", format: "sarif")
    /// OSCAL Assessment Results (JSON), for GRC platforms: docs/exports/oscal.md.
    public static let oscalAssessmentResults = ReportDocument(fileName: "crosswalk-oscal-ar.json", format: "oscal")

    /// Every document any Crosswalk build writes, so a run can recognise (and tidy) the reports of
    /// formats it did not write this time.
    public static let allCases: [ReportDocument] = [
        .markdownReport, .markdownExecutiveSummary, .htmlReport, .htmlExecutiveSummary, .jsonReport, .xmlReport,
        .csvResults, .junitReport,
        .sarifReport,
        .oscalAssessmentResults,
        .markdownSummary,
    ]

    /// Whether the document lists every result (the exports), so that its size, and the time it
    /// takes to write, grow with the inventory; the other documents show counts and samples.
    public var listsEveryResult: Bool {
        [Self.jsonReport, .xmlReport, .csvResults, .junitReport, .sarifReport, .oscalAssessmentResults].contains(self)
    }

    /// Whether `name` is a report some Crosswalk run writes: one of ``allCases`` or a framework's
    /// CSV (``FrameworkCSVFileName``), whose names depend on the catalogs loaded.
    public static func isReportFileName(_ name: String) -> Bool {
        allCases.contains { $0.fileName == name } || FrameworkCSVFileName.matches(name)
    }
}
