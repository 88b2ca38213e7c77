/// Renders the machine-readable report (`crosswalk-report.json`, schema in docs/report-json.md).
///
/// Keys are sorted and output is pretty-printed so the same inputs and clock give the same bytes.
/// Every result that is not a pass is listed; passes are counted, and listed only when the run
/// includes passing subjects. Results are produced one at a time while writing.
struct JSONReportRenderer: ReportRenderer {
    static let schemaID = "urn:crosswalk:report:1"

    let document = ReportDocument.jsonReport

    func render(_ report: GapReport, to sink: any ReportSink) throws {
        var writer = JSONWriter(reservingCapacity: 1 << 20)
        writer.write(tree(report))
        var bytes = writer.bytes
        bytes.append(0x0A)
        try sink.write(bytes)
    }

    private func tree(_ report: GapReport) -> JSONValue {
        let metadata = report.metadata
        let summary = report.inventorySummary
        let figures = report.keyFigures
        return .object([
            ("schema", .string(Self.schemaID)),
            (
                "run",
                .object([
                    ("tool", .string("crosswalk")),
                    ("tool_version", .string(metadata.toolVersion)),
                    ("generated_at", .string(metadata.generatedAt.iso8601)),
                    ("organization", .optional(metadata.organization)),
                    ("includes_passing", .bool(report.includesPassing)),
                ])
            ),
            (
                "inputs",
                .array(
                    metadata.inputs.map { input in
                        .object([
                            ("role", .string(input.role.rawValue)),
                            ("path", .string(input.path)),
                            ("bytes", .integer(input.byteCount)),
                            ("sha256", .string(input.sha256)),
                        ])
                    }
                )
            ),
            (
                "inventory",
                .object([
                    ("identities", .integer(summary.identityCount)),
                    ("agents", .integer(summary.agentCount)),
                    ("credentials", .integer(summary.credentialCount)),
                    ("roles", .integer(summary.roleCount)),
                    ("platforms", .strings(summary.platforms)),
                    ("kinds", .counts(summary.kinds.map { ($0.kind, $0.count) })),
                ])
            ),
            (
                "key_figures",
                .object([
                    ("identities_with_owner", fraction(figures.identitiesWithOwner)),
                    ("agents_on_workload_identity", fraction(figures.agentsOnWorkloadIdentity)),
                    ("static_secrets_within_rotation", fraction(figures.staticSecretsWithinRotation)),
                    ("active_exposed_credentials", .integer(figures.activeExposedCredentials)),
                    ("exposed_credentials", .array(figures.exposedCredentials.map(attributedFinding))),
                ])
            ),
            ("catalogs", .array(report.library.catalogs.map(catalog))),
            (
                "overall",
                .object([
                    ("score", report.overall.score.map { .number($0) }),
                    ("percent", report.overall.score.map { .integer(Int(($0 * 100).rounded())) }),
                    ("posture", .optional(report.overall.posture?.rawValue)),
                    ("frameworks", .integer(report.overall.frameworks)),
                    ("scored_frameworks", .integer(report.overall.scoredFrameworks)),
                    ("status_counts", .counts(EntryStatus.allCases.map { ($0.rawValue, report.overall.count($0)) })),
                    ("coverage", fraction(report.overall.coverage)),
                ])
            ),
            ("frameworks", .array(report.frameworks.map(framework))),
            ("controls", .array(report.evaluation.outcomes.map { control($0, library: report.library) })),
            ("top_gaps", .array(report.topGaps.map { gap($0, library: report.library) })),
            ("critical_findings", .array(report.criticalFindings.map(attributedFinding))),
            ("riskiest_identities", .array(report.riskiestIdentities.map(riskyIdentity))),
            ("warnings", .strings(report.warnings.map(\.description))),
        ])
    }

    /// A figure with its explicit numerator and denominator (and percent when defined).
    private func fraction(_ ratio: Ratio) -> JSONValue {
        .object([
            ("numerator", .number(ratio.numerator)),
            ("denominator", .integer(ratio.denominator)),
            ("percent", ratio.denominator == 0 ? nil : .integer(Int((ratio.fraction * 100).rounded()))),
        ])
    }

    private func catalog(_ catalog: Catalog) -> JSONValue {
        .object([
            ("id", .string(catalog.id)),
            ("title", .string(catalog.title)),
            ("short_title", .string(catalog.shortTitle)),
            ("version", .string(catalog.version)),
            ("publisher", .optional(catalog.publisher)),
            ("license", .optional(catalog.license)),
            ("attribution", .optional(catalog.attribution)),
            ("source_urls", .strings(catalog.sourceURLs)),
            ("origin", .string(catalog.origin)),
            ("bundled", .bool(catalog.isBundled)),
            ("entry_counts", .counts(catalog.countsByKind.map { ($0.kind, $0.count) })),
            ("entry_ids", .string(catalog.entryIDs.rawValue)),
        ])
    }

    private func framework(_ assessment: FrameworkAssessment) -> JSONValue {
        let counts: [(String, Int)] = EntryStatus.allCases.map { ($0.rawValue, assessment.count($0)) }
        let entries: [JSONValue] = assessment.entries.map { entry($0, ids: assessment.catalog.entryIDs) }
        return .object([
            ("catalog", .string(assessment.catalog.id)),
            ("scope", .string(assessment.catalog.scope.rawValue)),
            ("score", assessment.score.map(score)),
            ("posture", .optional(assessment.score?.posture.rawValue)),
            ("coverage", fraction(assessment.coverage)),
            ("status_counts", .counts(counts)),
            ("leaf_entries", .integer(assessment.leafEntryCount)),
            ("entries", .array(entries)),
        ])
    }

    /// A weighted score: earned and possible (unrounded), percent and the text reports print.
    private func score(_ score: FrameworkScore) -> JSONValue {
        .object([
            ("earned", .number(score.earned)),
            ("possible", .number(score.possible)),
            ("percent", .integer(Int((score.fraction * 100).rounded()))),
            ("text", .string(score.text)),
            ("critical_gaps", .array(score.criticalGaps.map(JSONValue.string))),
        ])
    }

    private func entry(_ entry: EntryAssessment, ids: EntryIDAuthority) -> JSONValue {
        let links: [JSONValue] = entry.links.map(link)
        let leaf = entry.isLeaf
        return .object([
            ("id", .string(entry.entry.id)),
            ("crosswalk_id", crosswalkID(ids)),
            ("kind", .string(entry.entry.kind)),
            ("parent", .optional(entry.entry.parent)),
            ("leaf", .bool(leaf)),
            ("status", .string(entry.status.rawValue)),
            ("label", .string(entry.status.label)),
            ("pass_share", entry.passShare.map(JSONValue.number)),
            ("affected_identities", leaf ? .integer(entry.affectedIdentityCount) : nil),
            ("coverage", leaf ? nil : fraction(entry.coverage)),
            ("reason", .string(entry.reason)),
            ("links", leaf ? .array(links) : nil),
        ])
    }

    private func link(_ link: LinkAssessment) -> JSONValue {
        .object([
            ("control", .string(link.mapping.controlID)),
            ("relationship", .string(link.mapping.relationship.rawValue)),
            ("strength", .integer(link.mapping.strength)),
            ("scope", .string(link.mapping.scope.rawValue)),
            ("evidence", .string(link.evidenceSource.rawValue)),
            ("severity", .string(link.severity.rawValue)),
            ("control_status", .string(link.controlStatus.rawValue)),
            ("pass", .integer(link.counts.passing)),
            ("fail", .integer(link.counts.failing)),
            ("unknown", .integer(link.counts.unknown)),
            ("live", .bool(link.isLive)),
            ("weight", .number(link.weight)),
            ("rate", link.isLive ? .number(link.rate) : nil),
        ])
    }

    private func control(_ outcome: ControlOutcome, library: FrameworkLibrary) -> JSONValue {
        let definition = outcome.definition
        let findings = (try? outcome.allFindingsSorted()) ?? outcome.findings
        let passing = (try? outcome.allPassingSubjectsSorted()) ?? outcome.passingSubjects
        return .object([
            ("id", .string(definition.id)),
            ("title", .string(definition.title)),
            ("description", .string(definition.description)),
            ("rationale", .string(definition.rationale)),
            ("severity", .string(definition.severity.rawValue)),
            ("exposure_class", .string(definition.exposureClass.rawValue)),
            ("subject_kind", .string(definition.subjectKind.rawValue)),
            ("applies_to", .string(definition.appliesTo)),
            ("evidence_fields", .strings(definition.evidenceFields)),
            ("policy_parameters", .strings(definition.policyParameters)),
            ("remediation", .string(definition.remediation)),
            ("evidence", .string(definition.evidenceSource.rawValue)),
            ("status", .string(outcome.status.rawValue)),
            ("counts", .counts(ResultStatus.allCases.map { ($0.rawValue, outcome.count($0)) })),
            ("scoped_counts", scopedCounts(outcome)),
            ("pass_rate", outcome.passRate.map(fraction)),
            ("affected_identities", .integer(outcome.affectedIdentityCount)),
            (
                "mappings",
                .array(
                    library.mappings(forControl: definition.id).map {
                        .object([
                            ("catalog", .string($0.catalogID)),
                            ("entry", .string($0.entryID)),
                            ("crosswalk_id", crosswalkID($0.catalogID, library)),
                            ("relationship", .string($0.relationship.rawValue)),
                            ("strength", .integer($0.strength)),
                            ("scope", .string($0.scope.rawValue)),
                            ("rationale", .string($0.rationale)),
                        ])
                    }
                )
            ),
            (
                "results",
                .lazyArray(count: findings.count) { index in
                    let finding = findings[index]
                    return .object([
                        ("subject", subject(finding.subject)),
                        ("status", .string(finding.status.rawValue)),
                        ("message", .string(finding.message)),
                        (
                            "evidence",
                            .array(
                                finding.evidence.map {
                                    .object([
                                        ("field", .string($0.field)),
                                        ("observed", .string($0.observed)),
                                        ("expected", .string($0.expected)),
                                    ])
                                }
                            )
                        ),
                    ])
                }
            ),
            ("passing_subjects", passing.isEmpty ? nil : .lazyArray(count: passing.count) { subject(passing[$0]) }),
        ])
    }

    /// Result counts by status within each mapping scope (`all`, `ai-agents`).
    private func scopedCounts(_ outcome: ControlOutcome) -> JSONValue {
        .object(
            MappingScope.allCases.map { scope in
                let counts = outcome.counts(in: scope)
                return (scope.rawValue, .counts(ResultStatus.allCases.map { ($0.rawValue, counts[$0] ?? 0) }))
            }
        )
    }

    private func subject(_ subject: SubjectReference) -> JSONValue {
        .object([
            ("kind", .string(subject.kind.rawValue)),
            ("id", .string(subject.id)),
            ("name", .string(subject.name)),
            ("identity", .optional(subject.identityID)),
        ])
    }

    // MARK: - Priorities (docs/assessment.md, section 7)

    /// A top gap: `rank` is its position (1 first); `entries` the mapped entries and
    /// `entries_with_gaps` those the control's failures leave with gaps.
    private func gap(_ gap: Gap, library: FrameworkLibrary) -> JSONValue {
        func entries(_ list: [(catalogID: String, entryID: String)]) -> JSONValue {
            .array(
                list.map {
                    .object([
                        ("catalog", .string($0.catalogID)), ("entry", .string($0.entryID)),
                        ("crosswalk_id", crosswalkID($0.catalogID, library)),
                    ])
                }
            )
        }
        return .object([
            ("control", .string(gap.control.id)),
            ("severity", .string(gap.control.severity.rawValue)),
            ("exposure_class", .string(gap.control.exposureClass.rawValue)),
            ("failing_subjects", .integer(gap.failingSubjects)),
            ("affected_identities", .integer(gap.affectedIdentities)),
            ("rank", .integer(gap.rank)),
            ("entries", entries(gap.entries)),
            ("entries_with_gaps", entries(gap.entriesWithGaps)),
        ])
    }

    /// A failing result with its control and owner (critical findings, exposed credentials).
    private func attributedFinding(_ finding: AttributedFinding) -> JSONValue {
        .object([
            ("control", .string(finding.control.id)),
            ("severity", .string(finding.control.severity.rawValue)),
            ("exposure_class", .string(finding.control.exposureClass.rawValue)),
            ("subject", subject(finding.subject)),
            ("owner", .optional(finding.owner)),
            ("message", .string(finding.message)),
        ])
    }

    /// `true` when Crosswalk assigned the catalog's entry ids; left out otherwise.
    private func crosswalkID(_ authority: EntryIDAuthority) -> JSONValue? {
        authority == .crosswalk ? .bool(true) : nil
    }

    private func crosswalkID(_ catalogID: String, _ library: FrameworkLibrary) -> JSONValue? {
        library.catalog(withID: catalogID).flatMap { crosswalkID($0.entryIDs) }
    }

    private func riskyIdentity(_ identity: RiskyIdentity) -> JSONValue {
        .object([
            ("id", .string(identity.id)),
            ("name", .string(identity.name)),
            ("kind", .string(identity.kind)),
            ("platform", .optional(identity.platform)),
            ("owner", .optional(identity.owner)),
            ("risk_score", .integer(identity.riskScore)),
            ("failing_controls", .strings(identity.failingControls)),
        ])
    }
}
