import CrosswalkCore

/// Runs imports and controls on them, for importer tests that assert identities and findings.
public enum ImportFixtures {
    /// 2026-11-01T00:00:00Z, the evaluation time importer tests use unless they give another.
    public static let evaluationTime = Timestamp(secondsSinceEpoch: 1_793_491_200)

    /// Imports fixture files (paths relative to the repository root) given as `(kind, path)`.
    public static func run(_ files: [(kind: String, path: String)]) throws -> ImportedInventory {
        try ImportSession.run(files.map { ImportSession.Input(kind: $0.kind, file: try Fixtures.file($0.path)) })
    }

    /// Imports exports given as text: `(kind, file name, text)`.
    public static func run(texts: [(kind: String, name: String, text: String)]) -> ImportedInventory {
        ImportSession.run(
            texts.map { ImportSession.Input(kind: $0.kind, file: InputFile(path: $0.name, text: $0.text)) }
        )
    }

    /// Every result of one control on the imported identities, by subject id (identity id,
    /// `identity/credential`, role id or platform), passes included.
    public static func results(
        of controlID: String,
        on imported: ImportedInventory,
        policy: Policy = Policy(),
        now: Timestamp = ImportFixtures.evaluationTime
    ) throws -> [String: ResultStatus] {
        let outcome = try self.outcome(of: controlID, on: imported, policy: policy, now: now, includePassing: true)
        var results: [String: ResultStatus] = [:]
        try outcome.forEachFinding { results[$0.subject.id] = $0.status }
        try outcome.forEachPassingSubject { results[$0.id] = .pass }
        return results
    }

    /// The findings (not passes) of one control on the imported identities.
    public static func findings(
        of controlID: String,
        on imported: ImportedInventory,
        policy: Policy = Policy(),
        now: Timestamp = ImportFixtures.evaluationTime
    ) throws -> [Finding] {
        let outcome = try self.outcome(of: controlID, on: imported, policy: policy, now: now, includePassing: false)
        var findings: [Finding] = []
        try outcome.forEachFinding { findings.append($0) }
        return findings
    }

    /// One control's outcome on the imported identities and roles, with the logging facts the
    /// exports show where the policy says nothing, as a run with `--import` judges them.
    private static func outcome(
        of controlID: String,
        on imported: ImportedInventory,
        policy: Policy,
        now: Timestamp,
        includePassing: Bool
    ) throws -> ControlOutcome {
        let inventory = Inventory(identities: imported.identities, roles: imported.roles)
        var effective = policy
        effective.logging.merge(imported.logging) { stated, _ in stated }
        let evaluation = ControlEvaluator().evaluate(
            EvaluationContext(inventory: inventory, policy: effective, now: now),
            includePassing: includePassing
        )
        guard let outcome = evaluation.outcomes.first(where: { $0.definition.id == controlID }) else {
            throw ImportFixtureError(message: "no control \(controlID)")
        }
        return outcome
    }
}

struct ImportFixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
