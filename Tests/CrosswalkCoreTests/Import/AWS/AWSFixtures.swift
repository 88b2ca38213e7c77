import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// The AWS export fixtures: real samples (see Tests/Fixtures/real-inputs/NOTICE.md) and generated
/// files for what the samples lack.
enum AWSFixture {
    static let credentialReportKind = "aws-credential-report"
    static let authorizationDetailsKind = "aws-authorization-details"

    static let cloudMapperReport = "Tests/Fixtures/real-inputs/aws/cloudmapper_iam-get-credential-report.json"
    static let cloudMapperDetails =
        "Tests/Fixtures/real-inputs/aws/cloudmapper_iam-get-account-authorization-details.json"
    static let cloudsplainingDetails = "Tests/Fixtures/real-inputs/aws/cloudsplaining_example-authz-details.json"
    static let cloudsplainingDetailsV2 = "Tests/Fixtures/real-inputs/aws/cloudsplaining_example_authz_v2.json"

    static let variantsReport = "Tests/Fixtures/imports/aws/credential-report-variants.csv"
    static let reorderedReport = "Tests/Fixtures/imports/aws/credential-report-reordered.csv"
    static let missingColumnsReport = "Tests/Fixtures/imports/aws/credential-report-missing-columns.csv"
    static let cliReport = "Tests/Fixtures/imports/aws/credential-report-cli.json"
    static let cliReportYAML = "Tests/Fixtures/imports/aws/credential-report-cli.yaml"
    static let variantsDetails = "Tests/Fixtures/imports/aws/authorization-details-variants.json"
    static let smallDetailsYAML = "Tests/Fixtures/imports/aws/authorization-details-small.yaml"
    static let emptyDetails = "Tests/Fixtures/imports/aws/authorization-details-empty.json"

    /// The credential report's 22 columns, in AWS's order.
    static let reportHeader =
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
        + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
        + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
        + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
        + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
        + "cert_2_active,cert_2_last_rotated"

    static func report(_ path: String) throws -> ImportedInventory {
        try ImportFixtures.run([(credentialReportKind, path)])
    }

    static func details(_ path: String) throws -> ImportedInventory {
        try ImportFixtures.run([(authorizationDetailsKind, path)])
    }
}

/// A time stamp from ISO 8601 text, for expected values.
func time(_ text: String) -> Timestamp? {
    Timestamp(iso8601: text)
}

extension ImportedInventory {
    /// The warning and error lines, as a user reads them.
    var messages: [String] { (warnings + errors).map(\.description) }
}

extension Identity {
    func credential(_ id: String) throws -> Credential {
        try #require(credentials.first { $0.id == id }, "no credential \(id) on \(self.id)")
    }

    func tag(_ key: String) -> String? { tags.first { $0.key == key }?.value }
}
