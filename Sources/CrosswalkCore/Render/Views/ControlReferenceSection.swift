import Mustache

/// One control in the control reference (key `controls` of ``ControlReferenceView``).
struct ControlReferenceSection: TemplateView {
    var id: String
    var title: String
    /// `Critical`, `High`, `Medium` or `Low`.
    var severity: String
    /// `identity`, `credential`, `role` or `platform`.
    var subjectKind: String
    /// `observed` or `attested`.
    var evidenceSource: String
    var appliesTo: String
    var description: String
    var rationale: String
    var remediation: String
    var evidenceFields: String
    var policyParameters: String
    /// How many examples the test suite runs for it.
    var exampleCount: String
    /// Its mappings, catalogs in library order, each entry with its title.
    var mappings: [MappingRow]

    init(_ definition: ControlDefinition, library: FrameworkLibrary) {
        let mappings = library.mappings(forControl: definition.id)
        id = definition.id
        title = definition.title
        severity = StatusPresentation.of(definition.severity).label
        subjectKind = definition.subjectKind.rawValue
        evidenceSource = definition.evidenceSource.rawValue
        appliesTo = definition.appliesTo
        description = definition.description
        rationale = definition.rationale
        remediation = definition.remediation
        evidenceFields = ControlSection.evidenceFields(definition)
        policyParameters = ControlSection.policyParameters(definition)
        exampleCount = String(definition.examples.count)
        self.mappings = library.catalogs.flatMap { catalog in
            mappings.filter { $0.catalogID == catalog.id }.map { MappingRow($0, catalog: catalog, withTitle: true) }
        }
    }
}

extension ControlReferenceSection: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "title": title
        case "severity": severity
        case "subjectKind": subjectKind
        case "evidenceSource": evidenceSource
        case "appliesTo": appliesTo
        case "description": description
        case "rationale": rationale
        case "remediation": remediation
        case "evidenceFields": evidenceFields
        case "policyParameters": policyParameters
        case "exampleCount": exampleCount
        case "mappings": mappings
        default: nil
        }
    }
}
