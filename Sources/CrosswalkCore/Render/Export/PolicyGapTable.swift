/// Which values of each of a control's message templates are policy values, which the JSON and
/// XML reports state once in the template's pattern and leave out of every result.
///
/// Built by each exporter for itself, in two flat arrays: reading it per result retains nothing.
/// The JSON and XML exporters run side by side, and retaining the templates' own lists (shared
/// by both) for every result made the two cores take turns at one reference count.
struct PolicyGapTable {
    /// Every template's flags, one after the other.
    private var flags: [Bool] = []
    /// Where each template's flags start in ``flags``, and one more for the end of the last.
    private var starts: [Int] = [0]

    init(_ templates: ControlTemplates) {
        for bound in templates.messages.all {
            // Copied element by element, so that no list of the templates' is shared.
            for flag in bound.template.isPolicyGap { flags.append(flag) }
            starts.append(flags.count)
        }
    }

    /// How many message templates the control has.
    var templateCount: Int { starts.count - 1 }

    /// Whether value `value` of template `template` is a policy value (false past the end).
    func isPolicyValue(_ value: Int, ofTemplate template: Int) -> Bool {
        guard template >= 0, template < templateCount else { return false }
        let start = starts[template]
        return value >= 0 && value < starts[template + 1] - start && flags[start + value]
    }
}
