import CrosswalkCore
import CrosswalkTestSupport
import Dispatch
import Foundation
import Testing

/// The streaming evaluate stage must judge exactly as running every control over the whole
/// inventory at once: whatever the batch size, and although inventory-wide controls see only each
/// identity's peer record. The reference here runs each control over the full inventory.
@Suite struct EvaluationSessionTests {
    /// One inventory and policy to compare on.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var inventory: Inventory
        var policy: Policy
        var now: Timestamp
        var testDescription: String { name }
    }

    static func cases() throws -> [Case] {
        var cases: [Case] = []
        let exampleNow = try #require(Timestamp(iso8601: "2026-11-01T00:00:00Z"))
        for folder in ["examples/acme", "Tests/Fixtures/well-run"] {
            cases.append(
                Case(
                    name: folder,
                    inventory: try InventoryLoader().load([try Fixtures.file("\(folder)/inventory.yaml")]).0,
                    policy: try PolicyLoader().load(try Fixtures.file("\(folder)/policy.yaml")).0,
                    now: exampleNow
                )
            )
        }
        for control in ControlRegistry.all {
            for example in control.definition.examples {
                let name = "\(control.definition.id) \(example.name).yaml"
                cases.append(
                    Case(
                        name: name,
                        inventory: try InventoryLoader().load([InputFile(path: name, text: example.inventory)]).0,
                        policy: try PolicyLoader().load(InputFile(path: name, text: example.policy)).0,
                        now: ControlExample.now
                    )
                )
            }
        }
        cases.append(Case(name: "tangled", inventory: tangled(), policy: Policy(), now: exampleNow))
        cases.append(Case(name: "crowded", inventory: crowded(), policy: Policy(), now: exampleNow))
        return cases
    }

    /// More failing subjects per control than a sample holds, with ids in no order, so that later
    /// batches bring findings that must displace earlier ones and findings the sample's cutoff
    /// must skip.
    static func crowded() -> Inventory {
        let identities = (0..<600).map { index in
            let number = (index * 7919) % 600
            return Identity(
                id: "id-\(String(number, radix: 7))-\(number)",
                name: "Identity \(number)",
                kind: number % 3 == 0 ? .agent : .serviceAccount,
                owner: number % 5 == 0 ? nil : "team-\(number % 11)",
                credentials: [
                    Credential(
                        id: "key-\(number % 4)",
                        type: .apiKey,
                        created: Timestamp(iso8601: "2024-0\(number % 9 + 1)-01T00:00:00Z")
                    )
                ]
            )
        }
        return Inventory(organization: "Crowded", identities: identities, roles: [])
    }

    /// Children listed before their parents, agents spawned by service accounts and the other way
    /// round, a spawned_by cycle with and without an agent, credentials shared across
    /// environments in both directions, roles shared by agents of several owners, platforms with
    /// and without agents.
    static func tangled() -> Inventory {
        var identities: [Identity] = []
        let kinds: [IdentityKind] = [.agent, .serviceAccount, .workloadIdentity, .agent, .bot]
        let roles =
            (0..<6).map { Role(id: "role-\($0)", name: "Role \($0)", permissions: ["svc\($0):*", "s3:Get*"]) }
            + [Role(id: "admin", name: "Admin", permissions: ["*"], administrative: true)]
        for index in 0..<120 {
            var identity = Identity(
                id: "id-\(index)",
                name: "identity \(index)",
                kind: kinds[index % kinds.count],
                platform: ["aws", "gcp", "azure", nil][index % 4],
                environment: ["production", "staging", nil][index % 3],
                owner: index % 7 == 0 ? nil : "team-\(index % 5)",
                trustZone: ["internal", "partner"][index % 2],
                status: index % 11 == 0 ? .disabled : .active,
                spawnedBy: index >= 3 && index % 4 != 0 ? "id-\((index * 7 + 5) % 120)" : nil,
                sharedAccount: index % 9 == 0 ? nil : index % 6 == 0,
                roleBindings: [RoleBinding(role: "role-\(index % 6)", environment: index % 13 == 0 ? "staging" : nil)]
                    + (index % 17 == 0 ? [RoleBinding(role: "admin")] : []),
                credentials: [
                    Credential(id: "key", type: index % 2 == 0 ? .apiKey : .token),
                    Credential(id: "cert", type: .certificate),
                ]
            )
            if index % 5 == 0 {
                identity.credentials[0].sharedWith = ["id-\((index + 37) % 120)"]
                identity.credentials[0].usedIn = ["staging"]
            }
            identities.append(identity)
        }
        // A pure cycle without agents, and one through an agent.
        identities[8].spawnedBy = "id-9"
        identities[9].spawnedBy = "id-8"
        identities[9].kind = .serviceAccount
        identities[8].kind = .bot
        identities[12].spawnedBy = "id-13"
        identities[13].spawnedBy = "id-12"
        return Inventory(organization: "Tangled", identities: identities, roles: roles)
    }

    @Test(arguments: try cases())
    func batchedEvaluationMatchesEachControlRunOverTheWholeInventory(_ testCase: Case) throws {
        var numbered = testCase.inventory.identities
        for index in numbered.indices { numbered[index].ordinal = Int32(index) }
        let whole = Inventory(
            organization: testCase.inventory.organization,
            identities: numbered,
            roles: testCase.inventory.roles
        )
        let context = EvaluationContext(inventory: whole, policy: testCase.policy, now: testCase.now)
        let scope = AIAgentScope(whole)
        // Without passing subjects, passes and not-applicable results are counted without building
        // their subjects wherever the batch settles their scope: the counts must not change.
        for (batchSize, partSize, includePassing) in [
            (1, 1, true), (3, 2, true), (1000, 4096, true), (1, 1, false), (3, 2, false), (1000, 4096, false),
        ] {
            let evaluation = try ControlEvaluator(batchSize: batchSize, findingPartSize: partSize).evaluate(
                EvaluationContext(inventory: testCase.inventory, policy: testCase.policy, now: testCase.now),
                includePassing: includePassing,
                spool: MemoryResultSpool()
            )
            #expect(evaluation.hasAIAgents == !scope.isEmpty, "\(testCase.name), batches of \(batchSize)")
            for (control, outcome) in zip(ControlRegistry.all, evaluation.outcomes) {
                let label =
                    "\(testCase.name), \(control.definition.id), batches of \(batchSize)"
                    + (includePassing ? "" : ", without passing subjects")
                var reference = ResultRecorder(keepPassing: true, agentScope: scope)
                control.evaluate(context, into: &reference)
                #expect(outcome.counts == reference.counts, "\(label): counts")
                #expect(outcome.agentScopeCounts == reference.agentScopeCounts, "\(label): ai-agents counts")
                let expected = reference.findings.sorted { ($0.status, $0.subject.id) < ($1.status, $1.subject.id) }
                #expect(try outcome.allFindingsSorted() == expected, "\(label): findings")
                #expect(outcome.findingCount == expected.count, "\(label): finding count")
                #expect(outcome.findings == Array(expected.prefix(ControlOutcome.sampleLimit)), "\(label): sample")
                #expect(
                    try outcome.allPassingSubjectsSorted()
                        == (includePassing ? reference.passingSubjects.sorted { $0.id < $1.id } : []),
                    "\(label): passing subjects"
                )
                let affected = Set(outcome.affectedIdentities.ordinals.map { numbered[Int($0)].id })
                #expect(affected == reference.affectedIdentities, "\(label): affected identities")
                let expectedScopeAffected = Set(
                    reference.findings.indices.filter { scope.contains(reference.findings[$0].subject) }
                        .flatMap(reference.affectedIDs(ofFinding:))
                )
                let scopeAffected = Set(outcome.agentScopeAffectedIdentities.ordinals.map { numbered[Int($0)].id })
                #expect(scopeAffected == expectedScopeAffected, "\(label): ai-agents affected identities")
            }
        }
    }
}

@Suite struct AgentScopeCycleTests {
    /// A `spawned_by` cycle through an agent: every member's chain passes through the agent, so
    /// every member is in the `ai-agents` scope, whichever member the inventory lists first.
    @Test(arguments: [["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"], ["c", "b", "a"]])
    func everyMemberOfACycleThroughAnAgentIsInScope(_ order: [String]) {
        let members = [
            "a": Identity(id: "a", name: "a", kind: .serviceAccount, spawnedBy: "b"),
            "b": Identity(id: "b", name: "b", kind: .agent, spawnedBy: "c"),
            "c": Identity(id: "c", name: "c", kind: .bot, spawnedBy: "a"),
        ]
        let below = Identity(id: "d", name: "d", kind: .bot, spawnedBy: "a")
        let loner = Identity(id: "e", name: "e", kind: .bot, spawnedBy: "f")
        let partner = Identity(id: "f", name: "f", kind: .bot, spawnedBy: "e")
        let inventory = Inventory(
            identities: order.compactMap { members[$0] } + [below, loner, partner],
            roles: []
        )
        #expect(AIAgentScope(inventory).identityIDs == ["a", "b", "c", "d"], "order \(order)")
    }
}

/// A value several threads of a test change under a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

/// Spreads work over threads as the executable does, for determinism tests.
struct ThreadedRunner: WorkRunner {
    let width: Int

    func run(_ count: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    func start(_ work: @escaping @Sendable () -> Void) -> any StartedWork {
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group, execute: work)
        return GroupWork(group: group)
    }

    private struct GroupWork: StartedWork {
        let group: DispatchGroup
        func wait() { group.wait() }
    }
}

@Suite struct EvaluationDeterminismTests {
    /// Every finding of every control, in the order the spool gives them back.
    static func spooled(_ evaluation: Evaluation) throws -> [[Finding]] {
        try evaluation.outcomes.map { outcome in
            var findings: [Finding] = []
            try outcome.forEachFinding { findings.append($0) }
            return findings
        }
    }

    /// Batches evaluated side by side, with cross-record findings handed over in parts of 3: the
    /// same evaluation, and the same owners counted, as one thread.
    @Test(arguments: [2, 3, 8])
    func threadsDoNotChangeTheEvaluation(_ width: Int) throws {
        for inventory in [EvaluationSessionTests.tangled(), EvaluationSessionTests.crowded()] {
            let context = EvaluationContext(
                inventory: inventory,
                policy: Policy(),
                now: try #require(Timestamp(iso8601: "2026-11-01T00:00:00Z"))
            )
            let evaluator = ControlEvaluator(batchSize: 5, findingPartSize: 3)
            let serial = try evaluator.evaluate(context, spool: MemoryResultSpool(), runner: SerialRunner())
            let threaded = try evaluator.evaluate(
                context,
                spool: MemoryResultSpool(),
                runner: ThreadedRunner(width: width)
            )
            #expect(try Self.spooled(threaded) == Self.spooled(serial))
            #expect(threaded.outcomes.map(\.counts) == serial.outcomes.map(\.counts))
            #expect(threaded.outcomes.map(\.findings) == serial.outcomes.map(\.findings))
            #expect(threaded.outcomes.map(\.affectedIdentities) == serial.outcomes.map(\.affectedIdentities))
            #expect(threaded.failingControls == serial.failingControls)
            let owners = (try OwnerGrouping.group(threaded), try OwnerGrouping.group(serial))
            #expect(owners.0.groups.map(\.countsBySeverity) == owners.1.groups.map(\.countsBySeverity))
            #expect(owners.0.groups.map(\.ownerText) == owners.1.groups.map(\.ownerText))
        }
    }
}

/// A spool whose disk fills up after a number of writes.
final class FillingSpool: ResultSpool, @unchecked Sendable {
    struct Full: Error {}
    private let inner = MemoryResultSpool()
    private let lock = NSLock()
    private var writesLeft: Int

    init(writes: Int) { writesLeft = writes }

    /// How many more writes it takes.
    var remaining: Int { lock.withLock { writesLeft } }

    func append(_ bytes: [UInt8], to stream: Int) throws {
        try lock.withLock {
            guard writesLeft > 0 else { throw Full() }
            writesLeft -= 1
        }
        try inner.append(bytes, to: stream)
    }

    func read(_ stream: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try inner.read(stream, body)
    }
}

@Suite struct SpoolFailureTests {
    /// Batches merge while the next ones are evaluated: a spool that fills up during those merges
    /// (or the last ones) still stops the evaluation with the spool's own error, on any number of
    /// threads.
    @Test(arguments: [1, 2, 3])
    func aSpoolThatFillsUpStopsTheEvaluationWithItsError(_ width: Int) throws {
        let context = EvaluationContext(
            inventory: EvaluationSessionTests.crowded(),
            policy: Policy(),
            now: try #require(Timestamp(iso8601: "2026-11-01T00:00:00Z"))
        )
        let evaluator = ControlEvaluator(batchSize: 5, findingPartSize: 3)
        let counting = FillingSpool(writes: .max)
        _ = try evaluator.evaluate(context, spool: counting, runner: ThreadedRunner(width: width))
        let writes = Int.max - counting.remaining
        #expect(writes > 10)
        for limit in [0, 1, writes / 2, writes - 1] {
            #expect(throws: FillingSpool.Full.self, "after \(limit) writes") {
                try evaluator.evaluate(
                    context,
                    spool: FillingSpool(writes: limit),
                    runner: ThreadedRunner(width: width)
                )
            }
        }
    }
}

extension ControlOutcome {
    /// Every finding in memory at once, worst first, then by subject id (for small reports).
    func allFindingsSorted() throws -> [Finding] {
        var all: [Finding] = []
        try forEachFinding { all.append($0) }
        return all.sorted { ($0.status, $0.subject.id) < ($1.status, $1.subject.id) }
    }

    /// Every passing subject in memory at once, by id (for small reports).
    func allPassingSubjectsSorted() throws -> [SubjectReference] {
        var all: [SubjectReference] = []
        try forEachPassingSubject { all.append($0) }
        return all.sorted { $0.id < $1.id }
    }
}

/// The whole pipeline on an inventory of several groups of batches: on more than one thread (each
/// group merged while the next is evaluated) the report comes out exactly as on one thread, and a
/// spool that fills up still stops the run.
@Suite struct ThreadedPipelineTests {
    static func request() throws -> CrosswalkPipeline.Request {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("threaded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("inventory.jsonl")
        try LargeInventory.write(identities: 13_000, to: url)
        return CrosswalkPipeline.Request(
            inventoryFiles: [InputFile(path: "inventory.jsonl", bytes: Array(try Data(contentsOf: url)))],
            policyFile: try Fixtures.file("examples/acme/policy.yaml"),
            now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
        )
    }

    @Test func aSessionOnItsOwnThreadGivesTheSameReport() throws {
        let request = try Self.request()
        let serialReport = try CrosswalkPipeline().run(request)
        let serial = try JSONReportRenderer().render(serialReport)
        #expect(!serialReport.findingsByOwner.isEmpty)
        for width in [2, 3] {
            let report = try CrosswalkPipeline().run(request, runner: ThreadedRunner(width: width))
            #expect(try JSONReportRenderer().render(report) == serial, "\(width) threads")
            // Grouped beside the caller, and read (so waited for) from several threads at once.
            let readers = ThreadedRunner(width: width)
            let groups = Locked<[[String]]>([])
            readers.run(4) { _ in groups.update { $0.append(Self.lines(report.findingsByOwner)) } }
            #expect(groups.value == Array(repeating: Self.lines(serialReport.findingsByOwner), count: 4))
            #expect(report.ownersNotListed == serialReport.ownersNotListed)
            #expect(report.ownerFindingsNotListed == serialReport.ownerFindingsNotListed)
        }
    }

    /// Each owner group as a line: owner, counts and the subjects listed.
    static func lines(_ groups: [OwnerFindings]) -> [String] {
        groups.map { group in
            "\(group.ownerText) \(group.total) \(group.omitted) "
                + group.listed.map { "\($0.control.id):\($0.subject.id)" }.joined(separator: ",")
        }
    }

    @Test func aSpoolThatFillsUpStopsAThreadedRun() throws {
        let request = try Self.request()
        let counting = FillingSpool(writes: .max)
        _ = try CrosswalkPipeline().run(request, spool: counting, runner: ThreadedRunner(width: 2))
        let writes = Int.max - counting.remaining
        #expect(writes > 20)
        for limit in [0, writes / 3, writes / 2, writes - 1] {
            #expect(throws: FillingSpool.Full.self, "after \(limit) of \(writes) writes") {
                _ = try CrosswalkPipeline().run(
                    request,
                    spool: FillingSpool(writes: limit),
                    runner: ThreadedRunner(width: 2)
                )
            }
        }
    }
}
