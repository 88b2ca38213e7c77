/// The waivers in force at the evaluation time, indexed for the evaluate stage: exact subject ids
/// by control, and per control the globs and tag selectors, so a failing result is compared with
/// only its own control's waivers and exact ids cost one lookup. Tag selectors are resolved once
/// per identity as it arrives (``taggedWaivers(of:)``), since results do not carry tags.
///
/// When several waivers select a result, the first in file order accepts it.
public struct WaiverBook: Sendable {
    /// The waivers file as loaded, every waiver (in force or not) at its file position.
    public let file: WaiverFile
    private let byControl: [String: ControlWaivers]
    /// Positions of the tag waivers in force, whatever their control.
    private let tagWaivers: [Int]

    private struct ControlWaivers: Sendable {
        var exact: [String: [Int]] = [:]
        var globs: [Int] = []
        var tags: Set<Int> = []
    }

    public init(_ file: WaiverFile, knownControls: Set<String>, now: Timestamp) {
        self.file = file
        var byControl: [String: ControlWaivers] = [:]
        var tagWaivers: [Int] = []
        for (index, waiver) in file.waivers.enumerated()
        where WaiverAudit.standing(of: waiver, knownControls: knownControls, now: now) == nil {
            switch waiver.subject {
            case .id(let id): byControl[waiver.control, default: ControlWaivers()].exact[id, default: []].append(index)
            case .match: byControl[waiver.control, default: ControlWaivers()].globs.append(index)
            case .tags:
                byControl[waiver.control, default: ControlWaivers()].tags.insert(index)
                tagWaivers.append(index)
            }
        }
        self.byControl = byControl
        self.tagWaivers = tagWaivers
    }

    /// Whether any waiver in force is about `control`.
    public func covers(_ control: String) -> Bool { byControl[control] != nil }

    /// Whether any tag waiver is in force (otherwise identities need not be looked at).
    var hasTagWaivers: Bool { !tagWaivers.isEmpty }

    /// Positions of the tag waivers in force that select `identity` by its tags.
    func taggedWaivers(of identity: Identity) -> [Int] {
        tagWaivers.filter { index in
            guard case .tags(let wanted) = file.waivers[index].subject else { return false }
            return WaiverSubject.carries(identity.tags, wanted)
        }
    }

    /// The position of the first waiver in force accepting `finding` of `control`, or nil.
    /// `tagged` lists the tag waivers selecting the finding's identity.
    func waiver(for finding: Finding, control: String, tagged: [Int]) -> Int? {
        guard finding.status == .fail, let waivers = byControl[control] else { return nil }
        let subject = finding.subject
        var best = waivers.exact[subject.id]?.first
        if subject.kind == .credential, let identityID = subject.identityID,
            let first = waivers.exact[identityID]?.first
        {
            best = min(best ?? first, first)
        }
        for index in waivers.globs where best.map({ index < $0 }) ?? true {
            if file.waivers[index].subject.selects(subject, tags: []) {
                best = index
                break
            }
        }
        for index in tagged where waivers.tags.contains(index) && (best.map { index < $0 } ?? true) {
            best = index
        }
        return best
    }

    /// Characters of a justification kept in a result's evidence.
    static let justificationLimit = 200

    /// The evidence line an accepted result carries: who approved the waiver, until when, why.
    func evidence(_ index: Int) -> Evidence {
        let waiver = file.waivers[index]
        let owner = waiver.owner.map { " (\($0))" } ?? ""
        let until = waiver.expires.map { " until \($0.text)" } ?? ""
        var justification = waiver.justification
        if justification.count > Self.justificationLimit {
            justification = String(justification.prefix(Self.justificationLimit - 1)) + "…"
        }
        return Evidence(
            field: "waiver",
            observed: "\(waiver.id) approved by \(waiver.approver)\(owner)\(until): \(justification)",
            expected: "a valid waiver accepts the failure"
        )
    }
}

extension ResultRecorder {
    /// Turns this recorder's failures of `control` that a waiver in `book` selects into accepted
    /// results with the waiver's evidence, adding to `matches` per waiver position. `tagged`
    /// gives the tag waivers selecting an identity, by ordinal.
    mutating func applyWaivers(
        _ book: WaiverBook,
        control: String,
        tagged: (Int32) -> [Int],
        matches: inout [Int: Int]
    ) {
        guard book.covers(control) else { return }
        var counted: [Int: Int] = [:]
        accept(adding: { finding in
            let tags = book.hasTagWaivers && finding.subject.identityID != nil ? tagged(finding.subject.ordinal) : []
            guard let index = book.waiver(for: finding, control: control, tagged: tags) else { return nil }
            counted[index, default: 0] += 1
            return book.evidence(index)
        })
        for (index, count) in counted { matches[index, default: 0] += count }
    }
}
