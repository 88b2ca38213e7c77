import CrosswalkTestSupport
import Testing

@testable import CrosswalkCore

/// The identities behind an entry's gaps: the count is the size of the listed set, role and
/// platform findings expand to identities, and the list is capped by input order.
@Suite struct AffectedIdentityTests {
    static func exampleReport() throws -> GapReport { try PrioritiesTests.exampleReport() }

    /// The control whose failures about a shared credential affect every identity sharing it.
    static let sharedCredentialControl = "CW-AUTH-02"

    /// The set the documented expansion rule gives, recomputed from the results: for each link of
    /// the entry with a failure, every fail, accepted or error result, expanded to the identity it
    /// belongs to, the agents bound to its role, or the identities on its platform.
    static func expandedIdentities(of entry: EntryAssessment, in report: GapReport) throws -> Set<String> {
        let identities = report.evaluation.identities.identities
        var expanded = Set<String>()
        for link in entry.links where link.isLive && link.counts.failing > 0 {
            let outcome = try #require(report.evaluation.outcome(for: link.mapping.controlID))
            try outcome.forEachFinding { finding in
                guard finding.status == .fail || finding.status == .accepted || finding.status == .error else {
                    return
                }
                let subject = finding.subject
                switch subject.kind {
                case .identity, .credential:
                    if let id = subject.identityID { expanded.insert(id) }
                case .role:
                    for identity in identities
                    where identity.isAgent && identity.roleBindings.contains(where: { $0.role == subject.id }) {
                        expanded.insert(identity.id)
                    }
                case .platform:
                    for identity in identities where identity.platform == subject.id {
                        expanded.insert(identity.id)
                    }
                }
            }
        }
        return expanded
    }

    @Test func everyEntrysCountIsTheSizeOfItsListAndMatchesTheExpansionRule() throws {
        let report = try Self.exampleReport()
        var checked = 0
        for framework in report.frameworks {
            for entry in framework.entries where entry.isLeaf {
                let list = entry.affectedIdentities
                let ids = list.listed.map(\.id)
                #expect(entry.affectedIdentityCount == list.count)
                #expect(list.omitted == 0, "the example is far below the cap")
                #expect(Set(ids).count == ids.count, "\(entry.entry.id) lists an identity twice")
                #expect(ids.count == list.count, "\(framework.catalog.id) \(entry.entry.id)")
                guard entry.status == .gapsFound, entry.links.allSatisfy({ $0.mapping.scope == .all }) else {
                    #expect(entry.status == .gapsFound || ids.isEmpty)
                    continue
                }
                let expanded = try Self.expandedIdentities(of: entry, in: report)
                let sharesCredentials = entry.links.contains {
                    $0.mapping.controlID == Self.sharedCredentialControl && $0.counts.failing > 0
                }
                if sharesCredentials {
                    #expect(expanded.isSubset(of: Set(ids)), "\(entry.entry.id)")
                } else {
                    #expect(Set(ids) == expanded, "\(framework.catalog.id) \(entry.entry.id)")
                }
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    @Test func roleAndPlatformFindingsExpandToTheirIdentities() throws {
        let report = try Self.exampleReport()
        let identities = report.evaluation.identities.identities
        let leaves = report.frameworks.flatMap(\.entries).filter { $0.status == .gapsFound }
        func failing(_ entry: EntryAssessment) -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: entry.affectedIdentities.listed.map { ($0.id, $0.failingControlIDs) })
        }
        func failsInScopeAll(_ entry: EntryAssessment, _ control: String) -> Bool {
            entry.links.contains {
                $0.mapping.controlID == control && $0.mapping.scope == .all && $0.counts.failing > 0
            }
        }
        let roleEntry = try #require(leaves.first { failsInScopeAll($0, "CW-AUTHZ-05") })
        let roleHolders = identities.filter { identity in
            identity.isAgent && identity.roleBindings.contains { $0.role == "agent-finops-worker" }
        }
        #expect(roleHolders.count >= 2)
        for holder in roleHolders {
            #expect(
                failing(roleEntry)[holder.id]?.contains("CW-AUTHZ-05") == true,
                "\(holder.id) holds the shared role"
            )
        }
        let platformEntry = try #require(leaves.first { failsInScopeAll($0, "CW-LOG-01") })
        let onGCP = identities.filter { $0.platform == "gcp" }
        #expect(!onGCP.isEmpty)
        for identity in onGCP {
            #expect(
                failing(platformEntry)[identity.id]?.contains("CW-LOG-01") == true,
                "\(identity.id) is on gcp, which does not log use"
            )
        }
    }

    static let mapping = Mapping(
        controlID: "CW-TEST-01",
        catalogID: "cat",
        entryID: "E1",
        relationship: .equal,
        strength: 10,
        rationale: "r",
        origin: "test",
        scope: .all
    )

    @Test func theListStopsAtTheCapInInputOrderAndCountsTheRest() throws {
        let identities = (0..<25).map { index in
            Identity(
                id: "nhi-\(index)",
                name: "identity \(index)",
                kind: .serviceAccount,
                owner: index.isMultiple(of: 2) ? "team-\(index)" : "  "
            )
        }
        var outcome = ControlOutcome(
            definition: try #require(ControlRegistry.all.first).definition,
            counts: [.fail: 25],
            findings: [],
            findingCount: 25
        )
        outcome.affectedIdentities = IdentitySet((0..<25).reversed().map(Int32.init))
        let mapping = Self.mapping
        let list = AffectedIdentityList([(mapping, outcome)], identities: identities, cap: 10)
        #expect(list.count == 25)
        #expect(list.listed.map(\.id) == (0..<10).map { "nhi-\($0)" })
        #expect(list.omitted == 15)
        #expect(list.displayed.count == AffectedIdentityList.displayLimit)
        #expect(list.listed[0].ownerText == "team-0")
        #expect(list.listed[1].ownerText == "no owner", "a blank owner is no owner")
        #expect(list.listed.allSatisfy { $0.failingControlIDs == [outcome.definition.id] })
    }

    @Test func aMappingWithoutAFailureInScopeAddsNobody() throws {
        var outcome = ControlOutcome(
            definition: try #require(ControlRegistry.all.first).definition,
            counts: [.notAssessed: 3],
            findings: [],
            findingCount: 3
        )
        outcome.affectedIdentities = IdentitySet([0, 1, 2])
        let mapping = Self.mapping
        let identities = (0..<3).map { Identity(id: "nhi-\($0)", name: "identity \($0)", kind: .serviceAccount) }
        let list = AffectedIdentityList([(mapping, outcome)], identities: identities)
        #expect(list.count == 0)
        #expect(list.listed.isEmpty)
    }
}
