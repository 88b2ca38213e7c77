/// What the exporter needs before it writes any result: each control's message and evidence
/// templates, and the identity table of the identities that results are about (gathered by the
/// evaluate stage as it recorded the results).
struct ExportTables {
    /// The names written once per result or identity row. The export's own, not a global: a
    /// global is checked for initialisation at every use, and the JSON and XML exporters, which
    /// run side by side, would retain one shared object from both cores.
    let names = ExportNames()
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

    /// The position among the run's identities of the identity `result`'s subject belongs to: its
    /// ordinal (checked against the id), else found by id.
    private func ordinal(of result: EncodedResult) -> Int? {
        guard let identityID = result.identityID else { return nil }
        let ordinal = Int(result.ordinal)
        if ordinal >= 0, ordinal < inventory.count, Self.equal(identityID, inventory[ordinal].id) { return ordinal }
        return directory.position(of: String(decoding: identityID, as: UTF8.self))
    }

    /// The row in the identity table of the identity `result`'s subject belongs to, reading the
    /// row's identity once (the exporter asks for every result): how the subject's id follows from
    /// the row (it is the row's identity id, or that id, `/` and the credential's own id; nil when
    /// neither), and whether its display name does (an identity's name, or `credential (identity
    /// name)` for a credential).
    func placement(of result: EncodedResult) -> (row: Int, relative: RelativeSubject?, derivedName: Bool)? {
        let given = Int(result.ordinal)
        if result.copiesItsIdentity, given >= 0, given < rowByOrdinal.count, rowByOrdinal[given] >= 0 {
            // Built from the identity at its ordinal: its id and name are the row's, as read.
            return (Int(rowByOrdinal[given]), result.isCredentialOfIdentity ? .credential : .identity, true)
        }
        guard let ordinal = ordinal(of: result), ordinal < rowByOrdinal.count, rowByOrdinal[ordinal] >= 0 else {
            return nil
        }
        let row = Int(rowByOrdinal[ordinal])
        let identity = inventory[ordinal]
        let identityID = result.identityID ?? UnsafeRawBufferPointer(start: nil, count: 0)
        let isIdentity = Self.equal(identityID, identity.id)
        let relative: RelativeSubject?
        if result.isCredentialOfIdentity {
            relative = isIdentity ? .credential : nil
        } else {
            relative = Self.equal(result.storedID, identity.id) ? .identity : nil
        }
        let derivedName: Bool
        switch result.kind {
        case .identity:
            derivedName = result.storedID.elementsEqual(identityID) && Self.equal(result.storedName, identity.name)
        case .credential:
            derivedName = result.isCredentialOfIdentity && Self.equal(result.storedName, identity.name)
        default: derivedName = false
        }
        return (row, relative, derivedName)
    }

    /// Whether UTF-8 `bytes` spell `text`.
    private static func equal(_ bytes: UnsafeRawBufferPointer, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes.elementsEqual($0) }
    }
}
