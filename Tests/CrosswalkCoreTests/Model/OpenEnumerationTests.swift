import CrosswalkCore
import Testing

/// Credential types and life-cycle statuses are open sets: the known ones are classified without
/// comparing text, and any other value is kept as written and equal only to itself.
struct OpenEnumerationTests {
    static let staticSecrets: Set<String> = [
        "api-key", "access-key", "client-secret", "password", "ssh-key", "private-key", "shared-secret",
        "connection-string", "webhook-secret", "refresh-token",
    ]
    static let shortLivedTokens: Set<String> = ["token", "federated-token", "session-token"]

    @Test func classifiesEveryKnownCredentialTypeByItsText() {
        for type in CredentialType.known {
            let read = CredentialType(rawValue: type.rawValue)
            #expect(read == type)
            #expect(read.hashValue == type.hashValue)
            #expect(read.isStaticSecret == Self.staticSecrets.contains(type.rawValue), "\(type.rawValue)")
            #expect(read.isShortLivedToken == Self.shortLivedTokens.contains(type.rawValue), "\(type.rawValue)")
            for other in CredentialType.known where other.rawValue != type.rawValue { #expect(read != other) }
        }
        #expect(CredentialType.known.count == Set(CredentialType.known).count)
    }

    @Test func keepsUnknownCredentialTypesApart() {
        let custom = CredentialType(rawValue: "kerberos-keytab")
        #expect(custom == CredentialType(rawValue: "kerberos-keytab"))
        #expect(custom != CredentialType(rawValue: "kerberos-ticket"))
        #expect(!CredentialType.known.contains(custom))
        #expect(!custom.isStaticSecret && !custom.isShortLivedToken)
        #expect(CredentialType(rawValue: "API-KEY") != .apiKey)
    }

    @Test func reclassifiesACredentialTypeWhoseTextChanges() {
        var type = CredentialType.token
        type.rawValue = "api-key"
        #expect(type == .apiKey && type.isStaticSecret && !type.isShortLivedToken)
        type.rawValue = "custom"
        #expect(type == CredentialType(rawValue: "custom") && !type.isStaticSecret)
    }

    @Test func classifiesLifecycleStatuses() {
        let inactive: Set<String> = ["disabled", "revoked", "deleted", "expired"]
        for status in LifecycleStatus.known {
            let read = LifecycleStatus(rawValue: status.rawValue)
            #expect(read == status && read.hashValue == status.hashValue)
            #expect(read.isActive == !inactive.contains(status.rawValue), "\(status.rawValue)")
            for other in LifecycleStatus.known where other.rawValue != status.rawValue { #expect(read != other) }
        }
        var status = LifecycleStatus(rawValue: "suspended")
        #expect(status.isActive && status == LifecycleStatus(rawValue: "suspended") && status != .active)
        status.rawValue = "revoked"
        #expect(status == .revoked && !status.isActive)
    }
}
