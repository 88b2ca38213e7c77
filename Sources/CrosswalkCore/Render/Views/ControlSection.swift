import Mustache

/// One control's section: its definition, results, mappings and the first results that are not
/// passes (key `controls`).
struct ControlSection: TemplateView {
    /// Results that are not passes listed per control before the list is cut to a count.
    static let findingLimit = 50

    var id: String
    var title: String
    /// The section's anchor in the HTML page.
    var anchor: String
    /// `Critical`, `High`, `Medium` or `Low`.
    var severity: String
    var severityClass: String
    /// `✗ Fail`, …
    var status: String
    var statusClass: String
    /// `observed` or `attested`.
    var evidenceSource: String
    var isAttested: Bool
    var appliesTo: String
    var description: String
    var rationale: String
    var remediation: String
    /// The evidence fields read, comma-separated.
    var evidenceFields: String
    /// The policy parameters compared with, comma-separated, or `none`.
    var policyParameters: String
    /// `80% (8 of 10 applicable subjects pass)`, or `no applicable subjects`.
    var passRate: String
    var counts: [ResultCountRow]
    var hasMappings: Bool
    var mappings: [MappingRow]
    var hasFindings: Bool
    /// The first ``findingLimit`` results that are not passes.
    var findings: [FindingRow]
    /// Whether the list was cut, and how many results it leaves out (empty when none).
    var hasMoreFindings: Bool
    var moreFindings: String
    /// What the HTML page's filter reads: the status and severity (`fail`, `critical`) and the ids
    /// of the catalogs the control maps to, space-separated.
    var statusKey: String
    var severityKey: String
    var frameworkKeys: String
    /// Whether the control fails: the HTML page shows a failing control's card open.
    var isFailing: Bool

    /// The section of `outcome`; `owners` names the owner of a finding's subject.
    init(
        _ outcome: ControlOutcome,
        library: FrameworkLibrary,
        owners: (SubjectReference) -> String? = { _ in nil }
    ) {
        let definition = outcome.definition
        let severity = StatusPresentation.of(definition.severity)
        let status = StatusPresentation.of(outcome.status)
        let mappings = library.mappings(forControl: definition.id)
        let (listed, total) = Self.listedFindings(outcome, owners: owners)
        id = definition.id
        title = definition.title
        anchor = HTMLEscaping.anchor("control", definition.id)
        self.severity = severity.label
        severityClass = severity.cssClass
        self.status = status.label
        statusClass = status.cssClass
        evidenceSource = definition.evidenceSource.rawValue
        isAttested = definition.evidenceSource == .attested
        appliesTo = definition.appliesTo
        description = definition.description
        rationale = definition.rationale
        remediation = definition.remediation
        evidenceFields = Self.evidenceFields(definition)
        policyParameters = Self.policyParameters(definition)
        passRate =
            outcome.passRate.map { "\($0.percentText) (\(ReportText.fraction($0)) applicable subjects pass)" }
            ?? "no applicable subjects"
        counts = ResultCountRow.rows(outcome)
        hasMappings = !mappings.isEmpty
        self.mappings = mappings.map { MappingRow($0, catalog: library.catalog(withID: $0.catalogID)) }
        hasFindings = total > 0
        findings = listed
        hasMoreFindings = total > listed.count
        moreFindings = total > listed.count ? String(total - listed.count) : ""
        statusKey = status.filterKey
        severityKey = severity.filterKey
        var catalogIDs: [String] = []
        for mapping in mappings where !catalogIDs.contains(mapping.catalogID) { catalogIDs.append(mapping.catalogID) }
        frameworkKeys = catalogIDs.joined(separator: " ")
        isFailing = outcome.status == .fail
    }

    /// The rows of the first ``findingLimit`` results that are not passes, and how many there are
    /// in all (the one place views read `ControlOutcome.findings`).
    static func listedFindings(
        _ outcome: ControlOutcome,
        owners: (SubjectReference) -> String? = { _ in nil }
    ) -> (rows: [FindingRow], total: Int) {
        (
            outcome.findings.prefix(findingLimit).map { FindingRow($0, owner: owners($0.subject)) },
            outcome.findingCount
        )
    }

    /// The evidence fields a control reads, comma-separated.
    static func evidenceFields(_ definition: ControlDefinition) -> String {
        definition.evidenceFields.joined(separator: ", ")
    }

    /// The policy parameters a control compares with, comma-separated, or `none`.
    static func policyParameters(_ definition: ControlDefinition) -> String {
        definition.policyParameters.isEmpty ? "none" : definition.policyParameters.joined(separator: ", ")
    }
}

extension ControlSection: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "title": title
        case "anchor": anchor
        case "severity": severity
        case "severityClass": severityClass
        case "status": status
        case "statusClass": statusClass
        case "evidenceSource": evidenceSource
        case "isAttested": isAttested
        case "appliesTo": appliesTo
        case "description": description
        case "rationale": rationale
        case "remediation": remediation
        case "evidenceFields": evidenceFields
        case "policyParameters": policyParameters
        case "passRate": passRate
        case "counts": counts
        case "hasMappings": hasMappings
        case "mappings": mappings
        case "hasFindings": hasFindings
        case "findings": findings
        case "hasMoreFindings": hasMoreFindings
        case "moreFindings": moreFindings
        case "statusKey": statusKey
        case "severityKey": severityKey
        case "frameworkKeys": frameworkKeys
        case "isFailing": isFailing
        default: nil
        }
    }
}
