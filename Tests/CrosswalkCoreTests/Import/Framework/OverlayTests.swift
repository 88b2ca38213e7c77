import CrosswalkTestSupport
import Testing

@testable import CrosswalkCore

/// The overlay file: loading with located errors, and filling gaps in the identities it selects.
struct OverlayTests {
    private func load(_ yaml: String) throws -> Overlay {
        try OverlayLoader().load(InputFile(path: "overlay.yaml", text: yaml)).0
    }

    private func apply(_ overlay: Overlay, to identities: [Identity]) -> ([Identity], [Diagnostic]) {
        var applier = OverlayApplier(overlay, file: "overlay.yaml")
        var identities = identities
        applier.apply(to: &identities)
        return (identities, applier.warnings)
    }

    @Test func fillsGapsExactIdsFirstThenGlobsInFileOrder() throws {
        let overlay = try load(
            """
            version: 1
            identities:
              - match: "arn:aws:iam::1:user/*"
                owner: cloud-team
                environment: staging
              - id: "arn:aws:iam::1:user/ci"
                owner: ci-team
              - match: "*"
                trust_zone: internal
                tags: {source: overlay}
            """
        )
        var ci = Identity(id: "arn:aws:iam::1:user/ci", name: "ci", kind: .serviceAccount)
        ci.unreported = [.owner, .environment, .trustZone]
        let tagged = Identity(
            id: "arn:aws:iam::1:user/app",
            name: "app",
            kind: .serviceAccount,
            owner: "app-team",
            tags: [Tag(key: "source", value: "aws")]
        )
        let (result, warnings) = apply(overlay, to: [ci, tagged])
        #expect(warnings.isEmpty)
        #expect(result[0].owner == "ci-team")  // the exact entry applies before the glob
        #expect(result[0].environment == "staging")
        #expect(result[0].trustZone == "internal")
        #expect(result[0].unreported.isEmpty)
        #expect(result[1].owner == "app-team")  // what the source reports stands
        #expect(result[1].tags == [Tag(key: "source", value: "aws")])
    }

    @Test func replaceOverwritesAndKindMarksAgents() throws {
        let overlay = try load(
            """
            version: 1
            identities:
              - id: sp-1
                replace: true
                owner: new-owner
                kind: agent
                credential_storage: vault
            """
        )
        let identity = Identity(
            id: "sp-1",
            name: "sp",
            kind: .serviceAccount,
            owner: "old",
            credentials: [Credential(id: "secret", type: .clientSecret)]
        )
        let (result, _) = apply(overlay, to: [identity])
        #expect(result[0].owner == "new-owner")
        #expect(result[0].kind == .agent)
        #expect(result[0].credentials[0].storage == .vault)
    }

    @Test func anEntrySelectingNothingIsReportedWithItsLine() throws {
        let overlay = try load(
            """
            version: 1
            identities:
              - id: nobody
                owner: x
            """
        )
        let (_, warnings) = apply(overlay, to: [Identity(id: "someone", name: "s", kind: .bot)])
        #expect(warnings.count == 1)
        #expect(warnings.first?.location?.line == 3)
        #expect(warnings.first?.message.contains("selects no identity") == true)
    }

    @Test func badEntriesAreLocatedErrors() {
        let lines = Fixtures.errorLines {
            _ = try load(
                """
                version: 1
                identities:
                  - owner: no-selector
                  - id: a
                    match: "b*"
                  - id: c
                    ownr: typo
                  - id: d
                    last_reviewed: last week
                """
            )
        }
        #expect(lines.contains { $0.contains("overlay.yaml:3") && $0.contains("expected id") })
        #expect(lines.contains { $0.contains("overlay.yaml:4") && $0.contains("not both") })
        #expect(lines.contains { $0.contains("overlay.yaml:7") && $0.contains("unknown key") })
        #expect(lines.contains { $0.contains("overlay.yaml:9") && $0.contains("ISO 8601") })
    }

    @Test func theOverlayAppliesToNativeInventoriesInAReport() throws {
        let request = CrosswalkPipeline.Request(
            inventoryFiles: [
                InputFile(
                    path: "inventory.yaml",
                    text: """
                        version: 1
                        identities:
                          - {id: a, kind: bot}
                          - {id: b, kind: bot, owner: b-team}
                        """
                )
            ],
            overlayFile: InputFile(
                path: "overlay.yaml",
                text: """
                    version: 1
                    identities:
                      - {match: "*", owner: default-team}
                    """
            ),
            now: ImportFixtures.evaluationTime
        )
        let report = try CrosswalkPipeline().run(request)
        let owners = report.evaluation.outcomes.first { $0.definition.id == "CW-LIFE-01" }
        #expect(owners?.count(.fail) == 0)
        #expect(owners?.count(.pass) == 2)
        #expect(report.metadata.inputs.contains { $0.role == .overlay && $0.path == "overlay.yaml" })
    }

    @Test func validateRecognisesAndChecksOverlays() throws {
        let named = InputFile(path: "org/overlay.yaml", text: "version: 1\nidentities:\n  - {id: a, owner: x}\n")
        let globbing = InputFile(path: "facts.yaml", text: "version: 1\nidentities:\n  - {match: \"a*\", ownr: x}\n")
        let inventory = InputFile(
            path: "facts.json",
            text: #"{"version": 1, "identities": [{"id": "a", "kind": "bot"}]}"#
        )
        #expect(try FileValidator.classify(named) == .overlay)
        #expect(try FileValidator.classify(globbing) == .overlay)
        #expect(try FileValidator.classify(inventory) == .inventory)
        let outcomes = FileValidator().validate([named, globbing]).outcomes
        #expect(outcomes[0].errors.isEmpty)
        #expect(outcomes[1].errors.first?.message.contains("unknown key") == true)
    }
}
