import Testing

@testable import CrosswalkCore

/// Joining records about one identity from several exports.
struct IdentityMergerTests {
    @Test func fullRecordsFillEachOtherAndUnionTheirLists() {
        var merger = IdentityMerger()
        var fromReport = Identity(id: "arn:user/ci", name: "arn:user/ci", kind: .serviceAccount, platform: "aws")
        fromReport.credentials = [Credential(id: "access-key-1", type: .accessKey)]
        fromReport.unreported = [.owner, .environment, .credentialStorage]
        fromReport.lastUsed = Timestamp(secondsSinceEpoch: 100)
        var fromDetails = Identity(id: "arn:user/ci", name: "ci", kind: .serviceAccount, owner: "platform")
        fromDetails.roleBindings = [RoleBinding(role: "arn:policy/Admin")]
        fromDetails.unreported = [.environment, .credentialStorage, .lastUsed]
        fromDetails.lastUsed = Timestamp(secondsSinceEpoch: 200)
        merger.add(fromReport)
        merger.add(fromDetails)
        let merged = merger.identities()
        #expect(merged.count == 1)
        let identity = try? #require(merged.first)
        #expect(identity?.name == "ci")
        #expect(identity?.owner == "platform")
        #expect(identity?.credentials.map(\.id) == ["access-key-1"])
        #expect(identity?.roleBindings.map(\.role) == ["arn:policy/Admin"])
        #expect(identity?.lastUsed?.secondsSinceEpoch == 200)
        // A field either source reports is reported; one holding a value is never unreported.
        #expect(identity?.unreported == [.environment, .credentialStorage])
    }

    @Test func aListingAfterAMentionLeadsButKeepsTheMentionsBindings() {
        var merger = IdentityMerger()
        var mention = Identity(id: "k8s:kube-system/dns", name: "k8s:kube-system/dns", kind: .serviceAccount)
        mention.roleBindings = [RoleBinding(role: "k8s:clusterrole/system:kube-dns", scope: "cluster")]
        mention.unreported = [.owner, .lastUsed]
        merger.add(mention, implied: true)
        #expect(merger.isImpliedOnly("k8s:kube-system/dns"))
        var listing = Identity(id: "k8s:kube-system/dns", name: "dns", kind: .serviceAccount)
        listing.created = Timestamp(secondsSinceEpoch: 5)
        listing.unreported = [.lastUsed]
        merger.add(listing)
        let identity = merger.identities().first
        #expect(merger.isImpliedOnly("k8s:kube-system/dns") == false)
        #expect(identity?.name == "dns")
        #expect(identity?.created?.secondsSinceEpoch == 5)
        #expect(identity?.roleBindings.count == 1)
        #expect(identity?.unreported == [.lastUsed])
    }

    @Test func aDisabledStatusFromAnySourceWins() {
        var merger = IdentityMerger()
        merger.add(Identity(id: "sa", name: "sa", kind: .serviceAccount))
        merger.add(Identity(id: "sa", name: "sa", kind: .serviceAccount, status: .disabled))
        #expect(merger.identities().first?.status == .disabled)
    }
}
