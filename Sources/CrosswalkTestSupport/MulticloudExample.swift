import CrosswalkCore

/// The bundled multicloud example (examples/multicloud/): exports from all four platforms, an
/// overlay and a policy, imported as the README's command does.
public enum MulticloudExample {
    /// `--import KIND=PATH` of the README's command, in order.
    public static let imports: [(kind: String, path: String)] = [
        ("aws-credential-report", "examples/multicloud/aws/credential-report.csv"),
        ("aws-authorization-details", "examples/multicloud/aws/authorization-details.json"),
        ("kubernetes", "examples/multicloud/kubernetes/cluster.json"),
        ("azure-service-principals", "examples/multicloud/azure/service-principals.json"),
        ("azure-role-assignments", "examples/multicloud/azure/role-assignments.json"),
        ("gcp-service-accounts", "examples/multicloud/gcp/service-accounts.json"),
        ("gcp-service-account-keys", "examples/multicloud/gcp/service-account-keys.json"),
        ("gcp-iam-policy", "examples/multicloud/gcp/iam-policy.json"),
    ]
    public static let overlay = "examples/multicloud/overlay.yaml"
    public static let policy = "examples/multicloud/policy.yaml"

    /// The command line of the README, after `crosswalk`.
    public static func arguments(output: String) -> [String] {
        ["report"] + imports.flatMap { ["--import", "\($0.kind)=\($0.path)"] } + [
            "--overlay", overlay, "--policy", policy, "--output", output, "--now", Fixtures.exampleNow,
        ]
    }

    public static func request() throws -> CrosswalkPipeline.Request {
        CrosswalkPipeline.Request(
            inventoryFiles: [],
            imports: try imports.map { ImportSession.Input(kind: $0.kind, file: try Fixtures.file($0.path)) },
            overlayFile: try Fixtures.file(overlay),
            policyFile: try Fixtures.file(policy),
            now: Timestamp(iso8601: Fixtures.exampleNow) ?? Timestamp(secondsSinceEpoch: 0)
        )
    }
}
