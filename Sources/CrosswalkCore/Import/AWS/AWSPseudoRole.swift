/// Roles Crosswalk creates for AWS grants that no policy document spells out, so that the
/// privilege controls see them.
enum AWSPseudoRole {
    /// The root user: every action on every resource of its account, beyond any policy.
    static let root = Role(
        id: "aws:root",
        name: "AWS account root user",
        platform: ImportPlatform.aws.platformName,
        permissions: ["*"],
        administrative: true
    )

    /// A trust policy that lets any AWS principal, in any account, assume the role (`Principal:
    /// "*"` or `{"AWS": "*"}` with no condition): whoever asks becomes the role, so the trust
    /// policy itself is an administrative grant of the role to the world.
    static let anyPrincipal = Role(
        id: "aws:trust/any-principal",
        name: "Trust policy lets any AWS principal assume the role",
        platform: ImportPlatform.aws.platformName,
        permissions: ["sts:AssumeRole"],
        administrative: true
    )

    static let all = [root, anyPrincipal]
}
