import CrosswalkTestSupport
import Foundation
import Testing

@testable import CrosswalkCore

/// The secret screen on generated credentials (every shape, in varied surroundings) and on real
/// identifiers that must pass untouched.
@Suite struct SecretScreenTests {
    // MARK: Generated credentials

    /// One credential shape with a generator for random values of it.
    struct Shape: CustomTestStringConvertible, Sendable {
        let name: String
        let make: @Sendable (inout SeededGenerator) -> String
        var testDescription: String { name }
    }

    static let upperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    static let alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    static let base64 = alphanumerics + "+/"
    static let base64URL = alphanumerics + "-_"
    static let hex = "0123456789abcdef"
    static let digits = "0123456789"

    static let shapes: [Shape] = [
        Shape(name: "AWS access key id") { $0.pick(["AKIA", "ASIA"]) + $0.string(16, from: upperDigits) },
        Shape(name: "AWS secret access key") { $0.string(40, from: base64) },
        Shape(name: "GitHub token") {
            $0.pick(["ghp_", "gho_", "ghs_", "ghu_", "ghr_"]) + $0.string(36, from: alphanumerics)
        },
        Shape(name: "GitHub fine-grained token") {
            "github_pat_" + $0.string(22, from: alphanumerics) + "_" + $0.string(59, from: alphanumerics)
        },
        Shape(name: "GitLab token") { $0.pick(["glpat-", "gldt-", "glrt-"]) + $0.string(20, from: base64URL) },
        Shape(name: "Slack token") {
            $0.pick(["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"]) + $0.string(12, from: digits) + "-"
                + $0.string(13, from: digits) + "-" + $0.string(24, from: alphanumerics)
        },
        Shape(name: "Slack app token") {
            "xapp-1-A" + $0.string(10, from: upperDigits) + "-" + $0.string(13, from: digits) + "-"
                + $0.string(64, from: hex)
        },
        Shape(name: "Stripe key") {
            $0.pick(["sk_live_", "rk_live_", "sk_test_", "pk_live_"]) + $0.string(24, from: alphanumerics)
        },
        Shape(name: "OpenAI-style key") { "sk-" + $0.string(48, from: alphanumerics) },
        Shape(name: "OpenAI project key") { "sk-proj-" + $0.string(64, from: base64URL) },
        Shape(name: "Anthropic-style key") { "sk-ant-api03-" + $0.string(93, from: base64URL) },
        Shape(name: "Google API key") { "AIza" + $0.string(35, from: base64URL) },
        Shape(name: "JWT") {
            "eyJ" + $0.string(33, from: base64URL) + ".eyJ" + $0.string(60, from: base64URL) + "."
                + $0.string(43, from: base64URL)
        },
        Shape(name: "PEM block") {
            let label = $0.pick([
                "RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "CERTIFICATE",
            ])
            return "-----BEGIN \(label)-----\n" + $0.string(64, from: base64) + "\n" + $0.string(40, from: base64)
                + "=\n-----END \(label)-----"
        },
        Shape(name: "random base64 run") { $0.string($0.number(in: 40...80), from: base64) },
        Shape(name: "random hex run") { $0.string($0.number(in: 32...64), from: hex) },
    ]

    /// Places a credential may hide in, with the harmless text around it that must survive.
    static let contexts: [(before: String, after: String)] = [
        ("", ""), ("deploy key (", ")"), ("svc+", "@example.com"), ("token:", ""),
        ("https://ci:", "@git.example.com/repo"),
        ("", "@example.com"), ("\"", "\""), ("'", "'"), ("rotated on Monday, ", " was pasted here by mistake"),
        ("key=", "; region=eu-west-1"),
    ]

    @Test(arguments: shapes)
    func redactsEveryGeneratedCredentialWhereverItSits(_ shape: Shape) {
        var generator = SeededGenerator(seed: UInt64(shape.name.utf8.count) &* 7919)
        for _ in 0..<25 {
            let secret = shape.make(&generator)
            for (before, after) in Self.contexts {
                let value = before + secret + after
                let screened = SecretScreen.redacting(value)
                #expect(!screened.contains(secret), "\(shape.name) caught in \(before)…\(after)")
                #expect(screened.contains(SecretScreen.redaction), "\(shape.name) redacted in \(before)…\(after)")
                if before.hasSuffix(" ") || before.hasSuffix("(") {
                    #expect(screened.hasPrefix(before), "text before the credential is kept")
                }
                if after.hasPrefix(")") || after.hasPrefix(" ") {
                    #expect(screened.hasSuffix(after), "text after the credential is kept")
                }
            }
        }
    }

    @Test func keepsTheHarmlessRestOfAValue() {
        #expect(SecretScreen.redacting("deploy key (AKIAZ7QX2M4W9P1K3J5R)") == "deploy key ([redacted])")
        #expect(
            SecretScreen.redacting("svc+ghp_Q7w2E9r4T1y6U3i8O5p0A2s7D4f9G1h6J3k8@example.com")
                == "svc+[redacted]@example.com"
        )
        #expect(
            SecretScreen.redacting("two: AKIAZ7QX2M4W9P1K3J5R and AIzaSyQ7w2E9r4T1y6U3i8O5p0A2s7D4f9G1h6J")
                == "two: [redacted] and [redacted]"
        )
    }

    // MARK: Harmless values

    @Test(arguments: [
        "arn:aws:iam::123456789012:role/service-role/AWSCodePipelineServiceRole-us-east-1-MyPipeline",
        "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/jane.doe@example.com",
        "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-prod-westeurope-001/providers/Microsoft.Compute/virtualMachines/vm-web-01",
        "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
        "projects/my-proj-123456/serviceAccounts/sa-name@my-proj-123456.iam.gserviceaccount.com",
        "system:serviceaccount:kube-system:horizontal-pod-autoscaler-controller-2",
        "spiffe://example.org/ns/production/sa/payments-api-v2-canary-20240131",
        "https://github.com/OWASP/www-project-top-10/blob/7c9ee8d9e3df4247df4b74fa65f274a9360c995f/docs/index.md",
        "registry.example.com/team/image@sha256:3b1f2e9c0d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c",
        "OrganizationAccountAccessRole2024NovemberBackup",
        "listTrafficPolicyInstancesByHostedZone",
        "CrossAccountRoleForAWSTrustedAdvisorPriority2",
        "v1.2.3-beta.4+build.20241129",
        "2024-11-29T12:34:56.789012345+01:00",
        "eu-west-1/prod/payments/DatabaseCredentialsRotationLambda2",
        "a key named AKIA in a sentence, and sk-learn, ghp_ and xoxb- as bare words",
        "Rotate static secrets within 90 days; see https://example.com/policies/rotation?section=3#keys",
    ])
    func leavesRealIdentifiersAlone(_ value: String) {
        #expect(SecretScreen.matches(in: value).isEmpty, "no hit in \(value)")
    }

    /// Real exports, the bundled frameworks and the example organisation: every key and string.
    /// The only hits allowed are the JWS signature and its protected header in the A2A sample
    /// agent cards (signature material cannot be told apart from key material), and in the
    /// multicloud example the token Secret's data, which is secret material the Kubernetes importer
    /// never reads, and GCP key names, whose 40-digit key ids look random (the importer names keys
    /// `key-` and 12 digits instead).
    @Test func firesOnNothingInRealInputsFrameworksAndExamples() throws {
        let expectedHits: Set<String> = [
            "Tests/Fixtures/real-inputs/a2a/a2a_spec_v0.3.0_sample_agent_card.json: signatures[0].protected",
            "Tests/Fixtures/real-inputs/a2a/a2a_spec_v0.3.0_sample_agent_card.json: signatures[0].signature",
            "Tests/Fixtures/real-inputs/a2a/a2a_spec_v1.0.1_sample_agent_card.json: signatures[0].protected",
            "Tests/Fixtures/real-inputs/a2a/a2a_spec_v1.0.1_sample_agent_card.json: signatures[0].signature",
            "examples/multicloud/kubernetes/cluster.json: items[3].data.token",
            "examples/multicloud/kubernetes/cluster.json: items[3].data.ca.crt",
            "examples/multicloud/gcp/service-account-keys.json: [0].name",
            "examples/multicloud/gcp/service-account-keys.json: [1].name",
        ]
        var hits: Set<String> = []
        var strings = 0
        for folder in ["Tests/Fixtures/real-inputs", "examples", "frameworks"] {
            for path in try Self.inputFiles(under: folder) {
                let root = try DocumentParser.parse(try Fixtures.file(path))
                Self.visitStrings(root, path: "") { keyPath, text in
                    strings += 1
                    if SecretScreen.containsSecret(text) { hits.insert("\(path): \(keyPath)") }
                }
            }
        }
        #expect(strings > 10_000, "the fixtures were found and read")
        #expect(hits == expectedHits)
    }

    static func inputFiles(under folder: String) throws -> [String] {
        let root = Fixtures.url(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { InputFormat(path: $0) != nil }
            .sorted()
            .map { "\(folder)/\($0)" }
    }

    static func visitStrings(_ node: SourceNode, path: String, _ visit: (String, String) -> Void) {
        switch node.value {
        case let .string(text):
            visit(path, text)
        case let .array(elements):
            for (index, element) in elements.enumerated() { visitStrings(element, path: "\(path)[\(index)]", visit) }
        case let .object(members):
            for member in members {
                let childPath = path.isEmpty ? member.key : "\(path).\(member.key)"
                visit(childPath, member.key)
                visitStrings(member.value, path: childPath, visit)
            }
        default:
            break
        }
    }

    // MARK: Diagnostics

    @Test func diagnosticScreensItsMessageAndKeyPathWhenBuiltAndWhenChanged() {
        let token = "ghp_Q7w2E9r4T1y6U3i8O5p0A2s7D4f9G1h6J3k8"
        var diagnostic = Diagnostic(.error, file: "f.yaml", keyPath: "tags.\(token)", message: "bad '\(token)'")
        #expect(diagnostic.description == "f.yaml: error: tags.[redacted]: bad '[redacted]'")
        diagnostic.message += " and \(token)"
        diagnostic.keyPath = token
        #expect(diagnostic.description == "f.yaml: error: [redacted]: bad '[redacted]' and [redacted]")
    }

    @Test func quotesValuesScreenedAndShortened() {
        #expect(Diagnostic.quoted("reader") == "'reader'")
        #expect(Diagnostic.quoted("key AKIAZ7QX2M4W9P1K3J5R") == "'key [redacted]'")
        let long = String(repeating: "abcdefghij", count: 10)
        #expect(Diagnostic.quoted(long) == "'\(long.prefix(59))…'")
    }
}

/// A small deterministic random number generator (SplitMix64), so generated values are the same
/// on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func number(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    mutating func pick(_ choices: [String]) -> String { choices[number(in: 0...(choices.count - 1))] }

    mutating func string(_ length: Int, from alphabet: String) -> String {
        let characters = Array(alphabet)
        return String((0..<length).map { _ in characters[number(in: 0...(characters.count - 1))] })
    }
}
