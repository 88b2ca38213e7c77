/// One control's templates, in order of first use by its results. Message templates are kept with
/// this run's policy values (``BoundMessageTemplate``).
public struct ControlTemplates: Sendable {
    public internal(set) var messages = TemplateTable<BoundMessageTemplate>()
    public internal(set) var evidence = TemplateTable<EvidenceTemplate>()

    public init() {}
}

/// The part of a piece of evidence that is usually the same for all results of a control: the
/// field read and the expected value.
public struct EvidenceTemplate: Equatable, Sendable {
    public var field: String
    public var expected: String
}

/// A short list of distinct templates, indexed in order of first use. Controls have few templates,
/// so lookups scan the list, starting with the one found last.
public struct TemplateTable<Template: Equatable & Sendable>: Sendable {
    public private(set) var all: [Template] = []
    private var last = 0

    /// The index of `template`, added at the end when new.
    public mutating func index(of template: Template) -> Int {
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
