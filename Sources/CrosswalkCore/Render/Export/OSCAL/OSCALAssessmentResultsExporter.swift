/// Walks a ``GapReport`` once and writes it as one OSCAL 1.1 Assessment Results document
/// (docs/exports/oscal.md says what carries what):
///
/// - metadata, and `import-ap` pointing at a back-matter resource that describes the implicit
///   assessment plan (Crosswalk's controls, policy, catalogs and mappings);
/// - one `result` for the run: reviewed controls (one selection per framework: the covered leaf
///   entries included, the not-covered ones excluded), observations, risks and findings;
/// - observations: one summary per control (counts, status), then one per result that is not a
///   pass (subject, owner, finding id, message, evidence), read from the run's spool
///   (``OSCALObservationWriter``);
/// - risks: one `open` risk per control with failures, one `deviation-approved` risk per control
///   with waived (accepted) results, each relating the observations of those results;
/// - findings: one per covered leaf entry of every framework, its target's state following the
///   rule book (``OSCALEntryState``);
/// - back-matter: the plan, and every input, catalog and mapping file with its SHA-256.
struct OSCALAssessmentResultsExporter {
    /// The OSCAL version the document follows (the one compliance-trestle 3.9 models).
    static let oscalVersion = "1.1.3"

    let report: GapReport
    private let resources: OSCALResources
    private let subjects: OSCALSubjectFacts
    private let collected: String
    private let toolUUID: String
    /// Imported exports, whose records' `source` evidence links to the export's resource.
    private let importedInputs: [(prefix: String, uuid: String)]

    init(_ report: GapReport) {
        let resources = OSCALResources(report)
        self.report = report
        self.resources = resources
        subjects = OSCALSubjectFacts(report.identities)
        collected = report.metadata.generatedAt.iso8601
        toolUUID = OSCALUUID.named("component\ncrosswalk")
        importedInputs = resources.inputs.filter { $0.role == InputDigest.Role.importedExport.rawValue }.map {
            ($0.path + ", ", $0.uuid)
        }
    }

    func export(to writer: OSCALJSONWriter) throws {
        writer.beginDocument()
        writer.beginObject("assessment-results", lines: true)
        writer.string("uuid", OSCALUUID.named("document\n" + resources.runSeed))
        writeMetadata(writer)
        writer.beginObject("import-ap", lines: true)
        writer.string("href", "#" + planUUID)
        writer.string(
            "remarks",
            "Crosswalk runs without a separate OSCAL assessment plan; the back-matter resource this points at describes the plan the run followed."
        )
        writer.endObject()
        writer.beginArray("results", lines: true)
        try writeResult(writer)
        writer.endArray()
        writeBackMatter(writer)
        writer.endObject()
        try writer.endDocument()
    }

    private var planUUID: String { OSCALUUID.named("assessment-plan\n" + resources.runSeed) }

    // MARK: - Metadata

    private func writeMetadata(_ writer: OSCALJSONWriter) {
        let metadata = report.metadata
        let organization = metadata.organization.flatMap(OSCALText.propertyValue)
        writer.beginObject("metadata", lines: true)
        writer.string("title", "Crosswalk assessment results" + (organization.map { ": " + $0 } ?? ""))
        writer.string("last-modified", collected)
        writer.string("version", metadata.toolVersion)
        writer.string("oscal-version", Self.oscalVersion)
        writer.beginArray("props")
        writer.property("tool", "crosswalk")
        writer.property("tool-version", metadata.toolVersion)
        writer.endArray()
        if let organization {
            writer.beginArray("parties")
            writer.beginObject()
            writer.string("uuid", OSCALUUID.named("party\n" + organization))
            writer.string("type", "organization")
            writer.string("name", organization)
            writer.endObject()
            writer.endArray()
        }
        writer.endObject()
    }

    // MARK: - The result

    private func writeResult(_ writer: OSCALJSONWriter) throws {
        let summary = report.inventorySummary
        let findingCount = report.evaluation.outcomes.reduce(0) { $0 + $1.findingCount }
        writer.beginObject(lines: true)
        writer.string("uuid", OSCALUUID.named("result\n" + resources.runSeed))
        writer.string("title", "Crosswalk non-human identity assessment, \(collected)")
        writer.string(
            "description",
            "Crosswalk \(report.metadata.toolVersion) evaluated \(report.evaluation.outcomes.count) identity-security controls on \(summary.identityCount) identities (\(summary.credentialCount) credentials, \(summary.roleCount) roles) and mapped the results onto \(report.frameworks.count) frameworks. \(findingCount) results are not a pass."
        )
        writer.string("start", collected)
        writer.beginArray("props")
        writer.property("identities", String(summary.identityCount))
        writer.property("agents", String(summary.agentCount))
        writer.property("credentials", String(summary.credentialCount))
        writer.property("roles", String(summary.roleCount))
        writer.property("non-pass-results", String(findingCount))
        if let score = report.overall.score {
            writer.property("overall-score-percent", String(Int((score * 100).rounded())))
        }
        writer.endArray()
        if !resources.inputs.isEmpty {
            writer.beginArray("links")
            for input in resources.inputs { writeResourceLink(writer, input) }
            writer.endArray()
        }
        writeLocalDefinitions(writer)
        writeReviewedControls(writer)
        try writeObservations(writer)
        try writeRisks(writer)
        try writeFindings(writer)
        writer.endObject()
    }

    private func writeResourceLink(_ writer: OSCALJSONWriter, _ file: OSCALResources.File) {
        writer.beginObject()
        writer.string("href", "#" + file.uuid)
        writer.string("rel", "reference")
        writer.string("text", "\(file.role): \(file.path)")
        writer.endObject()
    }

    private func writeLocalDefinitions(_ writer: OSCALJSONWriter) {
        writer.beginObject("local-definitions", lines: true)
        writer.beginArray("components", lines: true)
        writer.beginObject()
        writer.string("uuid", toolUUID)
        writer.string("type", "software")
        writer.string("title", "Crosswalk \(report.metadata.toolVersion)")
        writer.string(
            "description",
            "The tool that evaluated the inventory and wrote these results: every observation, risk and finding originates from it."
        )
        writer.beginObject("status")
        writer.string("state", "operational")
        writer.endObject()
        writer.endObject()
        writer.endArray()
        writer.endObject()
    }

    private func writeReviewedControls(_ writer: OSCALJSONWriter) {
        writer.beginObject("reviewed-controls", lines: true)
        writer.string(
            "description",
            "The leaf entries of each framework that Crosswalk's controls map to (included) and those no control maps to (excluded: coverage gaps, not assessed)."
        )
        writer.beginArray("control-selections", lines: true)
        var wrote = false
        for framework in report.frameworks {
            let leaves = framework.entries.filter(\.isLeaf)
            let covered = leaves.filter { $0.status != .notCovered }
            guard !covered.isEmpty else { continue }
            let notCovered = leaves.filter { $0.status == .notCovered }
            let catalog = framework.catalog
            writer.beginObject()
            writer.string("description", "\(catalog.title) (\(catalog.version))")
            writer.beginArray("props")
            writer.property("framework", catalog.id)
            writer.endArray()
            let files = frameworkFiles(catalog)
            if !files.isEmpty {
                writer.beginArray("links")
                for file in files { writeResourceLink(writer, file) }
                writer.endArray()
            }
            writer.beginArray("include-controls")
            for entry in covered { writeControlID(writer, entry.entry.id) }
            writer.endArray()
            if !notCovered.isEmpty {
                writer.beginArray("exclude-controls")
                for entry in notCovered { writeControlID(writer, entry.entry.id) }
                writer.endArray()
            }
            writer.endObject()
            wrote = true
        }
        if !wrote {
            writer.beginObject()
            writer.string("description", "No framework entry is covered by Crosswalk's controls in this run.")
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    private func writeControlID(_ writer: OSCALJSONWriter, _ entryID: String) {
        writer.beginObject()
        writer.string("control-id", OSCALText.token(entryID))
        writer.endObject()
    }

    /// The bundled catalog and mapping files behind a framework (user files are linked from the
    /// result as inputs).
    private func frameworkFiles(_ catalog: Catalog) -> [OSCALResources.File] {
        var paths = [catalog.origin]
        for mapping in report.library.mappings where mapping.catalogID == catalog.id && !paths.contains(mapping.origin)
        {
            paths.append(mapping.origin)
        }
        return paths.compactMap { path in resources.bundled.first { $0.path == path } }
    }

    // MARK: - Observations

    private func writeObservations(_ writer: OSCALJSONWriter) throws {
        let observations = OSCALObservationWriter(
            subjects: subjects,
            collected: collected,
            toolUUID: toolUUID,
            importedInputs: importedInputs
        )
        writer.beginArray("observations", lines: true)
        for outcome in report.evaluation.outcomes { observations.writeSummary(writer, outcome) }
        for outcome in report.evaluation.outcomes { try observations.writeFindings(writer, outcome) }
        writer.endArray()
    }

    // MARK: - Risks

    /// The risk statuses a control's results raise: `open` for failures, `deviation-approved` for
    /// waived (accepted) failures.
    private static let riskStatuses: [(result: ResultStatus, risk: String)] = [
        (.fail, "open"), (.accepted, "deviation-approved"),
    ]

    private var hasRisks: Bool {
        report.evaluation.outcomes.contains { $0.count(.fail) + $0.count(.accepted) > 0 }
    }

    private func writeRisks(_ writer: OSCALJSONWriter) throws {
        guard hasRisks else { return }
        writer.beginArray("risks", lines: true)
        for outcome in report.evaluation.outcomes {
            for (result, status) in Self.riskStatuses where outcome.count(result) > 0 {
                try writeRisk(writer, outcome, result: result, status: status)
            }
        }
        writer.endArray()
    }

    private func writeRisk(
        _ writer: OSCALJSONWriter,
        _ outcome: ControlOutcome,
        result: ResultStatus,
        status: String
    )
        throws
    {
        let definition = outcome.definition
        let count = outcome.count(result)
        let waived = result == .accepted
        writer.beginObject()
        writer.string("uuid", OSCALUUID.risk(control: definition.id, status: status))
        writer.string(
            "title",
            "\(definition.id): \(definition.title) — \(count) subject\(count == 1 ? "" : "s") \(waived ? "failing under a waiver" : "failing")"
        )
        writer.string(
            "description",
            "\(definition.description) \(count) of \(outcome.applicableCount) applicable subjects \(waived ? "fail, with the failure accepted by a waiver" : "fail"); \(outcome.affectedIdentityCount) identities are affected."
        )
        writer.string("statement", definition.rationale)
        writer.beginArray("props")
        writer.property("control", definition.id)
        writer.property("severity", definition.severity.rawValue)
        writer.property("exposure-class", definition.exposureClass.rawValue)
        writer.property("subjects", String(count))
        writer.property("affected-identities", String(outcome.affectedIdentityCount))
        writer.endArray()
        writer.string("status", status)
        writer.toolOrigin(toolUUID)
        writer.beginArray("remediations")
        writer.beginObject()
        writer.string("uuid", OSCALUUID.named("remediation\n\(definition.id)\n\(status)"))
        writer.string("lifecycle", "recommendation")
        writer.string("title", "Remediate \(definition.id)")
        writer.string("description", definition.remediation)
        writer.endObject()
        writer.endArray()
        writer.beginArray("related-observations")
        writeObservationReference(writer, OSCALUUID.controlObservation(definition.id))
        try outcome.forEachFinding { finding in
            guard finding.status == result else { return }
            let findingID = FindingID.of(finding, control: definition.id)
            writeObservationReference(writer, OSCALUUID.observation(findingID: findingID))
            try writer.flushIfFull()
        }
        writer.endArray()
        writer.endObject()
    }

    private func writeObservationReference(_ writer: OSCALJSONWriter, _ uuid: String) {
        writer.beginObject()
        writer.string("observation-uuid", uuid)
        writer.endObject()
    }

    // MARK: - Findings

    private func writeFindings(_ writer: OSCALJSONWriter) throws {
        let outcomes = Dictionary(
            report.evaluation.outcomes.map { ($0.definition.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        let entries = report.frameworks.flatMap { framework in
            framework.entries.filter { $0.isLeaf && OSCALEntryState($0.status) != nil }.map { (framework, $0) }
        }
        guard !entries.isEmpty else { return }
        writer.beginArray("findings", lines: true)
        for (framework, entry) in entries {
            writeFinding(writer, entry, catalog: framework.catalog, outcomes: outcomes)
            try writer.flushIfFull()
        }
        writer.endArray()
    }

    private func writeFinding(
        _ writer: OSCALJSONWriter,
        _ assessment: EntryAssessment,
        catalog: Catalog,
        outcomes: [String: ControlOutcome]
    ) {
        guard let state = OSCALEntryState(assessment.status) else { return }
        let entry = assessment.entry
        writer.beginObject()
        writer.string("uuid", OSCALUUID.entryFinding(catalog: catalog.id, entry: entry.id))
        writer.string("title", "\(catalog.shortTitle) \(entry.id): \(entry.title)")
        writer.string("description", "\(assessment.status.label). \(assessment.reason)")
        writer.beginArray("props")
        writer.property("framework", catalog.id)
        writer.property("entry", entry.id)
        writer.property("entry-status", assessment.status.rawValue)
        writer.property("pass-share", assessment.passShare.map { String($0) })
        writer.property("affected-identities", String(assessment.affectedIdentityCount))
        writer.endArray()
        writer.toolOrigin(toolUUID)
        writer.beginObject("target")
        writer.string("type", "objective-id")
        writer.string("target-id", OSCALText.token(entry.id))
        writer.string("title", entry.title)
        if let objective = state.state {
            writer.beginObject("status")
            writer.string("state", objective)
            writer.string("reason", state.reason)
            writer.endObject()
        }
        if let implementation = state.implementationStatus {
            writer.beginObject("implementation-status")
            writer.string("state", implementation)
            writer.endObject()
        }
        writer.endObject()
        var controls: [String] = []
        for link in assessment.links where !controls.contains(link.mapping.controlID) {
            controls.append(link.mapping.controlID)
        }
        if !controls.isEmpty {
            writer.beginArray("related-observations")
            for control in controls { writeObservationReference(writer, OSCALUUID.controlObservation(control)) }
            writer.endArray()
        }
        var risks: [String] = []
        for link in assessment.links where link.isLive && link.counts.failing > 0 {
            guard let outcome = outcomes[link.mapping.controlID] else { continue }
            for (result, status) in Self.riskStatuses where outcome.count(result) > 0 {
                let uuid = OSCALUUID.risk(control: link.mapping.controlID, status: status)
                if !risks.contains(uuid) { risks.append(uuid) }
            }
        }
        if !risks.isEmpty {
            writer.beginArray("related-risks")
            for uuid in risks {
                writer.beginObject()
                writer.string("risk-uuid", uuid)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
    }

    // MARK: - Back-matter

    private func writeBackMatter(_ writer: OSCALJSONWriter) {
        writer.beginObject("back-matter", lines: true)
        writer.beginArray("resources", lines: true)
        writer.beginObject()
        writer.string("uuid", planUUID)
        writer.string("title", "Assessment plan: Crosswalk \(report.metadata.toolVersion)")
        writer.string(
            "description",
            "No separate assessment plan exists. The plan is the run itself: Crosswalk \(report.metadata.toolVersion)'s \(report.evaluation.outcomes.count) controls, applied with the policy to the inventory inputs, and mapped onto the catalogs through the mapping files, each listed in this back-matter with its SHA-256."
        )
        writer.beginArray("props")
        writer.property("tool-version", report.metadata.toolVersion)
        writer.property("generated-at", collected)
        writer.endArray()
        writer.endObject()
        for file in resources.inputs + resources.bundled { writeFileResource(writer, file) }
        writer.endArray()
        writer.endObject()
    }

    private func writeFileResource(_ writer: OSCALJSONWriter, _ file: OSCALResources.File) {
        writer.beginObject()
        writer.string("uuid", file.uuid)
        writer.string("title", file.path)
        writer.beginArray("props")
        writer.property("role", file.role)
        writer.property("bytes", String(file.byteCount))
        writer.endArray()
        writer.beginArray("rlinks")
        writer.beginObject()
        writer.string("href", OSCALText.uriReference(file.path))
        writer.string("media-type", OSCALText.mediaType(file.path))
        writer.beginArray("hashes")
        writer.beginObject()
        writer.string("algorithm", "SHA-256")
        writer.string("value", file.sha256)
        writer.endObject()
        writer.endArray()
        writer.endObject()
        writer.endArray()
        writer.endObject()
    }
}
