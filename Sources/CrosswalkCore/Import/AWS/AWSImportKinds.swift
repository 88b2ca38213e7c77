/// The AWS export kinds and how `--import auto=PATH` recognises each.
extension ImportKind {
    /// The IAM credential report: the CSV, or the `get-credential-report` JSON envelope around it.
    static let awsCredentialReport = ImportKind(
        name: "aws-credential-report",
        platform: .aws,
        summary:
            "IAM credential report: IAM users and the root user with their passwords, access keys and signing certificates",
        producedBy:
            "aws iam generate-credential-report && aws iam get-credential-report (JSON, or the CSV from --query Content --output text | base64 -d)",
        matches: { CredentialReportReader.looksLikeCredentialReport($0) }
    )

    /// The account authorization details: users, groups, roles and their policies.
    static let awsAuthorizationDetails = ImportKind(
        name: "aws-authorization-details",
        platform: .aws,
        summary:
            "IAM account authorization details: users, groups, roles, trust policies and managed and inline policies",
        producedBy: "aws iam get-account-authorization-details --output json",
        matches: { AuthorizationDetailsReader.looksLikeAuthorizationDetails($0) }
    )
}
