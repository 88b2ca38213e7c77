/// Walks a ``GapReport`` once, in the order docs/report-json.md and docs/report-xml.md describe,
/// and tells an ``ExportWriter`` what to write: the one export model behind both machine-readable
/// reports.
///
/// Each control states its message templates and evidence templates (field and expected value)
/// once; each result then carries its subject, status, the index of its template and the values
/// for its gaps, plus the observed value of each piece of evidence with the index of its evidence
/// template. Identities that results are about are listed once in an identity table (id, name,
/// kind, owner, platform) that results refer to by index.
///
/// Results are read in place from the run's spool (``ControlOutcome/forEachEncodedFinding(_:)``)
/// and their values copied into the writer without building a ``Finding``; the reader iterates and
/// never indexes or counts, so the list behind it can be a stream. The templates and identities
/// results refer to were gathered by the evaluate stage, so each control's results are read once.
public struct ReportExporter {
    /// The schema URN of both formats; changes with every incompatible change.
    public static let schema = "urn:crosswalk:report:2"
    public static let version = "2"

    let report: GapReport

    public init(_ report: GapReport) { self.report = report }

    /// Every finding of a control, from the run's spool: how the CSV and SARIF exports read them.
    public static func forEachFinding(in outcome: ControlOutcome, _ body: (Finding) throws -> Void) throws {
        try outcome.forEachFinding(body)
    }

    /// Writes the whole report to `writer`.
    public func export(to writer: some ExportWriter) throws {
        let tables = try ExportTables(report)
        try writer.beginDocument(schema: Self.schema, version: Self.version)
        try writeRun(writer)
        try writeInputs(writer)
        try writeWarnings(writer)
        try writeInventory(writer)
        try writeKeyFigures(writer)
        try writeOverall(writer)
        try writeCatalogs(writer)
        try writeFrameworks(writer)
        try writeIdentities(writer, tables)
        try writeControls(writer, tables)
        try writeTopGaps(writer)
        try writeCriticalFindings(writer)
        try writeRiskiestIdentities(writer)
        try writeChanges(writer)
        if let audit = report.waiverAudit { try writeWaiverAudit(writer, audit) }
        try writer.endDocument()
    }

    // MARK: - Run and inputs

    private func writeRun(_ writer: some ExportWriter) throws {
        let metadata = report.metadata
        try writer.beginRecord("run")
        try writer.field("tool", .identifier("crosswalk"))
        try writer.field("tool_version", .identifier(metadata.toolVersion))
        try writer.field("generated_at", .identifier(metadata.generatedAt.iso8601))
        try writer.field("includes_passing", .bool(report.includesPassing))
        try writer.field("organization", .text(metadata.organization))
        try writer.endRecord()
    }

    private func writeInputs(_ writer: some ExportWriter) throws {
        try writer.beginList("inputs", item: "input")
        for input in report.metadata.inputs {
            try writer.beginRecord("input")
            try writer.field("role", .identifier(input.role.rawValue))
            try writer.field("bytes", .integer(input.byteCount))
            try writer.field("sha256", .identifier(input.sha256))
            try writer.field("path", .text(input.path))
            try writer.endRecord()
        }
        try writer.endList()
    }

    private func writeWarnings(_ writer: some ExportWriter) throws {
        try writer.beginList("warnings", item: "warning")
        for warning in report.warnings {
            try writer.beginRecord("warning")
            try writer.field("severity", .identifier(warning.severity.rawValue))
            try writer.field("line", warning.location.map { .integer($0.line) })
            try writer.field("column", warning.location.map { .integer($0.column) })
            try writer.field("file", .text(warning.file))
            try writer.field("key_path", .text(warning.keyPath.flatMap { $0.isEmpty ? nil : $0 }))
            try writer.field("message", .text(warning.message))
            try writer.endRecord()
        }
        try writer.endList()
    }

    // MARK: - Inventory and figures

    private func writeInventory(_ writer: some ExportWriter) throws {
        let summary = report.inventorySummary
        try writer.beginRecord("inventory")
        try writer.field("identities", .integer(summary.identityCount))
        try writer.field("agents", .integer(summary.agentCount))
        try writer.field("credentials", .integer(summary.credentialCount))
        try writer.field("roles", .integer(summary.roleCount))
        try writer.beginList("platforms", item: "platform")
        for platform in summary.platforms { try writer.item(.text(platform)) }
        try writer.endList()
        try writer.beginList("kinds", item: "kind")
        for (kind, count) in summary.kinds {
            try writer.beginRecord("kind")
            try writer.field("name", .identifier(kind))
            try writer.field("identities", .integer(count))
            try writer.endRecord()
        }
        try writer.endList()
        try writer.endRecord()
    }

    private func writeKeyFigures(_ writer: some ExportWriter) throws {
        let figures = report.keyFigures
        try writer.beginRecord("key_figures")
        try writer.field("active_exposed_credentials", .integer(figures.activeExposedCredentials))
        try writeRatio(writer, "identities_with_owner", figures.identitiesWithOwner)
        try writeRatio(writer, "agents_on_workload_identity", figures.agentsOnWorkloadIdentity)
        try writeRatio(writer, "static_secrets_within_rotation", figures.staticSecretsWithinRotation)
        try writer.beginList("exposed_credentials", item: "exposed_credential")
        for finding in figures.exposedCredentials { try writeAttributedFinding(writer, "exposed_credential", finding) }
        try writer.endList()
        try writer.endRecord()
    }

    private func writeOverall(_ writer: some ExportWriter) throws {
        let overall = report.overall
        try writer.beginRecord("overall")
        try writer.field("frameworks", .integer(overall.frameworks))
        try writer.field("scored_frameworks", .integer(overall.scoredFrameworks))
        try writer.field("score", overall.score.map { .decimal($0) })
        try writer.field("percent", overall.score.map { .integer(Int(($0 * 100).rounded())) })
        try writer.field("posture", .identifier(overall.posture?.rawValue))
        try writeRatio(writer, "coverage", overall.coverage)
        try writeEntryStatusCounts(writer, overall.count)
        try writer.endRecord()
    }

    private func writeEntryStatusCounts(_ writer: some ExportWriter, _ count: (EntryStatus) -> Int) throws {
        try writer.beginRecord("status_counts")
        for status in EntryStatus.allCases { try writer.field(.keyed(status.rawValue), .integer(count(status))) }
        try writer.endRecord()
    }

    /// A figure with its explicit numerator and denominator, and percent when defined.
    private func writeRatio(_ writer: some ExportWriter, _ name: ExportName, _ ratio: Ratio) throws {
        try writer.beginRecord(name)
        try writer.field("numerator", .decimal(ratio.numerator))
        try writer.field("denominator", .integer(ratio.denominator))
        if ratio.denominator != 0 { try writer.field("percent", .integer(Int((ratio.fraction * 100).rounded()))) }
        try writer.endRecord()
    }

    // MARK: - Catalogs and frameworks

    private func writeCatalogs(_ writer: some ExportWriter) throws {
        try writer.beginList("catalogs", item: "catalog")
        for catalog in report.library.catalogs {
            try writer.beginRecord("catalog")
            try writer.field("id", .identifier(catalog.id))
            try writer.field("version", .identifier(catalog.version))
            try writer.field("origin", .identifier(catalog.origin))
            try writer.field("bundled", .bool(catalog.isBundled))
            try writer.field("entry_ids", .identifier(catalog.entryIDs.rawValue))
            try writer.field("scope", .identifier(catalog.scope.rawValue))
            try writer.field("title", .text(catalog.title))
            try writer.field("short_title", .text(catalog.shortTitle))
            try writer.field("publisher", .text(catalog.publisher))
            try writer.field("license", .text(catalog.license))
            try writer.field("attribution", .text(catalog.attribution))
            try writer.beginList("source_urls", item: "source_url")
            for url in catalog.sourceURLs { try writer.item(.text(url)) }
            try writer.endList()
            try writer.beginList("entry_counts", item: "entry_count")
            for (kind, count) in catalog.countsByKind {
                try writer.beginRecord("entry_count")
                try writer.field("kind", .identifier(kind))
                try writer.field("entries", .integer(count))
                try writer.endRecord()
            }
            try writer.endList()
            try writer.endRecord()
        }
        try writer.endList()
    }

    private func writeFrameworks(_ writer: some ExportWriter) throws {
        try writer.beginList("frameworks", item: "framework")
        for framework in report.frameworks {
            try writer.beginRecord("framework")
            try writer.field("catalog", .identifier(framework.catalog.id))
            try writer.field("scope", .identifier(framework.catalog.scope.rawValue))
            try writer.field("leaf_entries", .integer(framework.leafEntryCount))
            try writer.field("posture", .identifier(framework.score?.posture.rawValue))
            if let score = framework.score {
                try writer.beginRecord("score")
                try writer.field("earned", .decimal(score.earned))
                try writer.field("possible", .decimal(score.possible))
                try writer.field("percent", .integer(Int((score.fraction * 100).rounded())))
                try writer.field("text", .identifier(score.text))
                try writer.beginList("critical_gaps", item: "critical_gap")
                for gap in score.criticalGaps { try writer.item(.identifier(gap)) }
                try writer.endList()
                try writer.endRecord()
            }
            try writeRatio(writer, "coverage", framework.coverage)
            try writeEntryStatusCounts(writer, framework.count)
            try writer.beginList("entries", item: "entry")
            let crosswalkIDs = framework.catalog.entryIDs == .crosswalk
            for entry in framework.entries { try writeEntry(writer, entry, crosswalkIDs: crosswalkIDs) }
            try writer.endList()
            try writer.endRecord()
        }
        try writer.endList()
    }

    private func writeEntry(_ writer: some ExportWriter, _ assessment: EntryAssessment, crosswalkIDs: Bool) throws {
        let leaf = assessment.isLeaf
        try writer.beginRecord("entry")
        try writer.field("id", .identifier(assessment.entry.id))
        try writer.field("crosswalk_id", crosswalkIDs ? .bool(true) : nil)
        try writer.field("kind", .identifier(assessment.entry.kind))
        try writer.field("parent", .identifier(assessment.entry.parent))
        try writer.field("leaf", .bool(leaf))
        try writer.field("status", .identifier(assessment.status.rawValue))
        try writer.field("pass_share", assessment.passShare.map { .decimal($0) })
        try writer.field("affected_identities", leaf ? .integer(assessment.affectedIdentityCount) : nil)
        try writer.field("affected_subjects_omitted", leaf ? .integer(assessment.affectedIdentities.omitted) : nil)
        try writer.field("title", .text(assessment.entry.title))
        try writer.field("label", .text(assessment.status.label))
        try writer.field("reason", .text(assessment.reason))
        if !leaf { try writeRatio(writer, "coverage", assessment.coverage) }
        if leaf {
            let affected = assessment.affectedIdentities
            try writer.beginList("affected_subjects", item: "affected_subject")
            for identity in affected.listed { try writer.item(.identifier(identity.id)) }
            try writer.endList()
            try writer.beginList("links", item: "link")
            for link in assessment.links {
                try writer.beginRecord("link")
                try writer.field("control", .identifier(link.mapping.controlID))
                try writer.field("relationship", .identifier(link.mapping.relationship.rawValue))
                try writer.field("strength", .integer(link.mapping.strength))
                try writer.field("scope", .identifier(link.mapping.scope.rawValue))
                try writer.field("evidence", .identifier(link.evidenceSource.rawValue))
                try writer.field("severity", .identifier(link.severity.rawValue))
                try writer.field("control_status", .identifier(link.controlStatus.rawValue))
                try writer.field("pass", .integer(link.counts.passing))
                try writer.field("fail", .integer(link.counts.failing))
                try writer.field("unknown", .integer(link.counts.unknown))
                try writer.field("live", .bool(link.isLive))
                try writer.field("weight", .decimal(link.weight))
                try writer.field("rate", link.isLive ? .decimal(link.rate) : nil)
                try writer.endRecord()
            }
            try writer.endList()
        }
        try writer.endRecord()
    }

    // MARK: - Identities and controls

    private func writeIdentities(_ writer: some ExportWriter, _ tables: ExportTables) throws {
        try writer.beginList("identities", item: "identity")
        // The closure below captures only these (copying `self` into it retained the report's
        // parts for every row).
        let names = tables.names
        for position in tables.identities {
            let identity = tables.inventory[position]
            let kind = identity.kind
            // The text is read in place: the other machine-readable report reads the same rows.
            try identity.withRowText { row in try Self.writeIdentityRow(writer, row, kind: kind, names: names) }
        }
        try writer.endList()
    }

    private static func writeIdentityRow(
        _ writer: some ExportWriter,
        _ row: Identity.RowText,
        kind: IdentityKind,
        names: ExportNames
    ) throws {
        try writer.beginRow(names.identity)
        try writer.field(names.id, utf8: UnsafeRawBufferPointer(row.id), as: .identifier)
        try writer.field(names.kind, .identifier(kind.rawValue))
        try writer.field(names.name, utf8: UnsafeRawBufferPointer(row.name), as: .text)
        if let owner = row.owner, OwnerName.isRecorded(utf8: owner) {
            try writer.field(names.owner, utf8: UnsafeRawBufferPointer(owner), as: .text)
        }
        if let platform = row.platform {
            try writer.field(names.platform, utf8: UnsafeRawBufferPointer(platform), as: .text)
        }
        try writer.endRecord()
    }

    private func writeControls(_ writer: some ExportWriter, _ tables: ExportTables) throws {
        try writer.beginList("controls", item: "control")
        for (position, outcome) in report.evaluation.outcomes.enumerated() {
            try writeControl(writer, outcome, templates: tables.templates[position], identities: tables)
        }
        try writer.endList()
    }

    private func writeControl(
        _ writer: some ExportWriter,
        _ outcome: ControlOutcome,
        templates: ControlTemplates,
        identities: ExportTables
    ) throws {
        let definition = outcome.definition
        try writer.beginRecord("control")
        try writer.field("id", .identifier(definition.id))
        try writer.field("severity", .identifier(definition.severity.rawValue))
        try writer.field("exposure_class", .identifier(definition.exposureClass.rawValue))
        try writer.field("subject_kind", .identifier(definition.subjectKind.rawValue))
        try writer.field("evidence", .identifier(definition.evidenceSource.rawValue))
        try writer.field("status", .identifier(outcome.status.rawValue))
        try writer.field("affected_identities", .integer(outcome.affectedIdentityCount))
        try writer.field("title", .text(definition.title))
        try writer.field("description", .text(definition.description))
        try writer.field("rationale", .text(definition.rationale))
        try writer.field("applies_to", .text(definition.appliesTo))
        try writer.field("remediation", .text(definition.remediation))
        try writer.beginList("evidence_fields", item: "evidence_field")
        for field in definition.evidenceFields { try writer.item(.identifier(field)) }
        try writer.endList()
        try writer.beginList("policy_parameters", item: "policy_parameter")
        for parameter in definition.policyParameters { try writer.item(.identifier(parameter)) }
        try writer.endList()
        try writer.beginRecord("counts")
        for status in ResultStatus.allCases {
            try writer.field(.keyed(status.rawValue), .integer(outcome.count(status)))
        }
        try writer.endRecord()
        try writer.beginRecord("scoped_counts")
        for scope in MappingScope.allCases {
            let counts = outcome.counts(in: scope)
            try writer.beginRecord(.keyed(scope.rawValue))
            for status in ResultStatus.allCases {
                try writer.field(.keyed(status.rawValue), .integer(counts[status] ?? 0))
            }
            try writer.endRecord()
        }
        try writer.endRecord()
        if let passRate = outcome.passRate { try writeRatio(writer, "pass_rate", passRate) }
        try writer.beginList("mappings", item: "mapping")
        for mapping in report.library.mappings(forControl: definition.id) {
            try writer.beginRecord("mapping")
            try writer.field("catalog", .identifier(mapping.catalogID))
            try writer.field("entry", .identifier(mapping.entryID))
            try writer.field("crosswalk_id", crosswalkID(mapping.catalogID))
            try writer.field("relationship", .identifier(mapping.relationship.rawValue))
            try writer.field("strength", .integer(mapping.strength))
            try writer.field("scope", .identifier(mapping.scope.rawValue))
            try writer.field("origin", .identifier(mapping.origin))
            try writer.field("rationale", .text(mapping.rationale))
            try writer.endRecord()
        }
        try writer.endList()
        try writer.beginList("message_templates", item: "message_template")
        for template in templates.messages.all {
            // Once per control: the pattern with this run's policy values in its policy gaps.
            try writer.beginRecord("message_template")
            try writer.field("pattern", .text(template.pattern))
            try writer.beginList("slots", item: "slot")
            for slot in template.slots { try writer.item(.identifier(slot)) }
            try writer.endList()
            try writer.endRecord()
        }
        try writer.endList()
        try writer.beginList("evidence_templates", item: "evidence_template")
        for template in templates.evidence.all {
            try writer.beginRecord("evidence_template")
            try writer.field("field", .identifier(template.field))
            try writer.field("expected", .text(template.expected))
            try writer.endRecord()
        }
        try writer.endList()
        try writer.beginList("results", item: "result")
        // Read once per control, not per result: which values of each message template are policy
        // values (stated in the template, not in results), and how many evidence templates there are.
        let policyGaps = PolicyGapTable(templates)
        let evidenceTemplateCount = templates.evidence.all.count
        try outcome.forEachEncodedFinding { result in
            try writeResult(
                writer,
                result,
                control: definition,
                policyGaps: policyGaps,
                evidenceTemplateCount: evidenceTemplateCount,
                identities: identities
            )
        }
        try writer.endList()
        if report.includesPassing {
            try writer.beginList("passing_subjects", item: "subject")
            try outcome.forEachEncodedPassingSubject { subject in
                try writer.beginRecord("subject")
                try writeSubject(writer, subject, control: definition, identities: identities)
                try writer.endRecord()
            }
            try writer.endList()
        }
        try writer.endRecord()
    }

    /// One result, its values copied from where it was read (the run's spool) without building
    /// a ``Finding``. `policyGaps` says, for each of the control's message templates, which of its
    /// gaps are policy values.
    private func writeResult(
        _ writer: some ExportWriter,
        _ result: EncodedResult,
        control: ControlDefinition,
        policyGaps: PolicyGapTable,
        evidenceTemplateCount: Int,
        identities: ExportTables
    ) throws {
        let names = identities.names
        try writer.beginRecord(names.result)
        try FindingID.withText(result.idPrefix ?? 0) { try writer.field(names.id, utf8: $0, as: .identifier) }
        try writer.field(names.status, .identifier(result.status.rawValue))
        // Only a damaged spool names a template the control's table does not have: the result
        // then refers to the next number, which no template has.
        let message = result.message ?? policyGaps.templateCount
        try writeSubject(writer, result, control: control, identities: identities) {
            try writer.field(names.message, .integer(message))
        }
        try writer.beginList(names.values, item: names.value, wrapped: false)
        try result.forEachValue { index, value in
            if policyGaps.isPolicyValue(index, ofTemplate: message) { return }
            try writer.item(utf8: value, as: .text)
        }
        try writer.endList()
        try writer.beginList(names.evidence, item: names.observation, wrapped: false)
        try result.forEachEvidence { template, observed in
            try writer.beginRecord(names.observation)
            try writer.field(names.template, .integer(template ?? evidenceTemplateCount))
            try writer.field(names.observed, utf8: observed, as: .inlineText)
            try writer.endRecord()
        }
        try writer.endList()
        try writer.endRecord()
    }

    /// A subject's identifying fields in the open record: `subject` (its id) unless its identity
    /// row gives it, `kind` when it differs from the control's subject kind, `identity` (its row in
    /// the identity table) and, for a credential of that identity, `credential` (its own id); then
    /// the fields `attributes` writes, and last `name` (free text) unless the identity table gives
    /// it or it is the subject id. The subject id is the row's identity id, or that id, `/` and
    /// `credential`; any subject not exactly so rebuilt keeps `subject`.
    private func writeSubject(
        _ writer: some ExportWriter,
        _ result: EncodedResult,
        control: ControlDefinition,
        identities: ExportTables,
        attributes: () throws -> Void = {}
    ) throws {
        let names = identities.names
        let placement = identities.placement(of: result)
        let relative = placement?.relative
        if relative == nil {
            if result.isCredentialOfIdentity {
                try writer.field(names.subject, .identifier(result.subject.id))
            } else {
                try writer.field(names.subject, utf8: result.storedID, as: .identifier)
            }
        }
        if result.kind != control.subjectKind {
            try writer.field(names.kind, .identifier(result.kind.rawValue))
        }
        try writer.field(names.identity, placement.map { .integer($0.row) })
        if relative == .credential { try writer.field(names.credential, utf8: result.storedID, as: .identifier) }
        try attributes()
        // A credential of an identity has a composed id and name, built only off the common path.
        let nameGoesWithoutSaying: Bool
        if let placement {
            nameGoesWithoutSaying = placement.derivedName
        } else if result.isCredentialOfIdentity {
            let subject = result.subject
            nameGoesWithoutSaying = subject.name == subject.id
        } else {
            nameGoesWithoutSaying = result.storedName.elementsEqual(result.storedID)
        }
        guard !nameGoesWithoutSaying else { return }
        if result.isCredentialOfIdentity {
            try writer.field(names.name, .text(result.subject.name))
        } else {
            try writer.field(names.name, utf8: result.storedName, as: .text)
        }
    }

    // MARK: - Priorities (docs/assessment.md, section 7)

    private func writeTopGaps(_ writer: some ExportWriter) throws {
        try writer.beginList("top_gaps", item: "gap")
        for gap in report.topGaps {
            try writer.beginRecord("gap")
            try writer.field("control", .identifier(gap.control.id))
            try writer.field("severity", .identifier(gap.control.severity.rawValue))
            try writer.field("exposure_class", .identifier(gap.control.exposureClass.rawValue))
            try writer.field("failing_subjects", .integer(gap.failingSubjects))
            try writer.field("affected_identities", .integer(gap.affectedIdentities))
            try writer.field("rank", .integer(gap.rank))
            try writeEntryReferences(writer, "entries", gap.entries)
            try writeEntryReferences(writer, "entries_with_gaps", gap.entriesWithGaps)
            try writer.endRecord()
        }
        try writer.endList()
    }

    private func writeEntryReferences(
        _ writer: some ExportWriter,
        _ name: ExportName,
        _ entries: [(catalogID: String, entryID: String)]
    ) throws {
        try writer.beginList(name, item: "entry_reference")
        for entry in entries {
            try writer.beginRecord("entry_reference")
            try writer.field("catalog", .identifier(entry.catalogID))
            try writer.field("entry", .identifier(entry.entryID))
            try writer.field("crosswalk_id", crosswalkID(entry.catalogID))
            try writer.endRecord()
        }
        try writer.endList()
    }

    private func writeCriticalFindings(_ writer: some ExportWriter) throws {
        try writer.beginList("critical_findings", item: "critical_finding")
        for finding in report.criticalFindings { try writeAttributedFinding(writer, "critical_finding", finding) }
        try writer.endList()
    }

    /// A failing result with its control, subject and owner, and its sentence in full.
    private func writeAttributedFinding(
        _ writer: some ExportWriter,
        _ name: ExportName,
        _ finding: AttributedFinding
    )
        throws
    {
        try writer.beginRecord(name)
        try writer.field("control", .identifier(finding.control.id))
        try writer.field("severity", .identifier(finding.control.severity.rawValue))
        try writer.field("exposure_class", .identifier(finding.control.exposureClass.rawValue))
        try writer.field("subject", .identifier(finding.subject.id))
        try writer.field("kind", .identifier(finding.subject.kind.rawValue))
        try writer.field("identity", .identifier(finding.subject.identityID))
        try writer.field("name", .text(finding.subject.name))
        try writer.field("owner", .text(finding.owner))
        try writer.field("message", .text(finding.message))
        try writer.endRecord()
    }

    private func writeRiskiestIdentities(_ writer: some ExportWriter) throws {
        try writer.beginList("riskiest_identities", item: "risky_identity")
        for identity in report.riskiestIdentities {
            try writer.beginRecord("risky_identity")
            try writer.field("id", .identifier(identity.id))
            try writer.field("kind", .identifier(identity.kind))
            try writer.field("risk_score", .integer(identity.riskScore))
            try writer.field("name", .text(identity.name))
            try writer.field("platform", .text(identity.platform))
            try writer.field("owner", .text(identity.owner))
            try writer.beginList("failing_controls", item: "failing_control")
            for control in identity.failingControls { try writer.item(.identifier(control)) }
            try writer.endList()
            try writer.endRecord()
        }
        try writer.endList()
    }

    /// The waiver audit, only when a waivers file was given: one record per waiver, in file order.
    private func writeWaiverAudit(_ writer: some ExportWriter, _ audit: WaiverAudit) throws {
        try writer.beginList("waiver_audit", item: "waiver")
        for entry in audit.entries {
            let waiver = entry.waiver
            try writer.beginRecord("waiver")
            try writer.field("id", .identifier(waiver.id))
            try writer.field("control", .identifier(waiver.control))
            try writer.field("state", .identifier(entry.state.rawValue))
            try writer.field("accepted_results", .integer(entry.matchCount))
            try writer.field("line", waiver.location.map { .integer($0.line) })
            try writer.field("created", waiver.created.map { .identifier($0.text) })
            try writer.field("expires", waiver.expires.map { .identifier($0.text) })
            try writer.field("subject", .text(waiver.subject.description))
            try writer.field("justification", .text(waiver.justification))
            try writer.field("approver", .text(waiver.approver))
            try writer.field("owner", .text(waiver.owner))
            try writer.field("ticket", .text(waiver.ticket))
            try writer.field("reason", .text(entry.reason))
            try writer.endRecord()
        }
        try writer.endList()
    }

    /// `true` when Crosswalk assigned the catalog's entry ids; nil (left out) otherwise.
    private func crosswalkID(_ catalogID: String) -> ExportValue? {
        report.library.catalog(withID: catalogID)?.entryIDs == .crosswalk ? .bool(true) : nil
    }
}

/// The names written once per result or identity row, built once per export.
final class ExportNames {
    let result: ExportName = "result"
    let status: ExportName = "status"
    let subject: ExportName = "subject"
    let kind: ExportName = "kind"
    let identity: ExportName = "identity"
    let credential: ExportName = "credential"
    let id: ExportName = "id"
    let owner: ExportName = "owner"
    let platform: ExportName = "platform"
    let name: ExportName = "name"
    let message: ExportName = "message"
    let values: ExportName = "values"
    let value: ExportName = "value"
    let evidence: ExportName = "evidence"
    let observation: ExportName = "observation"
    let template: ExportName = "template"
    let observed: ExportName = "observed"
}
