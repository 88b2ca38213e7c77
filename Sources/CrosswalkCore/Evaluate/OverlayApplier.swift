/// Applies an ``Overlay`` to identities as the evaluate stage receives them, and counts what each
/// entry selected, so entries that select nothing can be reported.
struct OverlayApplier {
    let overlay: Overlay
    let file: String
    private let order: [Int]
    private var exact: [String: [Int]] = [:]
    private var globs: [Int] = []
    private(set) var selections: [Int]

    init(_ overlay: Overlay, file: String) {
        self.overlay = overlay
        self.file = file
        self.order = overlay.applicationOrder
        self.selections = Array(repeating: 0, count: overlay.entries.count)
        for index in order {
            switch overlay.entries[index].selector {
            case .id(let id): exact[id, default: []].append(index)
            case .match: globs.append(index)
            }
        }
    }

    mutating func apply(to identities: inout [Identity]) {
        for position in identities.indices {
            let id = identities[position].id
            for index in exact[id] ?? [] {
                overlay.entries[index].apply(to: &identities[position])
                selections[index] += 1
            }
            for index in globs where overlay.entries[index].selector.selects(id) {
                overlay.entries[index].apply(to: &identities[position])
                selections[index] += 1
            }
        }
    }

    /// One warning per entry that selected no identity.
    var warnings: [Diagnostic] {
        overlay.entries.indices.filter { selections[$0] == 0 }.map { index in
            Diagnostic(
                .warning,
                file: file,
                location: overlay.entries[index].location,
                keyPath: "identities[\(index)]",
                message: "overlay entry (\(overlay.entries[index].selector.description)) selects no identity"
            )
        }
    }
}
