/// What the exporter learns in its first pass over the results, before it writes anything: each
/// control's message and evidence templates, and the identities that results are about.
struct ExportTables {
    /// One entry per control, in the order of the report's outcomes.
    var templates: [ControlTemplates] = []
    /// The inventory's identities (shared, not copied).
    let inventory: [Identity]
    /// The identity table: positions in ``inventory`` of the identities some result (or listed
    /// passing subject) is about, in inventory order.
    var identities: [Int] = []
    /// Row in ``identities`` of each referenced identity, by id (-1 for an id not in the
    /// inventory); read it through ``row(of:)``.
    private var identityRows: [String: Int] = [:]

    init(_ report: GapReport) {
        inventory = report.identities.identities
        // First pass: templates, and every referenced identity id (row unknown yet: -1).
        var rows: [String: Int] = [:]
        for outcome in report.evaluation.outcomes {
            var control = ControlTemplates()
            ReportExporter.forEachFinding(in: outcome) { finding in
                _ = control.messages.index(of: finding.message.template)
                for evidence in finding.evidence {
                    _ = control.evidence.index(of: EvidenceTemplate(field: evidence.field, expected: evidence.expected))
                }
                if let identityID = finding.subject.identityID { rows[identityID] = -1 }
            }
            if report.includesPassing {
                for subject in outcome.passingSubjects {
                    if let identityID = subject.identityID { rows[identityID] = -1 }
                }
            }
            templates.append(control)
        }
        guard !rows.isEmpty else { return }
        // Rows in inventory order; an id that is not in the inventory gets no row.
        for index in inventory.indices {
            guard let row = rows[inventory[index].id], row < 0 else { continue }
            rows[inventory[index].id] = identities.count
            identities.append(index)
        }
        identityRows = rows
    }

    /// The row of identity `id` in the identity table, if it has one.
    func row(of id: String) -> Int? {
        guard let row = identityRows[id], row >= 0 else { return nil }
        return row
    }

    /// Whether `subject`'s display name follows from its row in the identity table: an identity's
    /// name, or `credential (identity name)` for a credential `identity/credential`.
    func isDerivedName(_ subject: SubjectReference) -> Bool {
        guard let identityID = subject.identityID, let row = row(of: identityID) else { return false }
        let name = inventory[identities[row]].name
        switch subject.kind {
        case .identity:
            return subject.id == identityID && subject.name == name
        case .credential:
            // subject.id == identityID + "/" + credential and subject.name == credential + " (" + name + ")",
            // compared on the UTF-8 bytes without building either string.
            let id = subject.id.utf8
            let display = subject.name.utf8
            let owner = identityID.utf8
            guard id.count > owner.count, id.starts(with: owner) else { return false }
            let slash = id.index(id.startIndex, offsetBy: owner.count)
            guard id[slash] == UInt8(ascii: "/") else { return false }
            let credential = id[id.index(after: slash)...]
            guard display.count == credential.count + 2 + name.utf8.count + 1, display.starts(with: credential) else {
                return false
            }
            let tail = display[display.index(display.startIndex, offsetBy: credential.count)...]
            return tail.starts(with: " (".utf8) && tail.dropFirst(2).dropLast().elementsEqual(name.utf8)
                && tail.last == UInt8(ascii: ")")
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
