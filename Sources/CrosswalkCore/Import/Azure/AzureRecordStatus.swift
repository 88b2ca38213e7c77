/// The life-cycle status Graph records state: `accountEnabled: false` is disabled, a
/// `deletedDateTime` deleted, and `disabledByMicrosoftStatus` other than `NotDisabled` disabled.
enum AzureRecordStatus {
    static func status(of node: SourceNode) -> LifecycleStatus {
        if let deleted = node["deletedDateTime"], ExportTime(deleted).timestamp != nil { return .deleted }
        if node["accountEnabled"]?.flag == false { return .disabled }
        if let byMicrosoft = node["disabledByMicrosoftStatus"]?.nonBlankText, byMicrosoft != "NotDisabled" {
            return .disabled
        }
        return .active
    }
}
