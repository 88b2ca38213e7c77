/// The permissions a policy grants and whether they amount to administration.
struct PolicyGrant {
    /// Actions as written (`s3:GetObject`, `ec2:*`, `*`), each once, in document order.
    var permissions: [String] = []
    /// An `Allow` of `*`, `*:*`, `iam:*` (or, through `NotAction`, nearly everything) on every
    /// resource: whoever holds it can do anything, or grant itself anything.
    var administrative = false

    static func isAdministrativeAction(_ action: String) -> Bool {
        action == "*" || action == "*:*" || action.lowercased() == "iam:*"
    }
}
