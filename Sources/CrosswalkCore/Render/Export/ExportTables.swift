/// What the exporter learns in its first pass over the results, before it writes anything: each
/// control's message and evidence templates, and the identities that results are about.
struct ExportTables {
    /// One entry per control, in the order of the report's outcomes.
    var templates: [ControlTemplates] = []
    /// The run's identities, by ordinal (peer records, shared, not copied).
    let inventory: [Identity]
    /// The identity table: ordinals of the identities some result (or listed passing subject) is
    /// about, in inventory order.
    var identities: [Int] = []
    /// Row in ``identities`` of each identity, by ordinal (-1: no row).
    private var rowByOrdinal: [Int32] = []
    private let directory: IdentityDirectory

    init(_ report: GapReport) throws {
        directory = report.identities
        inventory = report.identities.identities
        // First pass: templates, and every referenced identity.
        var referenced = IdentitySet()
        let directory = directory
        func mark(_ subject: SubjectReference) {
            if let ordinal = Self.ordinal(of: subject, in: directory) { referenced.insert(ordinal) }
        }
        for outcome in report.evaluation.outcomes {
            var control = ControlTemplates()
            try ReportExporter.forEachFinding(in: outcome) { finding in
                _ = control.messages.index(of: finding.message.template)
                for evidence in finding.evidence {
                    _ = control.evidence.index(of: EvidenceTemplate(field: evidence.field, expected: evidence.expected))
                }
                mark(finding.subject)
            }
            if report.includesPassing { try outcome.forEachPassingSubject(mark) }
            templates.append(control)
        }
        guard !referenced.isEmpty else { return }
        identities = referenced.ordinals.map(Int.init)
        rowByOrdinal = Array(repeating: -1, count: inventory.count)
        for (row, ordinal) in identities.enumerated() { rowByOrdinal[ordinal] = Int32(row) }
    }

    /// The position among the run's identities of the identity `subject` belongs to.
    private static func ordinal(of subject: SubjectReference, in directory: IdentityDirectory) -> Int32? {
        guard let identityID = subject.identityID else { return nil }
        let identities = directory.identities
        if subject.ordinal >= 0, Int(subject.ordinal) < identities.count,
            identities[Int(subject.ordinal)].id == identityID
        {
            return subject.ordinal
        }
        return directory.position(of: identityID).map(Int32.init)
    }

    /// The row of `subject`'s identity in the identity table, if it has one.
    func row(of subject: SubjectReference) -> Int? {
        guard let ordinal = Self.ordinal(of: subject, in: directory), Int(ordinal) < rowByOrdinal.count else {
            return nil
        }
        let row = rowByOrdinal[Int(ordinal)]
        return row >= 0 ? Int(row) : nil
    }

    /// Whether `subject`'s display name follows from its row in the identity table: an identity's
    /// name, or `credential (identity name)` for a credential `identity/credential`.
    func isDerivedName(_ subject: SubjectReference, row: Int) -> Bool {
        let name = inventory[identities[row]].name
        switch subject.kind {
        case .identity:
            return subject.id == subject.identityID && subject.name == name
        case .credential:
            return subject.isCredentialOfIdentity && subject.storedName == name
        default:
            return false
        }
    }
}

/// One control's templates, in order of first use by its results.
struct ControlTemplates {
    var messages = TemplateTable<MessageTemplate>()
    var evidence = TemplateTable<EvidenceTemplate>()
}

/// The part of a piece of evidence that is usually the same for all results of a control: the
/// field read and the expected value.
struct EvidenceTemplate: Equatable {
    var field: String
    var expected: String
}

/// A short list of distinct templates, indexed in order of first use. Controls have few templates,
/// so lookups scan the list, starting with the one found last.
struct TemplateTable<Template: Equatable> {
    private(set) var all: [Template] = []
    private var last = 0

    /// The index of `template`, added at the end when new.
    mutating func index(of template: Template) -> Int {
        if last < all.count, all[last] == template { return last }
        if let found = all.firstIndex(of: template) {
            last = found
            return found
        }
        all.append(template)
        last = all.count - 1
        return last
    }
}
