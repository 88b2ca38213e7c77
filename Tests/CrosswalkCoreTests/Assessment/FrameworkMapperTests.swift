import CrosswalkCore
import Testing

/// The status rule for catalog entries, relationship by relationship (docs/assessment.md).
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

    private func status(_ links: [([ResultStatus], Relationship)]) -> EntryStatus {
        let controls = links.enumerated().map { FixedControl("C\($0.offset)", $0.element.0) }
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
        let mappings = links.enumerated().map {
            Mapping(
                controlID: "C\($0.offset)",
                catalogID: "cat",
                entryID: "E",
                relationship: $0.element.1,
                strength: 5,
                rationale: "r",
                origin: "test"
            )
        }
        let evaluation = ControlEvaluator(controls: controls).evaluate(
            EvaluationContext(
                inventory: Inventory(identities: [], roles: []),
                policy: Policy(),
                now: Timestamp(secondsSinceEpoch: 0)
            )
        )
        let assessment = FrameworkMapper().assess(
            evaluation,
            library: FrameworkLibrary(catalogs: [catalog], mappings: mappings)
        )
        return assessment[0].entries.first { $0.entry.id == "E" }?.status ?? .notCovered
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
        #expect(status(links) == expected)
    }

    @Test func partialEntriesEarnTheirStrengthWeightedPassShareHalvedWithoutAFullLink() {
        let catalog = Catalog(
            id: "cat",
            title: "Cat",
            version: "1",
            entries: ["E", "F"].map { CatalogEntry(id: $0, title: $0, text: "", parent: nil, kind: "risk") },
            origin: "test",
            isBundled: false
        )
        // A: 3 of 4 subjects pass; B: 1 of 2 pass.
        let controls = [FixedControl("A", [.pass, .pass, .pass, .fail]), FixedControl("B", [.pass, .fail])]
        let mappings = [
            Mapping(
                controlID: "A",
                catalogID: "cat",
                entryID: "E",
                relationship: .equal,
                strength: 6,
                rationale: "r",
                origin: "t"
            ),
            Mapping(
                controlID: "B",
                catalogID: "cat",
                entryID: "E",
                relationship: .subsetOf,
                strength: 2,
                rationale: "r",
                origin: "t"
            ),
            Mapping(
                controlID: "B",
                catalogID: "cat",
                entryID: "F",
                relationship: .subsetOf,
                strength: 2,
                rationale: "r",
                origin: "t"
            ),
        ]
        let evaluation = ControlEvaluator(controls: controls).evaluate(
            EvaluationContext(
                inventory: Inventory(identities: [], roles: []),
                policy: Policy(),
                now: Timestamp(secondsSinceEpoch: 0)
            )
        )
        let framework = FrameworkMapper().assess(
            evaluation,
            library: FrameworkLibrary(catalogs: [catalog], mappings: mappings)
        )[0]
        let credits = Dictionary(uniqueKeysWithValues: framework.entries.map { ($0.entry.id, $0.credit) })
        #expect(credits["E"] == (6 * 0.75 + 2 * 0.5) / 8, "E has an equal link: full weight")
        #expect(credits["F"] == 0.5 * 0.5, "F has only a subset-of link: halved")
        #expect(framework.score == Ratio(0.94, of: 2))
    }

    @Test func scoresCountPartialAsHalfAndReportCoverageSeparately() {
        let catalog = Catalog(
            id: "cat",
            title: "Cat",
            version: "1",
            entries: ["A", "B", "C", "D"].map { CatalogEntry(id: $0, title: $0, text: "", parent: nil, kind: "risk") },
            origin: "test",
            isBundled: false
        )
        let controls = [FixedControl("P", [.pass]), FixedControl("F", [.fail])]
        let mappings = [
            Mapping(
                controlID: "P",
                catalogID: "cat",
                entryID: "A",
                relationship: .equal,
                strength: 5,
                rationale: "r",
                origin: "t"
            ),
            Mapping(
                controlID: "P",
                catalogID: "cat",
                entryID: "B",
                relationship: .subsetOf,
                strength: 5,
                rationale: "r",
                origin: "t"
            ),
            Mapping(
                controlID: "F",
                catalogID: "cat",
                entryID: "C",
                relationship: .subsetOf,
                strength: 5,
                rationale: "r",
                origin: "t"
            ),
        ]
        let evaluation = ControlEvaluator(controls: controls).evaluate(
            EvaluationContext(
                inventory: Inventory(identities: [], roles: []),
                policy: Policy(),
                now: Timestamp(secondsSinceEpoch: 0)
            )
        )
        let framework = FrameworkMapper().assess(
            evaluation,
            library: FrameworkLibrary(catalogs: [catalog], mappings: mappings)
        )[0]
        #expect(framework.score == Ratio(1.5, of: 3), "A satisfied (1), B all-pass subset-of (½), C not satisfied (0)")
        #expect(framework.coverage == Ratio(3, of: 4))
        #expect(framework.count(.notCovered) == 1)
        #expect(framework.entries.first { $0.entry.id == "C" }?.affectedIdentityCount == 1)
    }
}
