import CrosswalkCore
import Testing

@Suite struct PatternTests {
    @Test(arguments: [
        ("*", "anything", true), ("s3:*", "s3:GetObject", true), ("s3:*", "ec2:RunInstances", false),
        ("*Admin*", "ClusterAdminRole", true), ("payments:Transfer", "payments:Transfer", true),
        ("payments:Transfer", "payments:TransferAll", false), ("a*b*c", "axxbyyc", true), ("a*b*c", "axxbyy", false),
    ])
    func matchesGlobPatterns(_ pattern: String, _ text: String, _ expected: Bool) {
        #expect(Pattern.matches(pattern, text) == expected, "\(pattern) ~ \(text)")
    }

    @Test(arguments: [
        ("*", "s3:*", true), ("s3:*", "s3:Get*", true), ("s3:Get*", "s3:*", false), ("s3:*", "*", false),
        ("s3:GetObject", "s3:GetObject", true), ("s3:*", "s3:GetObject", true), ("s3:GetObject", "s3:*", false),
        ("s3*", "s3:Get*", true), ("s3:G*", "s3:*", false), ("s3:*:x*", "s3:a:x*", false), ("", "*", false),
        ("*", "", true), ("s3:Get*", "s3:GetObject*Acl", true), ("s3:Put*", "s3:Get*", false),
        ("café:*", "café:lire*", true), ("cafe\u{301}:*", "café:lire*", true), ("café:*", "cafe:lire*", false),
    ])
    func decidesWhetherOnePatternCoversAnother(_ outer: String, _ inner: String, _ expected: Bool) {
        #expect(Pattern.covers(outer, inner) == expected, "\(outer) covers \(inner)")
    }
}
