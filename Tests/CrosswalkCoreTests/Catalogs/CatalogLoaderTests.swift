import CrosswalkCore
import CrosswalkTestSupport
import Testing

@Suite struct CatalogLoaderTests {
    @Test(arguments: [
        ("nist-csf-2.0", ["function": 6, "category": 22, "subcategory": 106]),
        ("nist-ai-rmf-1.0", ["function": 4, "category": 19, "subcategory": 72]),
        ("owasp-agentic-top10-2026", ["risk": 10]),
        ("owasp-agentic-threats-2025", ["threat": 15]),
        ("owasp-nhi-top10-2025", ["risk": 10]),
        ("csa-maestro", ["layer": 7, "category": 1, "threat": 55]),
    ])
    func bundlesCompleteCatalogs(_ id: String, _ counts: [String: Int]) throws {
        let library = try CatalogLoader().load()
        let catalog = try #require(library.catalog(withID: id))
        #expect(Dictionary(uniqueKeysWithValues: catalog.countsByKind.map { ($0.kind, $0.count) }) == counts)
        #expect(catalog.license != nil, "\(id) states its licence")
        #expect(!catalog.sourceURLs.isEmpty, "\(id) states its source")
    }

    @Test func mapsEveryControlIntoEveryCatalogItCanDefend() throws {
        let library = try CatalogLoader().load()
        for control in ControlRegistry.all {
            let mapped = Set(library.mappings(forControl: control.definition.id).map(\.catalogID))
            #expect(mapped.contains("nist-csf-2.0"), "\(control.definition.id) maps into NIST CSF 2.0")
            #expect(mapped.count >= 3, "\(control.definition.id) maps into at least three frameworks")
        }
    }

    @Test func mapsEveryNHITopTenEntry() throws {
        let library = try CatalogLoader().load()
        let mapped = Set(library.mappings.filter { $0.catalogID == "owasp-nhi-top10-2025" }.map(\.entryID))
        #expect(mapped == Set((1...10).map { "NHI\($0)" }))
    }

    @Test func linksNoBundledControlToAnEntryAsEqualOrSuperset() throws {
        let library = try CatalogLoader().load()
        let fullLinks = library.mappings
            .filter { $0.relationship == .equal || $0.relationship == .supersetOf }
            .map { "\($0.controlID) → \($0.catalogID) \($0.entryID)" }
        #expect(fullLinks == [], "frameworks/mappings/README.md says why no bundled link is a full link")
    }

    @Test func namesEveryThresholdInARationaleAsADefault() throws {
        let library = try CatalogLoader().load()
        let fixedNumbers = library.mappings
            .filter { $0.rationale.contains(/[0-9]+ (days|minutes)/) && !$0.rationale.contains("default") }
            .map { "\($0.controlID) → \($0.entryID)" }
        #expect(fixedNumbers == [])
    }

    @Test(arguments: [
        ("nist-csf-2.0", "NIST CSF 2.0"),
        ("nist-ai-rmf-1.0", "NIST AI RMF 1.0"),
        ("owasp-nhi-top10-2025", "OWASP NHI Top 10 2025"),
        ("owasp-agentic-top10-2026", "OWASP Agentic Top 10 2026"),
        ("owasp-agentic-threats-2025", "OWASP Agentic Threats 2025"),
        ("csa-maestro", "CSA MAESTRO"),
    ])
    func mappingReadmeStatesEachCatalogsMappingCount(_ id: String, _ name: String) throws {
        let readme = try Fixtures.text("frameworks/mappings/README.md")
        let count = try CatalogLoader().load().mappings.filter { $0.catalogID == id }.count
        #expect(readme.contains("**\(name)** (\(count) mappings"))
    }

    private func errors(_ files: [InputFile]) -> [String] {
        Fixtures.errorLines { _ = try CatalogLoader().load(user: files) }
    }

    @Test func rejectsDuplicateEntriesAndUnknownParents() {
        let catalog = """
            {"id": "mine", "title": "Mine", "version": "1", "entries": [
              {"id": "A", "title": "a", "parent": null, "kind": "function"},
              {"id": "A", "title": "again", "parent": null, "kind": "function"},
              {"id": "B", "title": "b", "parent": "Z", "kind": "category"}
            ]}
            """
        #expect(
            errors([InputFile(path: "mine.json", text: catalog)]) == [
                "mine.json:3:10: error: entries[1].id: duplicate entry id 'A' in catalog 'mine'; first at line 2",
                "mine.json:4:3: error: entries[2]: entry 'B' names parent 'Z', which catalog 'mine' does not define",
            ]
        )
    }

    @Test func rejectsParentCyclesNamingTheirEntries() {
        let catalog = """
            {"id": "loops", "title": "Loops", "version": "2", "entries": [
              {"id": "root", "title": "r"},
              {"id": "G2", "title": "g2", "parent": "G3"},
              {"id": "G1", "title": "g1", "parent": "G2"},
              {"id": "G3", "title": "g3", "parent": "G1"},
              {"id": "leaf", "title": "l", "parent": "G1"},
              {"id": "self", "title": "s", "parent": "self"}
            ]}
            """
        #expect(
            errors([InputFile(path: "loops.json", text: catalog)]) == [
                "loops.json:3:3: error: entries[1]: entries 'G2' → 'G3' → 'G1' → 'G2' form a parent cycle in catalog 'loops'; a chain of parents must end at an entry without a parent",
                "loops.json:7:3: error: entries[5]: entries 'self' → 'self' form a parent cycle in catalog 'loops'; a chain of parents must end at an entry without a parent",
            ]
        )
    }

    @Test func rejectsACatalogThatReusesABundledID() {
        let catalog = #"{"id": "nist-csf-2.0", "title": "Copy", "version": "1", "entries": []}"#
        #expect(
            errors([InputFile(path: "copy.json", text: catalog)]) == [
                "copy.json: error: id: catalog id 'nist-csf-2.0' is already defined by frameworks/catalogs/nist-csf-2.0.json; give this catalog its own id"
            ]
        )
    }

    @Test func validatesMappingTargetsStrengthsAndControls() {
        let mappings = """
            version: 1
            catalog: owasp-nhi-top10-2025
            mappings:
              - {control: CW-NOPE-01, entry: NHI1, relationship: equal, strength: 5, rationale: r}
              - {control: CW-LIFE-01, entry: NHI99, relationship: equal, strength: 5, rationale: r}
              - {control: CW-LIFE-01, entry: NHI1, relationship: same-as, strength: 5, rationale: r}
              - {control: CW-LIFE-01, entry: NHI1, relationship: equal, strength: 11, rationale: r}
              - {control: CW-LIFE-01, catalog: nist-csf-2.0, entry: GV, relationship: subset-of, strength: 3, rationale: r}
            """
        #expect(
            errors([InputFile(path: "extra.yaml", text: mappings)]) == [
                "extra.yaml:6:54: error: mappings[2].relationship: unknown relationship 'same-as'; expected equal, subset-of, superset-of or intersects-with",
                "extra.yaml:7:71: error: mappings[3].strength: strength 11 is out of range; expected a whole number from 1 to 10",
                "extra.yaml:4:5: error: mappings[0]: mapping names control 'CW-NOPE-01', which is not a Crosswalk control",
                "extra.yaml:5:5: error: mappings[1]: mapping names entry 'NHI99', which catalog 'owasp-nhi-top10-2025' does not define",
                "extra.yaml:8:5: error: mappings[4]: mapping targets 'GV', which groups other entries of 'nist-csf-2.0'; map to one of its leaf entries instead",
            ]
        )
    }

    @Test func addsUserCatalogsAndTheirMappings() throws {
        let catalog =
            #"{"id": "acme-policy", "title": "Acme policy", "version": "2026", "entries": [{"id": "AP-1", "title": "Keys rotate", "parent": null, "kind": "requirement"}]}"#
        let mappings =
            "version: 1\ncatalog: acme-policy\nmappings:\n  - {control: CW-CRED-02, entry: AP-1, relationship: equal, strength: 9, rationale: Same rule.}\n"
        let library = try CatalogLoader().load(user: [
            InputFile(path: "acme.json", text: catalog), InputFile(path: "acme-map.yaml", text: mappings),
        ])
        #expect(library.catalog(withID: "acme-policy")?.isBundled == false)
        #expect(
            library.mappings(forControl: "CW-CRED-02").contains {
                $0.catalogID == "acme-policy" && $0.entryID == "AP-1"
            }
        )
    }

    @Test func readsCatalogAndMappingScopesAMappingsOwnWinning() throws {
        let catalog =
            #"{"id": "agentic", "title": "Agentic", "version": "1", "scope": "ai-agents", "entries": [{"id": "A-1", "title": "One"}, {"id": "A-2", "title": "Two"}]}"#
        let mappings = """
            version: 1
            catalog: agentic
            mappings:
              - {control: CW-LIFE-01, entry: A-1, relationship: subset-of, strength: 3, rationale: r}
              - {control: CW-LIFE-01, entry: A-2, relationship: subset-of, strength: 3, rationale: r, scope: all}
            """
        let library = try CatalogLoader().load(user: [
            InputFile(path: "agentic.json", text: catalog), InputFile(path: "agentic-map.yaml", text: mappings),
        ])
        #expect(library.catalog(withID: "agentic")?.scope == .aiAgents)
        let scopes = library.mappings.filter { $0.catalogID == "agentic" }.map { "\($0.entryID) \($0.scope.rawValue)" }
        #expect(scopes == ["A-1 ai-agents", "A-2 all"])
        #expect(library.catalog(withID: "nist-csf-2.0")?.scope == .all)
        #expect(library.catalog(withID: "csa-maestro")?.scope == .aiAgents)
    }

    @Test func rejectsUnknownScopesWhereTheyAreWritten() {
        let catalog =
            #"{"id": "agentic", "title": "Agentic", "version": "1", "scope": "agents", "entries": [{"id": "A-1", "title": "One"}]}"#
        let mappings = """
            version: 1
            catalog: owasp-nhi-top10-2025
            mappings:
              - {control: CW-LIFE-01, entry: NHI1, relationship: subset-of, strength: 3, rationale: r, scope: humans}
            """
        #expect(
            errors([InputFile(path: "agentic.json", text: catalog), InputFile(path: "extra.yaml", text: mappings)]) == [
                "agentic.json:1:64: error: scope: unknown scope 'agents'; expected all or ai-agents",
                "extra.yaml:4:99: error: mappings[0].scope: unknown scope 'humans'; expected all or ai-agents",
            ]
        )
    }
}
