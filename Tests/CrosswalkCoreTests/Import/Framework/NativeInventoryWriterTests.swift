import CrosswalkTestSupport
import Testing

@testable import CrosswalkCore

/// `crosswalk import` output reads back, with the native loader, to the same identities.
struct NativeInventoryWriterTests {
    @Test func writtenInventoriesReadBackToTheSameIdentities() throws {
        let origin = RecordOrigin(kind: "kubernetes", file: "cluster \"a\".json", record: "line 7")
        var identity = Identity(
            id: "k8s:team/sa",
            name: "sa \"quoted\"\n<b>",
            kind: .serviceAccount,
            platform: "kubernetes",
            status: .disabled,
            created: Timestamp(secondsSinceEpoch: 1_700_000_000),
            thirdParty: true,
            roleBindings: [RoleBinding(role: "k8s:clusterrole/edit", scope: "team")],
            tags: [Tag(key: "app", value: "x\ty")],
            credentials: [
                Credential(
                    id: "token",
                    type: .apiKey,
                    status: .expired,
                    created: Timestamp(secondsSinceEpoch: 1_600_000_000),
                    lastUsed: Timestamp(secondsSinceEpoch: 1_650_000_000)
                )
            ]
        )
        identity.origin = origin
        identity.unreported = [.owner, .credentialLastUsed]
        identity.credentials[0].origin = RecordOrigin(kind: "kubernetes", file: "cluster.json", record: "line 40")
        let role = Role(
            id: "k8s:clusterrole/edit",
            name: "edit",
            platform: "kubernetes",
            permissions: ["core/pods:create"],
            administrative: true
        )
        let text = NativeInventoryWriter.json(identities: [identity], roles: [role])
        let (inventory, _) = try InventoryLoader().load([InputFile(path: "inventory.json", text: text)])
        var expected = identity
        expected.ordinal = -1
        var read = try #require(inventory.identities.first)
        read.ordinal = -1
        #expect(read == expected)
        #expect(inventory.roles == [role])
    }
}
