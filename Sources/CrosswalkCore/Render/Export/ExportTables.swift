/// What the exporter needs before it writes any result: each control's message and evidence
/// templates, and the identity table of the identities that results are about (gathered by the
/// evaluate stage as it recorded the results).
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
        // The evaluate stage gathered each control's templates and the identities its results
        // name, so nothing here reads the results.
        var referenced = IdentitySet()
        for outcome in report.evaluation.outcomes {
            templates.append(outcome.templates)
            referenced.formUnion(outcome.referencedIdentities)
            for id in outcome.unplacedReferencedIDs.sorted() {
                if let position = directory.position(of: id) { referenced.insert(Int32(position)) }
            }
        }
        guard !referenced.isEmpty else { return }
        identities = referenced.ordinals.map(Int.init).filter { $0 < inventory.count }
        rowByOrdinal = Array(repeating: -1, count: inventory.count)
        for (row, ordinal) in identities.enumerated() { rowByOrdinal[ordinal] = Int32(row) }
    }

    /// The position among the run's identities of the identity `subject` belongs to: its ordinal
    /// (checked against the id), else found by id.
    private func ordinal(of subject: SubjectReference) -> Int? {
        guard let identityID = subject.identityID else { return nil }
        let ordinal = Int(subject.ordinal)
        if ordinal >= 0, ordinal < inventory.count, inventory[ordinal].id == identityID { return ordinal }
        return directory.position(of: identityID)
    }

    /// The row of `subject`'s identity in the identity table, if it has one.
    func row(of subject: SubjectReference) -> Int? {
        guard let ordinal = ordinal(of: subject), ordinal < rowByOrdinal.count else { return nil }
        let row = rowByOrdinal[ordinal]
        return row >= 0 ? Int(row) : nil
    }

    /// `subject`'s row in the identity table, reading the row's identity once (the exporter asks
    /// for every result): how the subject's id follows from the row (it is the row's identity id,
    /// or that id, `/` and the credential's own id; nil when neither), and whether its display
    /// name does (an identity's name, or `credential (identity name)` for a credential).
    func placement(of subject: SubjectReference) -> (row: Int, relative: RelativeSubject?, derivedName: Bool)? {
        guard let row = row(of: subject) else { return nil }
        let identity = inventory[identities[row]]
        let relative: RelativeSubject?
        if subject.isCredentialOfIdentity {
            relative = subject.identityID == identity.id ? .credential(subject.storedID) : nil
        } else {
            relative = subject.id == identity.id ? .identity : nil
        }
        let derivedName: Bool
        switch subject.kind {
        case .identity: derivedName = subject.id == subject.identityID && subject.name == identity.name
        case .credential: derivedName = subject.isCredentialOfIdentity && subject.storedName == identity.name
        default: derivedName = false
        }
        return (row, relative, derivedName)
    }
}
