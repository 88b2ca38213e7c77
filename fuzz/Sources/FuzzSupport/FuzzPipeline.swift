import CrosswalkCore

/// Runs fuzzed bytes through Crosswalk's pipeline the way `crosswalk report` does: load, evaluate
/// and map (and, for templates, render). Invalid input must end in a diagnostic; only a crash (a
/// trap, a sanitizer report, a stack overflow, a time-out) counts as a finding.
public enum FuzzPipeline {
    /// A fixed evaluation time, so runs are reproducible.
    public static let now = Timestamp(secondsSinceEpoch: 1_793_491_200)  // 2026-11-01T00:00:00Z

    /// A small, valid inventory for targets that fuzz something else (policy, catalogs).
    public static let sampleInventory = InputFile(
        path: "inventory.yaml",
        text: """
            version: 1
            organization: Fuzz Corp
            roles:
              - {id: admin, permissions: ["*"], administrative: true}
              - {id: reader, permissions: ["s3:GetObject"]}
            identities:
              - id: orchestrator
                kind: agent
                owner: team-a
                platform: aws
                environment: production
                trust_zone: support
                authentication: workload-identity
                tools: [kb.search, tickets.update]
                role_bindings: [reader]
                created: 2025-01-01T00:00:00Z
                last_used: 2026-10-30T00:00:00Z
              - id: sub-agent
                kind: agent
                owner: team-a
                spawned_by: orchestrator
                platform: aws
                trust_zone: payments
                role_bindings: [admin]
                credentials:
                  - {id: key-1, type: api-key, created: 2024-01-01, storage: env-var, shared_with: [ci-bot]}
              - id: ci-bot
                kind: ci-job
                platform: github
                credentials:
                  - {id: token-1, type: token, ttl_seconds: 7200, created: 2026-10-01}
                  - id: key-2
                    type: access-key
                    created: 2023-05-01
                    last_rotated: 2024-01-01
                    exposures: [{detected: 2026-09-01, source: scanner}]
            """
    )

    /// The bytes as an input file of the given name (its extension picks the parser).
    public static func file(_ data: UnsafePointer<UInt8>, _ size: Int, path: String) -> InputFile {
        InputFile(path: path, bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    }

    /// `json` when the first non-blank byte opens a JSON object, otherwise `yaml`.
    public static func guessedExtension(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        for byte in UnsafeBufferPointer(start: data, count: size) where byte != 0x20 && byte != 0x0A && byte != 0x09 {
            return byte == UInt8(ascii: "{") ? "json" : "yaml"
        }
        return "yaml"
    }

    /// The bundled catalogs and mappings, loaded once per process.
    static let library: FrameworkLibrary? = try? CatalogLoader().load()

    /// A small catalog standing in for the bundled ones when user catalog files are fuzzed, so each
    /// input is checked against a library without re-reading every bundled file.
    static let stubCatalog = InputFile(
        path: "frameworks/catalogs/stub.json",
        text: """
            {"id": "stub", "title": "Stub", "version": "1", "entries": [
              {"id": "S", "title": "Section", "kind": "section"},
              {"id": "S-1", "title": "Owners", "parent": "S"},
              {"id": "S-2", "title": "Secrets", "parent": "S"}]}
            """
    )

    /// Loads the inventory and policy, evaluates every control and maps the results onto the
    /// bundled catalogs (or onto `catalogs` loaded beside a stub). Input errors are expected outcomes.
    public static func run(inventory: [InputFile], policy: InputFile? = nil, catalogs: [InputFile] = []) {
        guard let loaded = try? InventoryLoader().load(inventory) else { return }
        var snapshot = Policy()
        if let policy {
            guard let loadedPolicy = try? PolicyLoader().load(policy) else { return }
            snapshot = loadedPolicy.0
        }
        let library: FrameworkLibrary?
        if catalogs.isEmpty {
            library = Self.library
        } else {
            library = try? CatalogLoader().load(bundled: [stubCatalog], user: catalogs)
        }
        guard let library else { return }
        let evaluation = ControlEvaluator().evaluate(
            EvaluationContext(inventory: loaded.0, policy: snapshot, now: now),
            includePassing: true
        )
        _ = FrameworkMapper().assess(evaluation, library: library)
    }

    /// Renders `report` as `document` with `templates`; template errors are expected outcomes.
    public static func render(_ report: GapReport, as document: ReportDocument, templates: ReportTemplates) {
        _ = try? RendererRegistry(templates: templates).render(report, as: document)
    }

    /// A report of ``sampleInventory``, built once, for the template target.
    /// Only the smallest bundled framework is reported on, so rendering stays quick.
    public static let sampleReport: GapReport? = try? CrosswalkPipeline().run(
        CrosswalkPipeline.Request(inventoryFiles: [sampleInventory], frameworks: ["owasp-nhi-top10-2025"], now: now)
    )
}
