import Testing

@testable import CrosswalkCore

/// The secret screen's prefilter may only rule out text the full scan finds nothing in.
@Suite struct SecretPrefilterTests {
    static func check(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            let scanned = SecretScreen.scan(UnsafeBufferPointer(buffer))
            if SecretPrefilter.isCertainlyClean(UnsafeBufferPointer(buffer)) {
                #expect(scanned.isEmpty, "prefilter passed \(text)", sourceLocation: sourceLocation)
            }
            let mayContain = SecretScreen.mayContainSecret(UnsafeBufferPointer(buffer))
            #expect(mayContain == !SecretScreen.matches(in: text).isEmpty, sourceLocation: sourceLocation)
        }
    }

    /// Random text over an alphabet rich in shape prefixes, run bytes and separators.
    @Test func randomTextAgreesWithTheFullScan() {
        var generator = SeededGenerator(seed: 20_261_129)
        let pieces = [
            "AKIA", "ASIA", "ghp_", "github_pat_", "glpat-", "xoxb-", "xapp-", "sk_live_", "whsec_", "sk-", "AIza",
            "eyJ", ".", "-----BEGIN", "-----END", "-----", "https://", "/", "@", "sha256:", " ", "-", "_", "+",
            "(", ":", "A", "Z", "q", "x", "7", "0", "f", "é", "e", "y", "k", "s", "g", "h",
        ]
        let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        var prefilteredOut = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<generator.number(in: 1...14) {
                text +=
                    generator.number(in: 0...2) == 0
                    ? generator.string(generator.number(in: 1...40), from: alphabet) : generator.pick(pieces)
            }
            Self.check(text)
            if Array(text.utf8).withUnsafeBufferPointer({ SecretPrefilter.isCertainlyClean($0) }) {
                prefilteredOut += 1
            }
        }
        #expect(prefilteredOut > 1000, "the prefilter rules some text out")
    }

    @Test(arguments: [
        "service-account 0", "nhi-0000001", "team-payments", "payments-api.prod.acme.internal",
        "AKIAIOSFODNN7EXAMPLE", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc", "-----BEGIN KEY-----",
        "xoxb-1234567890", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "a b c d e f g h i j k l m n o p",
        "arn:aws:iam::123456789012:role/service-role/AWSCodePipelineServiceRole-us-east-1",
    ])
    func knownTextAgreesWithTheFullScan(_ text: String) {
        Self.check(text)
    }
}
