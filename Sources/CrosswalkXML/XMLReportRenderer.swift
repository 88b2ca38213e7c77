import CrosswalkCore

/// Renders the full-fidelity XML report (`crosswalk-report.xml`) with libxml2's streaming writer.
///
/// The document is in the namespace `urn:crosswalk:report:1`, is described by
/// `schemas/crosswalk-report-1.xsd` and documented in docs/report-xml.md. It carries every fact of
/// the JSON report and more (entry credit and titles, mapping origins, structured warnings).
/// Identifiers, statuses and numbers are attributes; free text (names, messages, rationales,
/// evidence) is element content. Attributes and elements come in a fixed order and lists keep the
/// report's order, so the same report gives the same bytes. Every result that is not a pass is
/// listed; passing subjects are listed only when the run includes them.
public struct XMLReportRenderer: ReportRenderer {
    /// The report's XML namespace; it changes only with a new schema version.
    public static let namespace = "urn:crosswalk:report:1"
    /// The `schemaVersion` attribute of the root element.
    public static let schemaVersion = "1"
    /// Where the schema lives in the repository and among the bundled resources.
    public static let schemaPath = "schemas/crosswalk-report-1.xsd"

    public let document = ReportDocument.xmlReport

    public init() {}

    public func render(_ report: GapReport, to sink: any ReportSink) throws {
        let xml = try XMLStreamWriter(file: ReportDocument.xmlReport.fileName)
        let writer = ReportWriter(xml: xml, report: report)
        try xml.startDocument()
        try xml.element("report", namespace: Self.namespace) {
            try xml.attribute("schemaVersion", Self.schemaVersion)
            try writer.writeRun()
            try writer.writeWarnings()
            try writer.writeInventory()
            try writer.writeKeyFigures()
            try writer.writeOverall()
            try writer.writeTopGaps()
            try writer.writeRiskiestIdentities()
            try writer.writeCatalogs()
            try writer.writeFrameworks()
            try writer.writeControls()
            try writer.writeCriticalFindings()
        }
        try sink.write(try xml.finish())
    }
}

/// Maps each section of a ``GapReport`` onto elements, in the order the schema declares them.
private struct ReportWriter {
    let xml: XMLStreamWriter
    let report: GapReport

    func writeRun() throws {
        let metadata = report.metadata
        try xml.element("run") {
            try xml.attribute("tool", "crosswalk")
            try xml.attribute("toolVersion", metadata.toolVersion)
            try xml.attribute("generatedAt", metadata.generatedAt.iso8601)
            try xml.attribute("includesPassing", report.includesPassing)
            try xml.textElement("organization", metadata.organization)
            try xml.element("inputs") {
                for input in metadata.inputs {
                    try xml.element("input") {
                        try xml.attribute("role", input.role.rawValue)
                        try xml.attribute("path", input.path)
                        try xml.attribute("bytes", input.byteCount)
                        try xml.attribute("sha256", input.sha256)
                    }
                }
            }
        }
    }

    func writeWarnings() throws {
        try xml.element("warnings") {
            for warning in report.warnings {
                try xml.element("warning") {
                    try xml.attribute("severity", warning.severity.rawValue)
                    try xml.attribute("file", warning.file)
                    try xml.attribute("line", warning.location.map { String($0.line) })
                    try xml.attribute("column", warning.location.map { String($0.column) })
                    try xml.attribute("keyPath", warning.keyPath.flatMap { $0.isEmpty ? nil : $0 })
                    try xml.text(warning.message)
                }
            }
        }
    }

    func writeInventory() throws {
        let summary = report.inventorySummary
        try xml.element("inventory") {
            try xml.attribute("identities", summary.identityCount)
            try xml.attribute("agents", summary.agentCount)
            try xml.attribute("credentials", summary.credentialCount)
            try xml.attribute("roles", summary.roleCount)
            try xml.element("platforms") {
                for platform in summary.platforms {
                    try xml.element("platform") { try xml.attribute("name", platform) }
                }
            }
            try xml.element("kinds") {
                for (kind, count) in summary.kinds {
                    try xml.element("kind") {
                        try xml.attribute("name", kind)
                        try xml.attribute("identities", count)
                    }
                }
            }
        }
    }

    func writeKeyFigures() throws {
        let figures = report.keyFigures
        try xml.element("keyFigures") {
            try xml.attribute("activeExposedCredentials", figures.activeExposedCredentials)
            try writeRatio("identitiesWithOwner", figures.identitiesWithOwner)
            try writeRatio("agentsOnWorkloadIdentity", figures.agentsOnWorkloadIdentity)
            try writeRatio("staticSecretsWithinRotation", figures.staticSecretsWithinRotation)
            for exposed in figures.exposedCredentials {
                try writeAttributedFinding("exposedCredential", exposed)
            }
        }
    }

    /// The posture across frameworks: mean score (a fraction 0–1), summed entry counts, coverage.
    func writeOverall() throws {
        let overall = report.overall
        try xml.element("overall") {
            try xml.attribute("frameworks", overall.frameworks)
            try xml.attribute("scoredFrameworks", overall.scoredFrameworks)
            if let score = overall.score {
                try xml.attribute("score", try decimal(score, "overall score"))
                try xml.attribute("percent", Int((score * 100).rounded()))
            }
            try xml.attribute("posture", overall.posture?.rawValue)
            try writeRatio("coverage", overall.coverage)
            try writeStatusCounts(overall.count)
        }
    }

    /// One `statusCount` element per entry status, in vocabulary order.
    private func writeStatusCounts(_ count: (EntryStatus) -> Int) throws {
        for status in EntryStatus.allCases {
            try xml.element("statusCount") {
                try xml.attribute("status", status.rawValue)
                try xml.attribute("entries", count(status))
            }
        }
    }

    func writeTopGaps() throws {
        try xml.element("topGaps") {
            for gap in report.topGaps {
                try xml.element("gap") {
                    try xml.attribute("control", gap.control.id)
                    try xml.attribute("severity", gap.control.severity.rawValue)
                    try xml.attribute("failingSubjects", gap.failingSubjects)
                    try xml.attribute("affectedIdentities", gap.affectedIdentities)
                    try xml.attribute("rank", gap.rank)
                    try xml.attribute("exposureClass", gap.control.exposureClass.rawValue)
                    for entry in gap.entries {
                        try writeEntryReference("mappedEntry", entry)
                    }
                    for entry in gap.entriesWithGaps {
                        try writeEntryReference("gapEntry", entry)
                    }
                }
            }
        }
    }

    func writeRiskiestIdentities() throws {
        try xml.element("riskiestIdentities") {
            for identity in report.riskiestIdentities {
                try xml.element("identity") {
                    try xml.attribute("id", identity.id)
                    try xml.attribute("kind", identity.kind)
                    try xml.attribute("platform", identity.platform)
                    try xml.attribute("riskScore", identity.riskScore)
                    try xml.textElement("name", identity.name)
                    try xml.textElement("owner", identity.owner)
                    for control in identity.failingControls {
                        try xml.element("failingControl") { try xml.attribute("control", control) }
                    }
                }
            }
        }
    }

    func writeCatalogs() throws {
        try xml.element("catalogs") {
            for catalog in report.library.catalogs {
                try xml.element("catalog") {
                    try xml.attribute("id", catalog.id)
                    try xml.attribute("version", catalog.version)
                    try xml.attribute("origin", catalog.origin)
                    try xml.attribute("bundled", catalog.isBundled)
                    try xml.attribute("entryIds", catalog.entryIDs.rawValue)
                    try xml.textElement("title", catalog.title)
                    try xml.textElement("shortTitle", catalog.shortTitle)
                    try xml.textElement("publisher", catalog.publisher)
                    try xml.textElement("license", catalog.license)
                    try xml.textElement("attribution", catalog.attribution)
                    for url in catalog.sourceURLs {
                        try xml.textElement("sourceUrl", url)
                    }
                    for (kind, count) in catalog.countsByKind {
                        try xml.element("entryCount") {
                            try xml.attribute("kind", kind)
                            try xml.attribute("entries", count)
                        }
                    }
                }
            }
        }
    }

    func writeFrameworks() throws {
        try xml.element("frameworks") {
            for framework in report.frameworks {
                try xml.element("framework") {
                    try xml.attribute("catalog", framework.catalog.id)
                    try xml.attribute("scope", framework.catalog.scope.rawValue)
                    try xml.attribute("leafEntries", framework.leafEntryCount)
                    try xml.attribute("posture", framework.score?.posture.rawValue)
                    if let score = framework.score {
                        try xml.element("score") {
                            try xml.attribute("earned", try decimal(score.earned, "earned score"))
                            try xml.attribute("possible", try decimal(score.possible, "possible score"))
                            try xml.attribute("percent", Int((score.fraction * 100).rounded()))
                            try xml.attribute("text", score.text)
                        }
                    }
                    try writeRatio("coverage", framework.coverage)
                    try writeStatusCounts(framework.count)
                    try xml.element("entries") {
                        let crosswalkID = Self.crosswalkID(framework.catalog.entryIDs)
                        for entry in framework.entries { try writeEntry(entry, crosswalkID: crosswalkID) }
                    }
                }
            }
        }
    }

    func writeEntry(_ assessment: EntryAssessment, crosswalkID: String?) throws {
        try xml.element("entry") {
            try xml.attribute("id", assessment.entry.id)
            try xml.attribute("crosswalkId", crosswalkID)
            try xml.attribute("kind", assessment.entry.kind)
            try xml.attribute("parent", assessment.entry.parent)
            try xml.attribute("status", assessment.status.rawValue)
            try xml.attribute("leaf", assessment.isLeaf)
            if let share = assessment.passShare {
                try xml.attribute("passShare", try decimal(share, "entry pass share"))
            }
            if assessment.isLeaf {
                try xml.attribute("affectedIdentities", assessment.affectedIdentityCount)
            }
            try xml.textElement("title", assessment.entry.title)
            try xml.textElement("label", assessment.status.label)
            try xml.textElement("reason", assessment.reason)
            if !assessment.isLeaf { try writeRatio("coverage", assessment.coverage) }
            for link in assessment.links {
                try xml.element("mappedControl") {
                    try xml.attribute("control", link.mapping.controlID)
                    try xml.attribute("relationship", link.mapping.relationship.rawValue)
                    try xml.attribute("strength", link.mapping.strength)
                    try xml.attribute("scope", link.mapping.scope.rawValue)
                    try xml.attribute("evidence", link.evidenceSource.rawValue)
                    try xml.attribute("controlStatus", link.controlStatus.rawValue)
                    try xml.attribute("severity", link.severity.rawValue)
                    try xml.attribute("pass", link.counts.passing)
                    try xml.attribute("fail", link.counts.failing)
                    try xml.attribute("unknown", link.counts.unknown)
                    try xml.attribute("weight", try decimal(link.weight, "mapping weight"))
                    if link.isLive { try xml.attribute("rate", try decimal(link.rate, "mapping rate")) }
                }
            }
        }
    }

    func writeControls() throws {
        try xml.element("controls") {
            for outcome in report.evaluation.outcomes { try writeControl(outcome) }
        }
    }

    func writeControl(_ outcome: ControlOutcome) throws {
        let definition = outcome.definition
        try xml.element("control") {
            try xml.attribute("id", definition.id)
            try xml.attribute("severity", definition.severity.rawValue)
            try xml.attribute("subjectKind", definition.subjectKind.rawValue)
            try xml.attribute("evidence", definition.evidenceSource.rawValue)
            try xml.attribute("status", outcome.status.rawValue)
            try xml.attribute("affectedIdentities", outcome.affectedIdentityCount)
            try xml.attribute("exposureClass", definition.exposureClass.rawValue)
            try xml.textElement("title", definition.title)
            try xml.textElement("description", definition.description)
            try xml.textElement("rationale", definition.rationale)
            try xml.textElement("appliesTo", definition.appliesTo)
            try xml.textElement("remediation", definition.remediation)
            try xml.element("evidenceFields") {
                for field in definition.evidenceFields {
                    try xml.element("evidenceField") { try xml.attribute("path", field) }
                }
            }
            try xml.element("policyParameters") {
                for parameter in definition.policyParameters {
                    try xml.element("policyParameter") { try xml.attribute("name", parameter) }
                }
            }
            for status in ResultStatus.allCases {
                try xml.element("resultCount") {
                    try xml.attribute("status", status.rawValue)
                    try xml.attribute("subjects", outcome.count(status))
                }
            }
            if let passRate = outcome.passRate { try writeRatio("passRate", passRate) }
            try xml.element("mappings") {
                for mapping in report.library.mappings(forControl: definition.id) {
                    try xml.element("mapping") {
                        try xml.attribute("catalog", mapping.catalogID)
                        try xml.attribute("entry", mapping.entryID)
                        try xml.attribute("crosswalkId", crosswalkID(mapping.catalogID))
                        try xml.attribute("relationship", mapping.relationship.rawValue)
                        try xml.attribute("strength", mapping.strength)
                        try xml.attribute("scope", mapping.scope.rawValue)
                        try xml.attribute("origin", mapping.origin)
                        try xml.textElement("rationale", mapping.rationale)
                    }
                }
            }
            try xml.element("results") {
                for finding in try outcome.allFindingsSorted() { try writeFinding(finding) }
            }
            if report.includesPassing {
                try xml.element("passingSubjects") {
                    for subject in try outcome.allPassingSubjectsSorted() { try writeSubject(subject) }
                }
            }
        }
    }

    // MARK: - Priorities (docs/assessment.md, section 7)

    /// Every failing result of a critical control, exposed credentials first.
    func writeCriticalFindings() throws {
        try xml.element("criticalFindings") {
            for finding in report.criticalFindings {
                try writeAttributedFinding("criticalFinding", finding)
            }
        }
    }

    /// A failing result with its control and the owner of its subject's identity.
    func writeAttributedFinding(_ name: String, _ finding: AttributedFinding) throws {
        try xml.element(name) {
            try xml.attribute("control", finding.control.id)
            try xml.attribute("severity", finding.control.severity.rawValue)
            try xml.attribute("exposureClass", finding.control.exposureClass.rawValue)
            try writeSubject(finding.subject)
            try xml.textElement("owner", finding.owner)
            try xml.textElement("message", finding.message)
        }
    }

    /// `<name catalog="…" entry="…" crosswalkId="true"?/>`.
    func writeEntryReference(_ name: String, _ entry: (catalogID: String, entryID: String)) throws {
        try xml.element(name) {
            try xml.attribute("catalog", entry.catalogID)
            try xml.attribute("entry", entry.entryID)
            try xml.attribute("crosswalkId", crosswalkID(entry.catalogID))
        }
    }

    /// `"true"` when Crosswalk assigned the catalog's entry ids; nil (no attribute) otherwise.
    static func crosswalkID(_ authority: EntryIDAuthority) -> String? {
        authority == .crosswalk ? "true" : nil
    }

    func crosswalkID(_ catalogID: String) -> String? {
        report.library.catalog(withID: catalogID).flatMap { Self.crosswalkID($0.entryIDs) }
    }

    func writeFinding(_ finding: Finding) throws {
        try xml.element("result") {
            try xml.attribute("status", finding.status.rawValue)
            try writeSubject(finding.subject)
            try xml.textElement("message", finding.message)
            for evidence in finding.evidence {
                try xml.element("evidence") {
                    try xml.attribute("field", evidence.field)
                    try xml.textElement("observed", evidence.observed)
                    try xml.textElement("expected", evidence.expected)
                }
            }
        }
    }

    func writeSubject(_ subject: SubjectReference) throws {
        try xml.element("subject") {
            try xml.attribute("kind", subject.kind.rawValue)
            try xml.attribute("id", subject.id)
            try xml.attribute("identity", subject.identityID)
            try xml.textElement("name", subject.name)
        }
    }

    /// A figure as `<name numerator="…" denominator="…" percent="…"/>`; no percent when the
    /// denominator is zero.
    func writeRatio(_ name: String, _ ratio: Ratio) throws {
        try xml.element(name) {
            try xml.attribute("numerator", try decimal(ratio.numerator, name))
            try xml.attribute("denominator", ratio.denominator)
            if ratio.denominator != 0 { try xml.attribute("percent", Int((ratio.fraction * 100).rounded())) }
        }
    }

    private func decimal(_ value: Double, _ what: String) throws -> String {
        guard let text = XMLDecimal.text(value) else {
            throw Diagnostic(
                .error,
                file: xml.file,
                message: "cannot write the XML report: \(what) is \(value), not a number"
            )
        }
        return text
    }
}
