/// The view model of the HTML report and executive summary: the shared report view plus what
/// only HTML needs (charts, the stylesheet and its Content-Security-Policy hash).
struct HTMLReportView {
    let report: GapReport
    let templates: ReportTemplates

    func make() throws -> [String: Any] {
        ReportViewModel(report: report).make()
    }
}
