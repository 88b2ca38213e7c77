import CrosswalkCore
import Testing

/// The status and score rules for catalog entries (docs/assessment.md).
@Suite struct FrameworkMapperTests {
    /// A stand-in control whose subjects get fixed statuses.
    struct FixedControl: Control {
        let definition: ControlDefinition
        let statuses: [ResultStatus]

        init(_ id: String, _ statuses: [ResultStatus]) {
            definition = ControlDefinition(
                id: id,
                title: id,
                description: "",
                rationale: "",
                severity: .high,
                subjectKind: .identity,
                appliesTo: "all",
                evidenceFields: [],
                policyParameters: [],
                remediation: "",
                examples: []
            )
            self.statuses = statuses
        }

        func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
            for (index, status) in statuses.enumerated() {
                let subject = SubjectReference(
                    kind: .identity,
                    id: "\(definition.id)-\(index)",
                    name: "s",
                    identityID: "i\(index)"
                )
                switch status {
                case .pass: recorder.pass(subject)
                case .fail:
                    recorder.fail(subject, "failed", evidence: [Evidence(field: "f", observed: "o", expected: "e")])
                case .notAssessed: recorder.notAssessed(subject, "missing")
                case .notApplicable: recorder.notApplicable(subject)
                case .error: recorder.error(subject, "error")
                case .accepted: break
                }
            }
        }
    }

    /// One link of the test catalog: control, entry, relationship, strength.
    typealias Link = (control: String, entry: String, relationship: Relationship, strength: Int)

    /// Runs `controls` and maps them onto a flat catalog of `entries` through `links`.
    private func assess(_ controls: [FixedControl], entries: [String], links: [Link]) -> FrameworkAssessment {
        let catalog = Catalog(
            id: "cat",
            title: "Cat",
            version: "1",
            entries: entries.map { CatalogEntry(id: $0, title: $0, text: "", parent: nil, kind: "risk") },
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
                origin: "test"
            )
        }
        let context = EvaluationContext(
            inventory: Inventory(identities: [], roles: []),
            policy: Policy(),
            now: Timestamp(secondsSinceEpoch: 0)
        )
        let evaluation = ControlEvaluator(controls: controls).evaluate(context)
        return FrameworkMapper().assess(evaluation, library: FrameworkLibrary(catalogs: [catalog], mappings: mappings))[
            0
        ]
    }

    @Test(arguments: [
        ([([ResultStatus.pass], Relationship.equal)], EntryStatus.satisfied),
        ([([.pass, .pass], .supersetOf)], .satisfied),
        ([([.pass], .subsetOf)], .partiallySatisfied),
        ([([.pass], .intersectsWith)], .partiallySatisfied),
        ([([.pass], .subsetOf), ([.pass], .equal)], .satisfied),
        ([([.fail], .equal), ([.pass], .subsetOf)], .notSatisfied),
        ([([.fail], .supersetOf)], .notSatisfied),
        ([([.pass, .fail], .equal)], .partiallySatisfied),
        ([([.fail], .subsetOf), ([.pass], .subsetOf)], .partiallySatisfied),
        ([([.fail], .subsetOf)], .notSatisfied),
        ([([.fail, .notAssessed], .subsetOf)], .notSatisfied),
        ([([.notAssessed], .equal)], .notAssessed),
        ([([.error], .equal)], .notAssessed),
        ([([.pass, .notAssessed], .equal)], .partiallySatisfied),
        ([([.pass], .equal), ([.notAssessed], .subsetOf)], .partiallySatisfied),
        ([([.notApplicable], .equal)], .notAssessed),
        ([([.notApplicable], .equal), ([.pass], .equal)], .satisfied),
        ([], .notCovered),
    ])
    func givesEachCombinationOfResultsAndRelationshipsItsStatus(
        _ links: [([ResultStatus], Relationship)],
        _ expected: EntryStatus
    ) {
        let controls = links.enumerated().map { FixedControl("C\($0.offset)", $0.element.0) }
        let framework = assess(
            controls,
            entries: ["E"],
            links: links.enumerated().map { ("C\($0.offset)", "E", $0.element.1, 5) }
        )
        #expect(framework.entries.first?.status == expected)
    }

    @Test func rollsGroupsUpFromTheirEntriesWithoutScoringThem() {
        let catalog = Catalog(
            id: "cat",
            title: "Cat",
            version: "1",
            entries: [
                CatalogEntry(id: "G", title: "group", text: "", parent: nil, kind: "function"),
                CatalogEntry(id: "E", title: "entry", text: "", parent: "G", kind: "subcategory"),
                CatalogEntry(id: "U", title: "unmapped", text: "", parent: "G", kind: "subcategory"),
            ],
            origin: "test",
            isBundled: false
        )
        let mapping = Mapping(
            controlID: "P",
            catalogID: "cat",
            entryID: "E",
            relationship: .equal,
            strength: 5,
            rationale: "r",
            origin: "test"
        )
        let context = EvaluationContext(
            inventory: Inventory(identities: [], roles: []),
            policy: Policy(),
            now: Timestamp(secondsSinceEpoch: 0)
        )
        let evaluation = ControlEvaluator(controls: [FixedControl("P", [.pass])]).evaluate(context)
        let framework = FrameworkMapper().assess(
            evaluation,
            library: FrameworkLibrary(catalogs: [catalog], mappings: [mapping])
        )[0]
        let group = framework.entries.first { $0.entry.id == "G" }
        #expect(group?.status == .satisfied, "the only covered child is satisfied")
        #expect(group?.isScored == false)
        #expect(framework.scoredEntryCount == 2)
        #expect(framework.coverage == Ratio(1, of: 2))
    }

    /// Maps one passing control `P` onto entry `E` of a catalog with the given entries.
    private func assess(catalogEntries: [CatalogEntry]) -> FrameworkAssessment {
        let catalog = Catalog(
            id: "cat",
            title: "Cat",
            version: "1",
            entries: catalogEntries,
            origin: "test",
            isBundled: false
        )
        let mapping = Mapping(
            controlID: "P",
            catalogID: "cat",
            entryID: "E",
            relationship: .equal,
            strength: 5,
            rationale: "r",
            origin: "test"
        )
        let context = EvaluationContext(
            inventory: Inventory(identities: [], roles: []),
            policy: Policy(),
            now: Timestamp(secondsSinceEpoch: 0)
        )
        let evaluation = ControlEvaluator(controls: [FixedControl("P", [.pass])]).evaluate(context)
        return FrameworkMapper().assess(
            evaluation,
            library: FrameworkLibrary(catalogs: [catalog], mappings: [mapping])
        )[0]
    }

    @Test func rollsUpAParentCycleBuiltInCodeWithoutLoopingForever() {
        let framework = assess(catalogEntries: [
            CatalogEntry(id: "A", title: "a", text: "", parent: "B", kind: "group"),
            CatalogEntry(id: "B", title: "b", text: "", parent: "A", kind: "group"),
            CatalogEntry(id: "E", title: "e", text: "", parent: "A", kind: "risk"),
        ])
        #expect(framework.entries.map(\.entry.id) == ["A", "B", "E"])
        #expect(framework.entries.first { $0.entry.id == "E" }?.status == .satisfied)
        #expect(framework.entries.first { $0.entry.id == "A" }?.status == .satisfied)
    }

    @Test func rollsUpAHundredThousandLevelsDeepCatalog() {
        var entries = [CatalogEntry(id: "G0", title: "g", text: "", parent: nil, kind: "group")]
        for level in 1..<100_000 {
            entries.append(CatalogEntry(id: "G\(level)", title: "g", text: "", parent: "G\(level - 1)", kind: "group"))
        }
        entries.append(CatalogEntry(id: "E", title: "e", text: "", parent: "G99999", kind: "risk"))
        let framework = assess(catalogEntries: entries)
        #expect(framework.entries.count == 100_001)
        #expect(framework.entries.first?.status == .satisfied, "the root group rolls up its only leaf")
    }

    @Test func partialEntriesEarnTheirStrengthWeightedPassShareHalvedWithoutAFullLink() {
        // A: 3 of 4 subjects pass; B: 1 of 2 pass.
        let framework = assess(
            [FixedControl("A", [.pass, .pass, .pass, .fail]), FixedControl("B", [.pass, .fail])],
            entries: ["E", "F"],
            links: [("A", "E", .equal, 6), ("B", "E", .subsetOf, 2), ("B", "F", .subsetOf, 2)]
        )
        let credits = Dictionary(uniqueKeysWithValues: framework.entries.map { ($0.entry.id, $0.credit) })
        #expect(credits["E"] == (6 * 0.75 + 2 * 0.5) / 8, "E has an equal link: full weight")
        #expect(credits["F"] == 0.5 * 0.5, "F has only a subset-of link: halved")
        #expect(framework.score == Ratio(0.94, of: 2))
    }

    @Test func scoresCountEntryCreditsAndReportCoverageSeparately() {
        let framework = assess(
            [FixedControl("P", [.pass]), FixedControl("F", [.fail])],
            entries: ["A", "B", "C", "D"],
            links: [("P", "A", .equal, 5), ("P", "B", .subsetOf, 5), ("F", "C", .subsetOf, 5)]
        )
        #expect(framework.score == Ratio(1.5, of: 3), "A satisfied (1), B all-pass subset-of (½), C not satisfied (0)")
        #expect(framework.coverage == Ratio(3, of: 4))
        #expect(framework.count(.notCovered) == 1)
        #expect(framework.entries.first { $0.entry.id == "C" }?.affectedIdentityCount == 1)
    }

    @Test func overallPostureAveragesFrameworkScoresAndSumsEntries() {
        let controls = [FixedControl("P", [.pass]), FixedControl("F", [.fail])]
        let strong = assess(controls, entries: ["A", "B"], links: [("P", "A", .equal, 5)])
        let weak = assess(
            controls,
            entries: ["C", "D", "E", "F"],
            links: [("F", "C", .equal, 5), ("P", "D", .equal, 5)]
        )
        let overall = OverallPosture([strong, weak])
        #expect(overall.score == (1.0 + 0.5) / 2, "plain mean of 100% and 50%")
        #expect(overall.count(.satisfied) == 2 && overall.count(.notSatisfied) == 1 && overall.count(.notCovered) == 3)
        #expect(overall.coverage == Ratio(3, of: 6))
        #expect(OverallPosture([]).score == nil)
    }
}
