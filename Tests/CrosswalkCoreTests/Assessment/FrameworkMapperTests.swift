import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// The rule book for entries (docs/assessment.md §4–§6), one rule at a time.
@Suite struct FrameworkMapperTests {
    /// A stand-in control that gives identity `i<n>` the n-th status.
    struct FixedControl: Control {
        let definition: ControlDefinition
        let statuses: [ResultStatus]

        init(
            _ id: String,
            _ statuses: [ResultStatus],
            severity: Severity = .high,
            evidence: EvidenceSource = .observed
        ) {
            definition = ControlDefinition(
                id: id,
                title: id,
                description: "",
                rationale: "",
                severity: severity,
                subjectKind: .identity,
                evidenceSource: evidence,
                appliesTo: "all",
                evidenceFields: [],
                policyParameters: [],
                remediation: "",
                examples: []
            )
            self.statuses = statuses
        }

        /// Reads the identities by position, so it runs once over the whole inventory.
        let reach = ControlReach.inventory

        func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
            for (index, status) in statuses.enumerated() {
                let subject =
                    index < context.inventory.identities.count
                    ? SubjectReference.identity(context.inventory.identities[index])
                    : SubjectReference(kind: .identity, id: "i\(index)", name: "s", identityID: "i\(index)")
                switch status {
                case .pass: recorder.pass(subject)
                case .fail, .accepted:
                    recorder.fail(
                        subject,
                        ResultMessage(verbatim: "failed"),
                        evidence: [Evidence(field: "f", observed: "o", expected: "e")]
                    )
                case .notAssessed: recorder.notAssessed(subject, ResultMessage(verbatim: "missing"))
                case .notApplicable: recorder.notApplicable(subject)
                case .error: recorder.error(subject, ResultMessage(verbatim: "error"))
                }
            }
            if statuses.contains(.accepted) {
                var remaining = statuses.filter { $0 == .accepted }.count
                _ = recorder.accept { _ in
                    remaining -= 1
                    return remaining >= 0
                }
            }
        }
    }

    /// One link of the test catalog.
    struct Link {
        var control: String
        var entry: String
        var relationship: Relationship = .subsetOf
        var strength: Int = 5
        var scope: MappingScope = .all
    }

    /// Runs `controls` over identities `i0`, `i1`, … (those in `agents` are AI agents) and maps them
    /// onto a catalog of `entries` (id and parent) through `links`.
    private func assess(
        _ controls: [FixedControl],
        entries: [(id: String, parent: String?)],
        links: [Link],
        agents: Set<Int> = []
    ) -> FrameworkAssessment {
        let catalog = Catalog(
            id: "cat",
            title: "Cat",
            version: "1",
            entries: entries.map { CatalogEntry(id: $0.id, title: $0.id, text: "", parent: $0.parent, kind: "risk") },
            origin: "test",
            isBundled: false
        )
        let mappings = links.map {
            Mapping(
                controlID: $0.control,
                catalogID: "cat",
                entryID: $0.entry,
                relationship: $0.relationship,
                strength: $0.strength,
                rationale: "r",
                origin: "test",
                scope: $0.scope
            )
        }
        let size = controls.map(\.statuses.count).max() ?? 0
        let identities = (0..<size).map {
            Identity(id: "i\($0)", name: "i\($0)", kind: agents.contains($0) ? .agent : .serviceAccount)
        }
        let context = EvaluationContext(
            inventory: Inventory(identities: identities, roles: []),
            policy: Policy(),
            now: Timestamp(secondsSinceEpoch: 0)
        )
        let evaluation = ControlEvaluator(controls: controls).evaluate(context)
        return FrameworkMapper().assess(evaluation, library: FrameworkLibrary(catalogs: [catalog], mappings: mappings))[
            0
        ]
    }

    private func leaf(_ controls: [FixedControl], _ links: [Link], agents: Set<Int> = []) -> EntryAssessment? {
        assess(controls, entries: [("E", nil)], links: links, agents: agents).entries.first
    }

    @Test func anEntryNoControlMapsToIsNotCovered() {
        let entry = leaf([FixedControl("C", [.pass])], [])
        #expect(entry?.status == .notCovered)
        #expect(entry?.reason == "No Crosswalk control addresses this entry.")
        #expect(entry?.passShare == nil)
    }

    @Test func anEntryWhoseMappingsHaveNoResultIsNotApplicable() {
        let entry = leaf([FixedControl("C", [.notApplicable, .notApplicable])], [Link(control: "C", entry: "E")])
        #expect(entry?.status == .notApplicable)
        #expect(entry?.reason == "No subject in the inventory is one the mapped controls judge.")
        #expect(entry?.passShare == nil)
    }

    @Test func anAgenticEntryOfAnInventoryWithoutAgentsIsNotApplicableSayingWhy() {
        let entry = leaf([FixedControl("C", [.fail, .pass])], [Link(control: "C", entry: "E", scope: .aiAgents)])
        #expect(entry?.status == .notApplicable)
        #expect(entry?.reason == "The inventory has no AI agents, so no result speaks to this entry.")
    }

    @Test func anAgenticEntryCountsOnlyResultsAboutAgents() {
        let control = FixedControl("C", [.fail, .pass, .pass])
        let scoped = leaf(
            [control],
            [Link(control: "C", entry: "E", relationship: .equal, scope: .aiAgents)],
            agents: [1]
        )
        #expect(scoped?.status == .satisfied)
        #expect(scoped?.links.first?.counts == ScopedCounts(passing: 1, failing: 0, unknown: 0))
        let everyone = leaf([control], [Link(control: "C", entry: "E", relationship: .equal)], agents: [1])
        #expect(everyone?.status == .gapsFound)
        #expect(everyone?.links.first?.counts == ScopedCounts(passing: 2, failing: 1, unknown: 0))
    }

    @Test func identitiesSpawnedByAnAgentAreInTheAgentScope() {
        let inventory = Inventory(
            identities: [
                Identity(id: "root", name: "root", kind: .agent),
                Identity(id: "child", name: "child", kind: .serviceAccount, spawnedBy: "root"),
                Identity(id: "grandchild", name: "grandchild", kind: .bot, spawnedBy: "child"),
                Identity(id: "loner", name: "loner", kind: .serviceAccount, platform: "aws"),
                Identity(id: "cycle-a", name: "a", kind: .bot, spawnedBy: "cycle-b"),
                Identity(id: "cycle-b", name: "b", kind: .bot, spawnedBy: "cycle-a"),
            ],
            roles: []
        )
        #expect(AIAgentScope(inventory).identityIDs == ["root", "child", "grandchild"])
    }

    @Test func theAgentScopeHoldsTheCredentialsRolesAndPlatformsOfItsIdentities() throws {
        let inventory = try Fixtures.inventory(
            """
            version: 1
            roles:
              - {id: agent-role, permissions: ["tickets:Read"]}
              - {id: batch-role, permissions: ["billing:Read"]}
            identities:
              - id: helper
                kind: agent
                platform: gcp
                role_bindings: [agent-role]
                credentials: [{id: key, type: api-key}]
              - id: batch
                kind: service-account
                platform: aws
                role_bindings: [batch-role]
                credentials: [{id: key, type: api-key}]
            """
        )
        let scope = AIAgentScope(inventory)
        let helper = try #require(inventory.identity(withID: "helper"))
        let batch = try #require(inventory.identity(withID: "batch"))
        let helperKey = try #require(helper.credentials.first)
        let batchKey = try #require(batch.credentials.first)
        #expect(scope.contains(.identity(helper)))
        #expect(scope.contains(.credential(helperKey, of: helper)))
        #expect(scope.contains(.platform("gcp")))
        #expect(scope.contains(.role(try #require(inventory.role(withID: "agent-role")))))
        #expect(!scope.contains(.identity(batch)))
        #expect(!scope.contains(.credential(batchKey, of: batch)))
        #expect(!scope.contains(.platform("aws")))
        #expect(!scope.contains(.role(try #require(inventory.role(withID: "batch-role")))))
    }

    @Test func theRecorderCountsResultsInTheAgentScopeSeparately() throws {
        let inventory = Inventory(
            identities: [
                Identity(id: "agent", name: "agent", kind: .agent, platform: "gcp"),
                Identity(id: "svc", name: "svc", kind: .serviceAccount, platform: "aws"),
            ],
            roles: []
        )
        var recorder = ResultRecorder(keepPassing: false, agentScope: AIAgentScope(inventory))
        recorder.pass(.platform("gcp"))
        recorder.fail(.platform("aws"), ResultMessage(verbatim: "no logs"), evidence: [], affecting: ["svc"])
        recorder.notAssessed(
            .identity(try #require(inventory.identity(withID: "agent"))),
            ResultMessage(verbatim: "missing")
        )
        #expect(recorder.counts == [.pass: 1, .fail: 1, .notAssessed: 1])
        #expect(recorder.agentScopeCounts == [.pass: 1, .notAssessed: 1])
        #expect(recorder.affectedIdentities == ["svc"])
    }

    @Test func anyFailingSubjectInScopeMeansGapsFoundNamingTheFailures() {
        let entry = leaf(
            [FixedControl("A", [.pass, .pass, .fail]), FixedControl("B", [.pass])],
            [Link(control: "A", entry: "E", relationship: .equal), Link(control: "B", entry: "E")]
        )
        #expect(entry?.status == .gapsFound)
        #expect(entry?.reason == "Failing: A (1 failing).")
        #expect(entry?.affectedIdentityCount == 1)
    }

    @Test func anAcceptedResultCountsLikeAFailure() {
        let entry = leaf(
            [FixedControl("A", [.pass, .accepted])],
            [Link(control: "A", entry: "E", relationship: .equal)]
        )
        #expect(entry?.status == .gapsFound)
        #expect(entry?.links.first?.counts == ScopedCounts(passing: 1, failing: 1, unknown: 0))
    }

    @Test func noPassAnywhereMeansNotAssessed() {
        let entry = leaf(
            [FixedControl("A", [.notAssessed, .error]), FixedControl("B", [.notApplicable])],
            [Link(control: "A", entry: "E"), Link(control: "B", entry: "E")]
        )
        #expect(entry?.status == .notAssessed)
        #expect(entry?.reason == "Evidence is missing everywhere: A could not assess any subject.")
        #expect(entry?.passShare == 0)
    }

    @Test func aPassingObservedFullLinkWithNothingMissingIsSatisfied() {
        let entry = leaf(
            [FixedControl("A", [.pass, .pass]), FixedControl("B", [.pass])],
            [Link(control: "A", entry: "E", relationship: .supersetOf), Link(control: "B", entry: "E")]
        )
        #expect(entry?.status == .satisfied)
        #expect(entry?.reason == "Every subject passes A, B; A checks the whole entry from observed evidence.")
        #expect(entry?.passShare == 1)
    }

    @Test func onlyPartialLinksPassingLeaveTheEntryPartlyEvidenced() {
        let entry = leaf(
            [FixedControl("A", [.pass])],
            [Link(control: "A", entry: "E", relationship: .intersectsWith)]
        )
        #expect(entry?.status == .partiallyEvidenced)
        #expect(
            entry?.reason
                == "No failures, but the mapped controls check only part of what the entry asks (subset-of or intersects-with)."
        )
    }

    @Test func anAttestedFullLinkAloneNeverSatisfiesTheEntry() {
        let entry = leaf(
            [FixedControl("A", [.pass], evidence: .attested)],
            [Link(control: "A", entry: "E", relationship: .equal)]
        )
        #expect(entry?.status == .partiallyEvidenced)
        #expect(entry?.reason == "No failures, but the full link of A rests on the organisation's own attestation.")
    }

    @Test func missingEvidenceNextToPassesLeavesTheEntryPartlyEvidenced() {
        let entry = leaf(
            [FixedControl("A", [.pass, .notAssessed])],
            [Link(control: "A", entry: "E", relationship: .equal)]
        )
        #expect(entry?.status == .partiallyEvidenced)
        #expect(entry?.reason == "No failures, but some subjects of A could not be assessed.")
        #expect(entry?.passShare == 0.5)
    }

    @Test func weightsAreStrengthTimesSeverityTimesEvidenceFactor() throws {
        let framework = assess(
            [
                FixedControl("A", [.pass, .fail], severity: .critical),
                FixedControl("B", [.pass], severity: .low, evidence: .attested),
                FixedControl("C", [.notApplicable], severity: .medium),
            ],
            entries: [("E", nil), ("F", nil)],
            links: [
                Link(control: "A", entry: "E", strength: 3),
                Link(control: "B", entry: "E", strength: 4),
                Link(control: "C", entry: "F", strength: 9),
            ]
        )
        let entry = try #require(framework.entries.first)
        #expect(entry.links.map(\.weight) == [24, 2])
        // (24 × 0.5 + 2 × 1) ÷ (24 + 2)
        #expect(entry.passShare == 14.0 / 26.0)
        let score = try #require(framework.score)
        #expect(score.earned == 14)
        #expect(score.possible == 26)
        #expect(score.text == "54% (14.00 of 26.00)")
        #expect(score.posture == .mixed)
        #expect(framework.entries[1].status == .notApplicable)
    }

    @Test func aFrameworkWithoutALiveMappingHasNoScore() {
        let framework = assess(
            [FixedControl("A", [.notApplicable])],
            entries: [("E", nil), ("F", nil)],
            links: [Link(control: "A", entry: "E")]
        )
        #expect(framework.score == nil)
        #expect(framework.coverage == Ratio(1, of: 2))
        #expect(OverallPosture([framework]).scoreText == "n/a")
    }

    @Test func postureBandsAreJudgedOnTheUnroundedFraction() {
        #expect(Posture(0.8) == .strong)
        #expect(Posture(0.799_9) == .mixed)
        #expect(Posture(0.5) == .mixed)
        #expect(Posture(0.499_9) == .weak)
        #expect(Posture(0.99, hasCriticalGap: true) == .mixed, "a critical gap caps the posture at Mixed")
        #expect(Posture(0.6, hasCriticalGap: true) == .mixed)
        #expect(Posture(0.3, hasCriticalGap: true) == .weak)
        #expect(FrameworkScore(earned: 412.5, possible: 474).text == "87% (412.50 of 474.00)")
        #expect(FrameworkScore(earned: 1, possible: 200).text == "1% (1.00 of 200.00)")
    }

    /// A group over leaves E1…E4 whose statuses come from `controls` mapped one to one.
    private func group(_ statuses: [[ResultStatus]?]) -> EntryAssessment? {
        let controls = statuses.enumerated().compactMap { index, results in
            results.map { FixedControl("C\(index)", $0) }
        }
        let links = statuses.enumerated().compactMap { index, results in
            results.map { _ in Link(control: "C\(index)", entry: "E\(index)", relationship: .equal) }
        }
        let entries = [("G", nil)] + statuses.indices.map { ("E\($0)", "G") }
        return assess(controls, entries: entries, links: links).entries.first
    }

    @Test func aGroupWithAnyLeafWithGapsShowsGapsFoundAndItsCoverage() throws {
        let entry = try #require(group([[.fail], [.notAssessed], [.pass], nil]))
        #expect(entry.status == .gapsFound)
        #expect(entry.coverage == Ratio(3, of: 4))
        #expect(entry.reason == "Rolled up from 3 covered of 4 leaf entries.")
        #expect(entry.passShare == nil)
    }

    @Test func aGroupRollsUpOnlyItsApplicableCoveredLeaves() {
        #expect(group([[.pass], [.notApplicable], nil])?.status == .satisfied)
        #expect(group([[.notAssessed], [.notApplicable]])?.status == .notAssessed)
        #expect(group([[.pass], [.notAssessed]])?.status == .partiallyEvidenced)
        #expect(group([[.notApplicable], nil])?.status == .notApplicable)
        #expect(group([nil, nil])?.status == .notCovered)
    }

    @Test func groupsAreLeftOutOfCountsAndScores() throws {
        let framework = assess(
            [FixedControl("A", [.pass])],
            entries: [("G", nil), ("E", "G"), ("F", "G")],
            links: [Link(control: "A", entry: "E", relationship: .equal)]
        )
        #expect(framework.leafEntryCount == 2)
        #expect(framework.count(.satisfied) == 1)
        #expect(framework.count(.notCovered) == 1)
        #expect(try #require(framework.score).fraction == 1)
    }

    @Test func rollsUpAParentCycleBuiltInCodeWithoutLoopingForever() {
        let framework = assess(
            [FixedControl("C", [.pass])],
            entries: [("A", "B"), ("B", "A"), ("E", "A")],
            links: [Link(control: "C", entry: "E", relationship: .equal)]
        )
        #expect(framework.entries.map(\.entry.id) == ["A", "B", "E"])
        #expect(framework.entries.first { $0.entry.id == "E" }?.status == .satisfied)
        #expect(framework.entries.first { $0.entry.id == "A" }?.status == .satisfied)
    }

    @Test func rollsUpAHundredThousandLevelsDeepCatalog() {
        let depth = 100_000
        let entries = (0..<depth).map { level in
            CatalogEntry(id: "e\(level)", title: "", text: "", parent: level == 0 ? nil : "e\(level - 1)", kind: "x")
        }
        let catalog = Catalog(id: "deep", title: "Deep", version: "1", entries: entries, origin: "t", isBundled: false)
        let framework = FrameworkMapper().assess(
            Evaluation(now: Timestamp(secondsSinceEpoch: 0), outcomes: []),
            library: FrameworkLibrary(catalogs: [catalog], mappings: [])
        )[0]
        #expect(framework.entries.count == depth)
        #expect(framework.entries.first?.status == .notCovered)
        #expect(framework.entries.first?.coverage == Ratio(0, of: 1))
    }

    @Test func overallPostureAveragesUnroundedFrameworkScoresAndSumsEntries() throws {
        let strong = assess(
            [FixedControl("A", [.pass])],
            entries: [("E", nil)],
            links: [Link(control: "A", entry: "E", relationship: .equal)]
        )
        let half = assess(
            [FixedControl("A", [.pass, .fail])],
            entries: [("E", nil), ("F", nil)],
            links: [Link(control: "A", entry: "E")]
        )
        let overall = OverallPosture([strong, half])
        #expect(overall.score == 0.75)
        #expect(overall.posture == .mixed)
        #expect(overall.scoreText == "75%")
        #expect(overall.count(.satisfied) == 1)
        #expect(overall.count(.gapsFound) == 1)
        #expect(overall.count(.notCovered) == 1)
        #expect(overall.coverage == Ratio(2, of: 3))
    }
}
