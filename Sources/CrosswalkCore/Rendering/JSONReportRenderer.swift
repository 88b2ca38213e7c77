import Foundation

/// Renders the machine-readable report (`crosswalk-report.json`, schema in docs/report-json.md).
///
/// Keys are sorted and output is pretty-printed so the same inputs and clock give the same bytes.
/// Every result that is not a pass is listed; passes are counted, and listed only when the run
/// includes passing subjects.
struct JSONReportRenderer {
    static let schemaID = "urn:crosswalk:report:1"

    func render(_ report: GapReport) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var data = try encoder.encode(Document(report))
        data.append(0x0A)
        return Array(data)
    }

    struct Document: Encodable {
        var schema = JSONReportRenderer.schemaID
        var run: Run
        var inputs: [Input]
        var inventory: InventoryFacts
        var keyFigures: Figures
        var catalogs: [CatalogFacts]
        var frameworks: [Framework]
        var controls: [ControlFacts]
        var topGaps: [GapFacts]
        var riskiestIdentities: [RiskyIdentityFacts]
        var warnings: [String]

        init(_ report: GapReport) {
            run = Run(
                tool: "crosswalk",
                toolVersion: report.metadata.toolVersion,
                generatedAt: report.metadata.generatedAt.iso8601,
                organization: report.metadata.organization,
                includesPassing: report.includesPassing
            )
            inputs = report.metadata.inputs.map {
                Input(role: $0.role.rawValue, path: $0.path, bytes: $0.byteCount, sha256: $0.sha256)
            }
            let summary = report.inventorySummary
            inventory = InventoryFacts(
                identities: summary.identityCount,
                agents: summary.agentCount,
                credentials: summary.credentialCount,
                roles: summary.roleCount,
                platforms: summary.platforms,
                kinds: Dictionary(uniqueKeysWithValues: summary.kinds.map { ($0.kind, $0.count) })
            )
            let figures = report.keyFigures
            keyFigures = Figures(
                identitiesWithOwner: Fraction(figures.identitiesWithOwner),
                agentsOnWorkloadIdentity: Fraction(figures.agentsOnWorkloadIdentity),
                staticSecretsWithinRotation: Fraction(figures.staticSecretsWithinRotation),
                activeExposedCredentials: figures.activeExposedCredentials
            )
            catalogs = report.library.catalogs.map { catalog in
                CatalogFacts(
                    id: catalog.id,
                    title: catalog.title,
                    version: catalog.version,
                    publisher: catalog.publisher,
                    license: catalog.license,
                    attribution: catalog.attribution,
                    sourceUrls: catalog.sourceURLs,
                    origin: catalog.origin,
                    bundled: catalog.isBundled,
                    entryCounts: Dictionary(uniqueKeysWithValues: catalog.countsByKind.map { ($0.kind, $0.count) })
                )
            }
            frameworks = report.frameworks.map(Framework.init)
            controls = report.evaluation.outcomes.map { ControlFacts($0, library: report.library) }
            topGaps = report.topGaps.map { gap in
                GapFacts(
                    control: gap.control.id,
                    severity: gap.control.severity.rawValue,
                    failingSubjects: gap.failingSubjects,
                    affectedIdentities: gap.affectedIdentities,
                    rank: gap.rank,
                    entries: gap.entries.map { EntryReference(catalog: $0.catalogID, entry: $0.entryID) }
                )
            }
            riskiestIdentities = report.riskiestIdentities.map {
                RiskyIdentityFacts(
                    id: $0.id,
                    name: $0.name,
                    kind: $0.kind,
                    platform: $0.platform,
                    owner: $0.owner,
                    riskScore: $0.riskScore,
                    failingControls: $0.failingControls
                )
            }
            warnings = report.warnings.map(\.description)
        }
    }

    struct RiskyIdentityFacts: Encodable {
        var id: String
        var name: String
        var kind: String
        var platform: String?
        var owner: String?
        var riskScore: Int
        var failingControls: [String]
    }

    struct Run: Encodable {
        var tool: String
        var toolVersion: String
        var generatedAt: String
        var organization: String?
        var includesPassing: Bool
    }

    struct Input: Encodable {
        var role: String
        var path: String
        var bytes: Int
        var sha256: String
    }

    struct InventoryFacts: Encodable {
        var identities: Int
        var agents: Int
        var credentials: Int
        var roles: Int
        var platforms: [String]
        var kinds: [String: Int]
    }

    /// A figure with its explicit numerator and denominator.
    struct Fraction: Encodable {
        var numerator: Double
        var denominator: Int
        var percent: Int?

        init(_ ratio: Ratio) {
            numerator = ratio.numerator
            denominator = ratio.denominator
            percent = ratio.denominator == 0 ? nil : Int((ratio.fraction * 100).rounded())
        }
    }

    struct Figures: Encodable {
        var identitiesWithOwner: Fraction
        var agentsOnWorkloadIdentity: Fraction
        var staticSecretsWithinRotation: Fraction
        var activeExposedCredentials: Int
    }

    struct CatalogFacts: Encodable {
        var id: String
        var title: String
        var version: String
        var publisher: String?
        var license: String?
        var attribution: String?
        var sourceUrls: [String]
        var origin: String
        var bundled: Bool
        var entryCounts: [String: Int]
    }

    struct Framework: Encodable {
        var catalog: String
        var score: Fraction?
        var coverage: Fraction
        var statusCounts: [String: Int]
        var assessed: Int
        var entries: [Entry]

        init(_ assessment: FrameworkAssessment) {
            catalog = assessment.catalog.id
            score = assessment.score.map(Fraction.init)
            coverage = Fraction(assessment.coverage)
            statusCounts = Dictionary(
                uniqueKeysWithValues: EntryStatus.allCases.map { ($0.rawValue, assessment.count($0)) }
            )
            assessed = assessment.assessedCount
            entries = assessment.entries.map { entry in
                Entry(
                    id: entry.entry.id,
                    kind: entry.entry.kind,
                    parent: entry.entry.parent,
                    status: entry.status.rawValue,
                    scored: entry.isScored,
                    affectedIdentities: entry.isScored ? entry.affectedIdentityCount : nil,
                    reason: entry.reason,
                    controls: entry.controls.map {
                        MappedControlFacts(
                            control: $0.mapping.controlID,
                            relationship: $0.mapping.relationship.rawValue,
                            strength: $0.mapping.strength,
                            controlStatus: $0.controlStatus.rawValue
                        )
                    }
                )
            }
        }
    }

    struct Entry: Encodable {
        var id: String
        var kind: String
        var parent: String?
        var status: String
        var scored: Bool
        var affectedIdentities: Int?
        var reason: String
        var controls: [MappedControlFacts]
    }

    struct MappedControlFacts: Encodable {
        var control: String
        var relationship: String
        var strength: Int
        var controlStatus: String
    }

    struct ControlFacts: Encodable {
        var id: String
        var title: String
        var description: String
        var rationale: String
        var severity: String
        var subjectKind: String
        var appliesTo: String
        var evidenceFields: [String]
        var policyParameters: [String]
        var remediation: String
        var status: String
        var counts: [String: Int]
        var passRate: Fraction?
        var affectedIdentities: Int
        var mappings: [MappingFacts]
        var results: [Result]
        var passingSubjects: [Subject]?

        init(_ outcome: ControlOutcome, library: FrameworkLibrary) {
            let definition = outcome.definition
            id = definition.id
            title = definition.title
            description = definition.description
            rationale = definition.rationale
            severity = definition.severity.rawValue
            subjectKind = definition.subjectKind.rawValue
            appliesTo = definition.appliesTo
            evidenceFields = definition.evidenceFields
            policyParameters = definition.policyParameters
            remediation = definition.remediation
            status = outcome.status.rawValue
            counts = Dictionary(uniqueKeysWithValues: ResultStatus.allCases.map { ($0.rawValue, outcome.count($0)) })
            passRate = outcome.passRate.map(Fraction.init)
            affectedIdentities = outcome.affectedIdentityCount
            mappings = library.mappings(forControl: definition.id).map {
                MappingFacts(
                    catalog: $0.catalogID,
                    entry: $0.entryID,
                    relationship: $0.relationship.rawValue,
                    strength: $0.strength,
                    rationale: $0.rationale
                )
            }
            results = outcome.findings.map { finding in
                Result(
                    subject: Subject(finding.subject),
                    status: finding.status.rawValue,
                    message: finding.message,
                    evidence: finding.evidence.map {
                        EvidenceFacts(field: $0.field, observed: $0.observed, expected: $0.expected)
                    }
                )
            }
            passingSubjects = outcome.passingSubjects.isEmpty ? nil : outcome.passingSubjects.map(Subject.init)
        }
    }

    struct MappingFacts: Encodable {
        var catalog: String
        var entry: String
        var relationship: String
        var strength: Int
        var rationale: String
    }

    struct Subject: Encodable {
        var kind: String
        var id: String
        var name: String
        var identity: String?

        init(_ subject: SubjectReference) {
            kind = subject.kind.rawValue
            id = subject.id
            name = subject.name
            identity = subject.identityID
        }
    }

    struct Result: Encodable {
        var subject: Subject
        var status: String
        var message: String
        var evidence: [EvidenceFacts]
    }

    struct EvidenceFacts: Encodable {
        var field: String
        var observed: String
        var expected: String
    }

    struct EntryReference: Encodable {
        var catalog: String
        var entry: String
    }

    struct GapFacts: Encodable {
        var control: String
        var severity: String
        var failingSubjects: Int
        var affectedIdentities: Int
        var rank: Int
        var entries: [EntryReference]
    }
}
