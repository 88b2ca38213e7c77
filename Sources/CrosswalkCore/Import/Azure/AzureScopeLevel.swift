/// How far an Azure RBAC scope reaches: the tenant root, a management group, a subscription, a
/// resource group or one resource. Role assignments at the first three are *broad*.
enum AzureScopeLevel: Equatable {
    case root
    case managementGroup
    case subscription
    case resourceGroup
    case resource
    /// A path of no shape Crosswalk knows; judged as broad, so nothing is under-reported.
    case unrecognized

    /// Classifies a scope path such as `/subscriptions/<id>/resourceGroups/<name>`. Segment
    /// names are compared without regard to case, as ARM does.
    init(scope: String) {
        let segments = scope.split(separator: "/").map { $0.lowercased() }
        switch segments.count {
        case 0:
            self = .root
        case 2 where segments[0] == "subscriptions":
            self = .subscription
        case 4 where segments[0] == "subscriptions" && segments[2] == "resourcegroups":
            self = .resourceGroup
        case 4
        where segments[0] == "providers" && segments[1] == "microsoft.management"
            && segments[2] == "managementgroups":
            self = .managementGroup
        case 5... where segments[0] == "subscriptions":
            self = .resource
        default:
            self = .unrecognized
        }
    }

    /// Root, management group and subscription scopes (and unrecognized ones).
    var isBroad: Bool {
        switch self {
        case .root, .managementGroup, .subscription, .unrecognized: return true
        case .resourceGroup, .resource: return false
        }
    }
}
