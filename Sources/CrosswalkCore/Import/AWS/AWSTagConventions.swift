/// How IAM user and role tags name an owner and an environment. Keys compare without regard to
/// case; the first key of each list that a record carries (with a non-blank value) wins.
enum AWSTagConventions {
    /// Tag keys that name the accountable person or team.
    static let ownerKeys = [
        "owner", "owner-email", "owner_email", "ownedby", "owned-by", "owned_by", "team", "contact", "maintainer",
    ]
    /// Tag keys that name the environment.
    static let environmentKeys = ["environment", "env", "stage"]

    /// The value of the first key of `keys` among `tags`.
    static func value(of keys: [String], in tags: [Tag]) -> String? {
        for key in keys {
            if let tag = tags.first(where: { $0.key.lowercased() == key && !$0.value.trimmedOfSpaces.isEmpty }) {
                return tag.value
            }
        }
        return nil
    }
}
