/// The view model of the HTML report and executive summary: the shared report view plus what
/// only HTML needs (charts, the stylesheet and its Content-Security-Policy hash).
///
/// It takes the dictionary ``ReportViewModel`` builds and adds keys, never changing the shared
/// ones, so the HTML carries the same facts as the Markdown:
/// - top level: `reportStylesheet`, `reportStyleHash`, `executiveStylesheet`, `executiveStyleHash`
///   (`sha256-…` for the templates' Content-Security-Policy), the charts (`scoreChart`, `statusChart`, `heatMap`,
///   `riskChart`, `executiveScoreChart`: SVG text, trusted), `findingLimit`, `fullData`;
/// - frameworks: `anchor`, `postureClass`, `statusChart` (its own stacked bar); their entries:
///   `statusClass`, `rowClass`, `controlLinks`, `hasReason`;
/// - alignment rows: `statusClass`, `frameworkAnchor`, `controlLinks`;
/// - gaps: `anchor`, `severityClass`; key figures and critical findings: `controlAnchor`;
///   riskiest identities: `controlLinks`;
/// - controls: `anchor`, `statusClass`, `severityClass`; their counts, findings: `statusClass`.
///
/// Charts are inline SVG built by ``HTMLCharts`` with ``HTMLEscaping``; templates place them with
/// `{{{…}}}`. Every other value is data and goes through the templates' `HTML` content type
/// (``HTMLContentType``, the same ``HTMLEscaping`` as the charts).
struct HTMLReportView {
    let report: GapReport
    let templates: ReportTemplates

    /// Where the complete result lists live when a control's list is cut.
    static let fullData = "crosswalk-report.xml and crosswalk-report.json"

    func make() throws -> [String: Any] {
        var view = ReportViewModel(report: report).make()
        let reportStyle = try HTMLStylesheet(templates: templates, name: "report.css")
        let executiveStyle = try HTMLStylesheet(templates: templates, name: "executive-summary.css")
        view["reportStylesheet"] = reportStyle.text
        view["reportStyleHash"] = reportStyle.hashSource
        view["executiveStylesheet"] = executiveStyle.text
        view["executiveStyleHash"] = executiveStyle.hashSource
        view["findingLimit"] = String(ReportViewModel.findingLimit)
        view["fullData"] = Self.fullData

        view["scoreChart"] = HTMLCharts.scoreBars(report.frameworks, id: "chart-scores")
        view["executiveScoreChart"] = HTMLCharts.scoreBars(report.frameworks, compact: true, id: "chart-scores")
        view["statusChart"] = HTMLCharts.statusBreakdown(report.frameworks, id: "chart-status")
        view["heatMap"] = HTMLCharts.resultHeatMap(report.evaluation.outcomes, id: "chart-results")
        view["riskChart"] = HTMLCharts.riskiestIdentities(report.riskiestIdentities, id: "chart-risk")

        view["frameworks"] = (view["frameworks"] as? [[String: Any]] ?? []).map(framework)
        view["alignment"] = (view["alignment"] as? [[String: String]] ?? []).map(alignmentRow)
        view["topGaps"] = (view["topGaps"] as? [[String: Any]] ?? []).map(gap)
        view["executiveGaps"] = (view["executiveGaps"] as? [[String: Any]] ?? []).map(gap)
        view["keyFigures"] = (view["keyFigures"] as? [[String: Any]] ?? []).map { Self.linked($0, "control") }
        view["criticalFindings"] = (view["criticalFindings"] as? [[String: String]] ?? []).map {
            Self.linked($0, "control")
        }
        view["controls"] = (view["controls"] as? [[String: Any]] ?? []).map(control)
        let risky = view["riskyIdentities"] as? [[String: String]] ?? []
        view["riskyIdentities"] = zip(risky, report.riskiestIdentities).map { row, identity -> [String: Any] in
            var row = row as [String: Any]
            row["controlLinks"] = Self.links(identity.failingControls.map { ($0, "") })
            return row
        }
        return view
    }

    // MARK: - Decorating the shared rows

    private func framework(_ shared: [String: Any]) -> [String: Any] {
        var row = shared
        let id = shared["id"] as? String ?? ""
        let assessment = report.frameworks.first { $0.catalog.id == id }
        row["anchor"] = HTMLEscaping.anchor("framework", id)
        row["postureClass"] = Self.postureClass(shared["posture"] as? String ?? "")
        if let assessment {
            row["statusChart"] = HTMLCharts.statusBreakdown([assessment], id: HTMLEscaping.anchor("chart-status", id))
        }
        var entries: [String: EntryAssessment] = [:]
        for entry in assessment?.entries ?? [] { entries[entry.entry.id] = entry }
        row["entries"] = (shared["entries"] as? [[String: Any]] ?? []).map { sharedEntry -> [String: Any] in
            var entry = sharedEntry
            let status = sharedEntry["status"] as? String ?? ""
            let isGroup = sharedEntry["isGroup"] as? Bool ?? false
            let assessed = entries[sharedEntry["id"] as? String ?? ""]
            entry["statusClass"] = HTMLStatusStyle.cssClass(forLabel: status)
            entry["rowClass"] = isGroup ? "group" : assessed?.status == .notCovered ? "leaf uncovered" : "leaf"
            entry["anchor"] = HTMLEscaping.entryAnchor(catalogID: id, entryID: sharedEntry["id"] as? String ?? "")
            entry["controlLinks"] = Self.links(
                (assessed?.links ?? []).map {
                    (
                        $0.mapping.controlID,
                        ReportViewModel.attestedMark($0.evidenceSource)
                            + " (\($0.mapping.relationship.rawValue), \($0.mapping.strength))"
                    )
                }
            )
            entry["hasReason"] = !isGroup && assessed.map { $0.status != .notCovered } == true
            return entry
        }
        return row
    }

    private func alignmentRow(_ shared: [String: String]) -> [String: Any] {
        var row = shared as [String: Any]
        row["statusClass"] = HTMLStatusStyle.cssClass(forLabel: shared["status"] ?? "")
        let catalog = report.frameworks.first { $0.catalog.shortTitle == shared["framework"] }?.catalog
        row["frameworkAnchor"] = HTMLEscaping.anchor("framework", catalog?.id ?? "")
        let mark = ReportViewModel.attestedMark(.attested)
        let controls = (shared["controls"] ?? "").split(separator: ", ").map { piece in
            piece.hasSuffix(mark) ? (String(piece.dropLast(mark.count)), mark) : (String(piece), "")
        }
        row["controlLinks"] = Self.links(controls)
        return row
    }

    private func gap(_ shared: [String: Any]) -> [String: Any] {
        var row = shared
        row["anchor"] = HTMLEscaping.anchor("control", shared["id"] as? String ?? "")
        row["severityClass"] = HTMLStatusStyle.cssClass(forSeverity: shared["severity"] as? String ?? "")
        return row
    }

    /// The row with `controlAnchor`: the in-page anchor of the control named under `key`.
    private static func linked(_ shared: [String: Any], _ key: String) -> [String: Any] {
        var row = shared
        row["controlAnchor"] = HTMLEscaping.anchor("control", shared[key] as? String ?? "")
        return row
    }

    private func control(_ shared: [String: Any]) -> [String: Any] {
        var row = shared
        row["anchor"] = HTMLEscaping.anchor("control", shared["id"] as? String ?? "")
        row["statusClass"] = HTMLStatusStyle.cssClass(forLabel: shared["status"] as? String ?? "")
        row["severityClass"] = HTMLStatusStyle.cssClass(forSeverity: shared["severity"] as? String ?? "")
        row["counts"] = Self.withStatusClass(shared["counts"])
        row["findings"] = Self.withStatusClass(shared["findings"])
        return row
    }

    private static func withStatusClass(_ rows: Any?) -> [[String: String]] {
        (rows as? [[String: String]] ?? []).map { row in
            var row = row
            row["statusClass"] = HTMLStatusStyle.cssClass(forLabel: row["status"] ?? "")
            return row
        }
    }

    /// In-page links to control sections: `id`, `anchor`, text after the link, and the separator.
    private static func links(_ controls: [(id: String, suffix: String)]) -> [[String: String]] {
        controls.enumerated().map { index, control in
            [
                "id": control.id, "anchor": HTMLEscaping.anchor("control", control.id), "suffix": control.suffix,
                "separator": index == controls.count - 1 ? "" : ", ",
            ]
        }
    }

    private static func postureClass(_ posture: String) -> String {
        switch posture {
        case "Strong": return "posture-strong"
        case "Mixed": return "posture-mixed"
        case "Weak": return "posture-weak"
        default: return "posture-none"
        }
    }
}
