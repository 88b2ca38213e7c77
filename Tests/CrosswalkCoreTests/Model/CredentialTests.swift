import CrosswalkCore
import Testing

/// A credential keeps its rarely set fields (sharing, environments, exposures, task, origin) in
/// a box its copies share: it must still behave as a plain value.
@Suite struct CredentialTests {
    private static let origin = RecordOrigin(kind: "aws-credential-report", file: "report.csv", record: "row 3")

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        var original = Credential(id: "key", type: .apiKey, sharedWith: ["a"], usedIn: ["prod"])
        original.origin = Self.origin
        let kept = original
        var changed = original
        changed.sharedWith.append("b")
        changed.usedIn = []
        changed.exposures.append(Exposure(source: "paste"))
        changed.task = AgentTask(id: "t-1")
        changed.origin = nil
        #expect(original == kept)
        #expect(original.sharedWith == ["a"])
        #expect(original.usedIn == ["prod"])
        #expect(original.exposures.isEmpty)
        #expect(original.task == nil)
        #expect(original.origin == Self.origin)
        #expect(changed.sharedWith == ["a", "b"])
        #expect(changed.usedIn.isEmpty)
        #expect(changed.exposures == [Exposure(source: "paste")])
        #expect(changed.task == AgentTask(id: "t-1"))
        #expect(changed.origin == nil)
        #expect(changed != original)
    }

    @Test func equalFieldsMakeEqualCredentialsHoweverTheyWereBuilt() {
        let plain = Credential(id: "key", type: .apiKey)
        var emptied = Credential(id: "key", type: .apiKey, sharedWith: ["a"], task: AgentTask(id: "t"))
        emptied.sharedWith.removeAll()
        emptied.task = nil
        #expect(emptied == plain)
        #expect(Set([emptied, plain]).count == 1)

        var built = Credential(id: "key", type: .apiKey)
        built.sharedWith.append("a")
        built.exposures = [Exposure(source: "log")]
        let given = Credential(id: "key", type: .apiKey, sharedWith: ["a"], exposures: [Exposure(source: "log")])
        #expect(built == given)
        #expect(Set([built, given]).count == 1)
        #expect(built != plain)
    }
}
