import CrosswalkCore

/// Renders `crosswalk-junit.xml` for CI dashboards (docs/exports/junit.md): one `<testsuite>` with
/// one `<testcase>` per control, whose outcome follows the control's status (docs/assessment.md §2):
///
/// | control status | test case |
/// |---|---|
/// | `pass` | passed |
/// | `fail` | `<failure>` listing the first ``listedFindings`` findings |
/// | `not-assessed` | `<error>`: evidence was missing, which is never a pass |
/// | `not-applicable` | `<skipped>`: nothing in the inventory is one the control applies to |
///
/// One test case per control rather than per control × framework, so a dashboard counts each
/// failing control once, and its counts do not change with the catalogs loaded; each test case's
/// `<system-out>` names the framework entries the control maps to. Written with libxml2's
/// streaming writer, which escapes markup; characters XML forbids become U+FFFD.
public struct JUnitReportRenderer: ReportRenderer {
    /// How many findings a failure or error lists before saying how many more there are.
    public static let listedFindings = 20
    /// The `name` of the root `<testsuites>` and of the `<testsuite>`.
    public static let suiteName = "crosswalk"

    public let document = ReportDocument.junitReport

    public init() {}

    public func render(_ report: GapReport, to sink: any ReportSink) throws {
        let xml = try XMLStreamWriter(file: document.fileName, sink: sink, indent: "  ")
        let outcomes = report.evaluation.outcomes
        let counts = JUnitCounts(outcomes)
        try xml.startDocument()
        try xml.element("testsuites") {
            try xml.attribute("name", Self.suiteName)
            try counts.write(to: xml)
            try xml.element("testsuite") {
                try xml.attribute("name", Self.suiteName)
                try counts.write(to: xml)
                // The JUnit schema's timestamp has no zone; it is the run's clock in UTC.
                let generatedAt = report.metadata.generatedAt.iso8601
                try xml.attribute(
                    "timestamp",
                    generatedAt.hasSuffix("Z") ? String(generatedAt.dropLast()) : generatedAt
                )
                try writeProperties(report, to: xml)
                for outcome in outcomes { try writeTestCase(outcome, report: report, to: xml) }
            }
        }
        try xml.finish()
    }

    private func writeProperties(_ report: GapReport, to xml: XMLStreamWriter) throws {
        var properties: [(String, String)] = [
            ("crosswalk.version", report.metadata.toolVersion),
            ("crosswalk.generated_at", report.metadata.generatedAt.iso8601),
        ]
        if let organization = report.metadata.organization {
            properties.append(("crosswalk.organization", organization))
        }
        properties.append(("crosswalk.identities", String(report.inventorySummary.identityCount)))
        for framework in report.frameworks {
            let id = framework.catalog.id
            properties.append(("framework.\(id).score", framework.score?.text ?? "n/a"))
            if let posture = framework.score?.posture {
                properties.append(("framework.\(id).posture", posture.rawValue))
            }
            properties.append(("framework.\(id).coverage", framework.coverage.percentText))
        }
        try xml.element("properties") {
            for (name, value) in properties {
                try xml.element("property") {
                    try xml.attribute("name", name)
                    try xml.attribute("value", value)
                }
            }
        }
    }

    private func writeTestCase(_ outcome: ControlOutcome, report: GapReport, to xml: XMLStreamWriter) throws {
        let definition = outcome.definition
        try xml.element("testcase") {
            try xml.attribute("name", "\(definition.id): \(definition.title)")
            try xml.attribute("classname", Self.className(of: definition.id))
            try xml.attribute("time", "0")
            switch outcome.status {
            case .pass:
                break
            case .fail:
                try xml.element("failure") {
                    try xml.attribute("message", Self.summary(outcome))
                    try xml.attribute("type", definition.severity.rawValue)
                    try xml.text(JUnitFindingList.text(of: outcome, report: report, limit: Self.listedFindings))
                }
            case .notAssessed:
                try xml.element("error") {
                    try xml.attribute("message", Self.summary(outcome) + "; evidence is missing, which is never a pass")
                    try xml.attribute("type", "not-assessed")
                    try xml.text(JUnitFindingList.text(of: outcome, report: report, limit: Self.listedFindings))
                }
            case .notApplicable:
                try xml.element("skipped") {
                    try xml.attribute("message", "no subject in the inventory is one this control applies to")
                }
            }
            try xml.textElement("system-out", Self.details(outcome, library: report.library))
        }
    }

    /// `crosswalk.CW-CRED` for `CW-CRED-02`: the control's family, which dashboards group by.
    static func className(of controlID: String) -> String {
        guard let dash = controlID.lastIndex(of: "-"), controlID[..<dash].contains("-") else {
            return "\(suiteName).\(controlID)"
        }
        return "\(suiteName).\(controlID[..<dash])"
    }

    /// `3 failing, 1 not assessed, of 12 applicable subjects (severity high)`.
    static func summary(_ outcome: ControlOutcome) -> String {
        let statuses: [(ResultStatus, String)] = [
            (.fail, "failing"), (.accepted, "accepted (waived)"), (.error, "in error"), (.notAssessed, "not assessed"),
        ]
        let parts = statuses.filter { outcome.count($0.0) > 0 }.map { "\(outcome.count($0.0)) \($0.1)" }
        let subjects = outcome.applicableCount == 1 ? "subject" : "subjects"
        return
            "\(parts.joined(separator: ", ")), of \(outcome.applicableCount) applicable \(subjects) (severity \(outcome.definition.severity.rawValue))"
    }

    /// The control's severity, counts, framework entries and remediation, for `<system-out>`.
    static func details(_ outcome: ControlOutcome, library: FrameworkLibrary) -> String {
        let definition = outcome.definition
        let counts = ResultStatus.allCases.map { "\($0.rawValue) \(outcome.count($0))" }.joined(separator: ", ")
        var lines = [
            "\(definition.id): \(definition.title)",
            "Severity: \(definition.severity.rawValue); evidence: \(definition.evidenceSource.rawValue); status: \(outcome.status.rawValue)",
            "Results: \(counts)",
        ]
        var entriesByCatalog: [(catalog: String, entries: [String])] = []
        for mapping in library.mappings(forControl: definition.id) {
            if let index = entriesByCatalog.firstIndex(where: { $0.catalog == mapping.catalogID }) {
                if !entriesByCatalog[index].entries.contains(mapping.entryID) {
                    entriesByCatalog[index].entries.append(mapping.entryID)
                }
            } else {
                entriesByCatalog.append((mapping.catalogID, [mapping.entryID]))
            }
        }
        let order = library.catalogs.map(\.id)
        entriesByCatalog.sort {
            (order.firstIndex(of: $0.catalog) ?? order.count) < (order.firstIndex(of: $1.catalog) ?? order.count)
        }
        lines.append("Framework entries:")
        if entriesByCatalog.isEmpty { lines.append("  none in the catalogs of this run") }
        for (catalog, entries) in entriesByCatalog {
            lines.append("  \(catalog): \(entries.joined(separator: ", "))")
        }
        lines.append("Remediation: \(definition.remediation)")
        return lines.joined(separator: "\n") + "\n"
    }
}
