/// A label selector of an aggregated ClusterRole (`aggregationRule.clusterRoleSelectors[]`):
/// `matchLabels` and `matchExpressions`, all of which must hold.
struct KubernetesLabelSelector {
    /// One `matchExpressions` entry.
    struct Requirement {
        var key: String
        /// `In`, `NotIn`, `Exists` or `DoesNotExist`; any other operator matches nothing.
        var operation: String
        var values: [String]
    }

    var matchLabels: [String: String] = [:]
    var requirements: [Requirement] = []

    /// Reads a selector; nil when the node is not a mapping.
    init?(_ node: SourceNode) {
        guard node.isObject else { return nil }
        for member in node["matchLabels"]?.members ?? [] {
            if let value = member.value.text { matchLabels[member.key] = value }
        }
        for expression in node["matchExpressions"]?.elements ?? [] {
            guard let key = expression["key"]?.text, let operation = expression["operator"]?.text else { continue }
            requirements.append(
                Requirement(key: key, operation: operation, values: expression["values"]?.texts ?? [])
            )
        }
    }

    /// Whether a role with these labels is selected. An empty selector selects nothing, as the
    /// aggregation controller treats it.
    func matches(_ labels: [String: String]) -> Bool {
        guard !matchLabels.isEmpty || !requirements.isEmpty else { return false }
        for (key, value) in matchLabels where labels[key] != value { return false }
        for requirement in requirements {
            let value = labels[requirement.key]
            switch requirement.operation {
            case "In": if !(value.map(requirement.values.contains) ?? false) { return false }
            case "NotIn": if let value, requirement.values.contains(value) { return false }
            case "Exists": if value == nil { return false }
            case "DoesNotExist": if value != nil { return false }
            default: return false
            }
        }
        return true
    }
}
