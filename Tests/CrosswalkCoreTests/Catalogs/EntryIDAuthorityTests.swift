import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// The catalog key `entry_ids` says whether entry ids are the framework's own or Crosswalk's.
@Suite struct EntryIDAuthorityTests {
    static func catalog(_ entryIDs: String?) -> InputFile {
        let key = entryIDs.map { "\"entry_ids\": \"\($0)\", " } ?? ""
        return InputFile(
            path: "mine.json",
            text: """
                {"id": "mine", "title": "Mine", "version": "1", \(key)"entries": [{"id": "T-01", "title": "Threat"}]}
                """
        )
    }

    @Test func bundledMaestroIdsAreCrosswalksAndEveryOtherCatalogsAreOfficial() throws {
        let library = try CatalogLoader().load()
        let authorities = Dictionary(uniqueKeysWithValues: library.catalogs.map { ($0.id, $0.entryIDs) })
        #expect(authorities.filter { $0.value == .crosswalk }.keys.sorted() == ["csa-maestro"])
        #expect(authorities.count == 6)
    }

    @Test(arguments: [(nil, EntryIDAuthority.official), ("official", .official), ("crosswalk", .crosswalk)])
    func userCatalogsDeclareWhoAssignedTheirIds(_ value: String?, _ expected: EntryIDAuthority) throws {
        let library = try CatalogLoader().load(user: [Self.catalog(value)])
        #expect(library.catalog(withID: "mine")?.entryIDs == expected)
    }

    @Test func anUnknownValueIsALocatedError() {
        let errors = Fixtures.errorLines { _ = try CatalogLoader().load(user: [Self.catalog("ours")]) }
        #expect(
            errors == [
                "mine.json:1:62: error: entry_ids: unknown value 'ours'; expected official (ids the framework itself uses) or crosswalk (ids Crosswalk assigned)"
            ]
        )
    }
}
