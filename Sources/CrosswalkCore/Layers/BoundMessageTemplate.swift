/// A control's message template as the JSON and XML reports state it: the ``MessageTemplate``
/// with its policy gaps (`{=name}`) filled in with this run's policy values, and only its other
/// gaps left for each result's values.
///
/// Built from a result's message without copying anything, so that the exporter can look up each
/// result's template with no allocation. Two are equal when their templates are and their policy
/// gaps hold the same values: a result whose policy value differs (no control records one today;
/// `PolicyGapTests` proves it) gets a template of its own instead of a wrong sentence.
public struct BoundMessageTemplate: Equatable, Sendable {
    /// The message the policy values are read from (the first result's with this template).
    private let message: ResultMessage

    public init(_ message: ResultMessage) { self.message = message }

    public var template: MessageTemplate { message.template }

    /// The pattern with each policy gap replaced by its value and every other gap kept as `{name}`.
    public var pattern: String {
        let template = message.template
        var pattern = template.literals[0]
        for index in template.slots.indices {
            if template.isPolicyGap[index] {
                pattern += index < message.values.count ? message.values[index] : ""
            } else {
                pattern += "{\(template.slots[index])}"
            }
            pattern += template.literals[index + 1]
        }
        return pattern
    }

    /// The names of the gaps each result fills, in order (the policy gaps left out).
    public var slots: [String] {
        let template = message.template
        return template.slots.indices.filter { !template.isPolicyGap[$0] }.map { template.slots[$0] }
    }

    /// The values policy gaps hold, in order.
    public var policyValues: [String] {
        let template = message.template
        return message.values.indices.filter { template.isPolicyGap[$0] }.map { message.values[$0] }
    }

    public static func == (lhs: BoundMessageTemplate, rhs: BoundMessageTemplate) -> Bool {
        guard lhs.message.template == rhs.message.template, lhs.message.values.count == rhs.message.values.count
        else { return false }
        let gaps = lhs.message.template.isPolicyGap
        for index in gaps.indices where gaps[index] {
            if lhs.message.values[index] != rhs.message.values[index] { return false }
        }
        return true
    }
}
