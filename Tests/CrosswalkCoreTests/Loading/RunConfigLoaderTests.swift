import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing
import Yams

/// The `crosswalk run` config: every key read, paths resolved against the config's folder, and
/// every mistake a located error.
@Suite struct RunConfigLoaderTests {
    static let formats = ["md", "html", "json", "xml", "csv", "junit", "sarif", "oscal"]

    private func load(_ yaml: String, path: String = "ops/crosswalk.yaml") throws -> RunConfig {
        try RunConfigLoader(knownFormats: Self.formats).load(InputFile(path: path, text: yaml))
    }

    private func errors(_ yaml: String, path: String = "ops/crosswalk.yaml") -> [String] {
        Fixtures.errorLines { _ = try load(yaml, path: path) }
    }

    @Test func readsEveryKeyAndResolvesPathsAgainstTheConfigFolder() throws {
        let config = try load(
            """
            version: 1
            inputs:
              folder: ../examples/acme
              inventories: [extra.jsonl, /data/more.yaml]
              imports:
                - {kind: kubernetes, path: exports/cluster.json}
                - {kind: auto, path: ./exports/report.csv}
              policy: policy.yaml
              overlay: overlay.yaml
              waivers: waivers.yaml
              catalogs: [catalogs/extra.yaml]
            frameworks: [owasp-nhi-top10-2025, nist-csf-2.0]
            output:
              root: /srv/crosswalk
              formats: [html, json, html]
              pretty_json: true
              templates: brand
              sign: keys/crosswalk
              include_passing: true
            history:
              database: state/history.sqlite
              retention: {runs: 30, days: 90}
            gates:
              new_failures_at_or_above: high
              fail_on: critical
              minimum_scores: {owasp-nhi-top10-2025: 70, nist-csf-2.0: 55.5}
              maximum_score_drop: 5
              require_complete_evidence: true
            limits:
              max_input_size: 500M
            """
        )
        #expect(config.inputs.folder == "examples/acme")
        #expect(config.inputs.inventories == ["ops/extra.jsonl", "/data/more.yaml"])
        #expect(
            config.inputs.imports == [
                RunConfig.ImportInput(kind: "kubernetes", path: "ops/exports/cluster.json"),
                RunConfig.ImportInput(kind: "auto", path: "ops/exports/report.csv"),
            ]
        )
        #expect(config.inputs.policy == "ops/policy.yaml")
        #expect(config.inputs.overlay == "ops/overlay.yaml")
        #expect(config.inputs.waivers == "ops/waivers.yaml")
        #expect(config.inputs.catalogs == ["ops/catalogs/extra.yaml"])
        #expect(config.frameworks.map(\.value) == ["owasp-nhi-top10-2025", "nist-csf-2.0"])
        #expect(config.output.root == "/srv/crosswalk")
        #expect(config.output.formats == ["html", "json"])
        #expect(config.output.prettyJSON)
        #expect(config.output.templates == "ops/brand")
        #expect(config.output.sign == "ops/keys/crosswalk")
        #expect(config.output.includePassing)
        #expect(config.history.database == "ops/state/history.sqlite")
        #expect(config.history.retention == RunRetention(runs: 30, days: 90))
        #expect(
            config.gates
                == GatePolicy(
                    newFailuresAtOrAbove: .high,
                    minimumScores: ["owasp-nhi-top10-2025": 70, "nist-csf-2.0": 55.5],
                    maximumScoreDrop: 5,
                    requireCompleteEvidence: true,
                    failuresAtOrAbove: .critical
                )
        )
        #expect(config.maxInputSize?.value == "500M")
        #expect(config.maxInputSize?.keyPath == "limits.max_input_size")
    }

    @Test func defaultsEveryFormatAndPutsTheDatabaseInTheOutputRoot() throws {
        let config = try load("version: 1\ninputs: {folder: acme}\noutput: {root: runs}\n")
        #expect(config.output.formats == nil)
        #expect(config.history.database == "ops/runs/history.sqlite")
        #expect(config.history.retention == RunRetention())
        #expect(config.gates.isEmpty)
        #expect(!config.output.prettyJSON && !config.output.includePassing)
    }

    @Test func readsTheSameConfigFromJSON() throws {
        let config = try load(
            #"{"version": 1, "inputs": {"inventories": ["a.json"]}, "output": {"root": "out"}, "gates": {"fail_on": "low"}}"#,
            path: "crosswalk.json"
        )
        #expect(config.inputs.inventories == ["a.json"])
        #expect(config.output.root == "out")
        #expect(config.gates.failuresAtOrAbove == .low)
    }

    @Test func namesTheKeyPathLineAndColumnOfEveryUnknownKey() {
        let lines = errors(
            """
            version: 1
            inputs:
              folder: acme
              inventory: a.yaml
            output:
              root: out
            history:
              retention: {runs: 3, weeks: 2}
            gate: {}
            """
        )
        #expect(
            lines == [
                "ops/crosswalk.yaml:9:1: error: gate: unknown key 'gate'; expected version, inputs, frameworks, output, history, gates, limits",
                "ops/crosswalk.yaml:4:3: error: inputs.inventory: unknown key 'inventory'; expected folder, inventories, imports, policy, overlay, waivers, catalogs",
                "ops/crosswalk.yaml:8:24: error: history.retention.weeks: unknown key 'weeks'; expected runs, days",
            ]
        )
    }

    @Test func reportsEveryBadValueWithWhatWasExpected() {
        let lines = errors(
            """
            version: 1
            inputs:
              imports: [{kind: mainframe, path: x.csv}]
            output: {root: out, formats: [pdf], pretty_json: "yes"}
            history: {retention: {runs: 0}}
            gates:
              fail_on: severe
              minimum_scores: {nist-csf-2.0: 120}
              maximum_score_drop: -1
            """
        )
        #expect(lines.count == 7, "\(lines)")
        #expect(
            lines.contains {
                $0.hasPrefix("ops/crosswalk.yaml:3:20: error: inputs.imports[0].kind: unknown import kind 'mainframe'")
            }
        )
        #expect(
            lines.contains { $0.hasPrefix("ops/crosswalk.yaml:4:31: error: output.formats[0]: unknown format 'pdf'") }
        )
        #expect(
            lines.contains("ops/crosswalk.yaml:4:50: error: output.pretty_json: expected true or false, found a string")
        )
        #expect(
            lines.contains(
                "ops/crosswalk.yaml:5:29: error: history.retention.runs: expected a whole number of 1 or more"
            )
        )
        #expect(
            lines.contains(
                "ops/crosswalk.yaml:7:12: error: gates.fail_on: expected critical, high, medium or low, found 'severe'"
            )
        )
        #expect(
            lines.contains(
                "ops/crosswalk.yaml:8:34: error: gates.minimum_scores.nist-csf-2.0: expected a percentage from 0 to 100"
            )
        )
        #expect(
            lines.contains(
                "ops/crosswalk.yaml:9:23: error: gates.maximum_score_drop: expected a number of percentage points, 0 or more"
            )
        )
    }

    @Test func requiresVersionInputsAndAnOutputRoot() {
        #expect(
            errors("inputs: {folder: a}\noutput: {root: out}\n") == [
                "ops/crosswalk.yaml:1:1: error: missing required key 'version' (the run config format version, 1)"
            ]
        )
        #expect(
            errors("version: 2\n") == [
                "ops/crosswalk.yaml:1:10: error: version: unsupported run config version 2; this build of Crosswalk reads version 1"
            ]
        )
        let lines = errors("version: 1\ninputs: {policy: p.yaml}\noutput: {formats: [md]}\n")
        #expect(lines.contains { $0.contains("inputs: name what to read") }, "\(lines)")
        #expect(lines.contains { $0.contains("missing required key 'root'") }, "\(lines)")
    }

    @Test func namesCatalogIDsThatNoLoadedCatalogHasWithTheirPlace() throws {
        let config = try load(
            """
            version: 1
            inputs: {folder: acme}
            frameworks: [nist-csf-2.0, nist-csf-3.0]
            output: {root: out}
            gates:
              minimum_scores: {owasp-top10: 50}
            """
        )
        #expect(
            config.unknownCatalogs(known: ["nist-csf-2.0", "csa-maestro"]).map(\.description) == [
                "ops/crosswalk.yaml:3:28: error: frameworks[1]: unknown catalog id 'nist-csf-3.0'; expected one of nist-csf-2.0, csa-maestro (see `crosswalk catalogs`)",
                "ops/crosswalk.yaml:6:20: error: gates.minimum_scores.owasp-top10: unknown catalog id 'owasp-top10'; expected one of nist-csf-2.0, csa-maestro (see `crosswalk catalogs`)",
            ]
        )
    }

    @Test func resolvesDotStepsByNameAndKeepsAbsolutePaths() {
        #expect(RunConfigLoader.join("examples/nightly", "../acme") == "examples/acme")
        #expect(RunConfigLoader.join("examples/nightly", "../../nightly-reports") == "nightly-reports")
        #expect(RunConfigLoader.join("ops", "../../shared/x") == "../shared/x")
        #expect(RunConfigLoader.join("", "./a/./b") == "a/b")
        #expect(RunConfigLoader.join("/etc/crosswalk", "../data") == "/etc/data")
        #expect(RunConfigLoader.join("ops", "/abs/path") == "/abs/path")
        #expect(RunConfigLoader.join("ops", "..") == ".")
    }

    @Test func theNightlyExampleLoads() throws {
        let config = try RunConfigLoader(knownFormats: Self.formats).load(
            Fixtures.file("examples/nightly/crosswalk.yaml")
        )
        #expect(config.inputs.folder == "examples/acme")
        #expect(config.output.root == "nightly-reports")
        #expect(config.history.database == "nightly-reports/history.sqlite")
        #expect(!config.gates.isEmpty)
        #expect(config.history.retention.runs != nil && config.history.retention.days != nil)
        let known = try CatalogLoader().load().catalogs.map(\.id)
        #expect(config.unknownCatalogs(known: known).isEmpty)
    }

    @Test func theSchedulingManifestsAreValidYAML() throws {
        let cronJob = try #require(
            try Yams.load(yaml: Fixtures.text("examples/nightly/kubernetes/cronjob.yaml")) as? [String: Any]
        )
        #expect(cronJob["kind"] as? String == "CronJob")
        let spec = try #require(cronJob["spec"] as? [String: Any])
        #expect(spec["concurrencyPolicy"] as? String == "Forbid")
        let documents = try Array(Yams.load_all(yaml: Fixtures.text("examples/nightly/kubernetes/pvc.yaml")))
        #expect((documents.first as? [String: Any])?["kind"] as? String == "PersistentVolumeClaim")
    }

    @Test func theExampleConfigsMatchTheJSONSchemaAndItRejectsAnUnknownKey() throws {
        guard PythonClient.available("jsonschema") else {
            #expect(!PythonClient.required, "CI installs Python's jsonschema")
            return
        }
        let folder = try CommandRunner.temporaryDirectory()
        var paths: [String] = []
        for (index, source) in [
            "examples/nightly/crosswalk.yaml", "examples/nightly/kubernetes/crosswalk.yaml",
        ].enumerated() {
            let value = try #require(try Yams.load(yaml: Fixtures.text(source)))
            let path = folder.appendingPathComponent("config\(index).json").path
            try JSONSerialization.data(withJSONObject: value).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let bad = folder.appendingPathComponent("bad.json").path
        try Data(#"{"version": 1, "inputs": {"folder": "a"}, "output": {"root": "r", "colour": true}}"#.utf8)
            .write(to: URL(fileURLWithPath: bad))
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            validator = Draft202012Validator(json.load(open(sys.argv[1])))
            for path in sys.argv[2:]:
                print(path.rsplit("/", 1)[-1], len(list(validator.iter_errors(json.load(open(path))))))
            """
        let result = try PythonClient.run(
            script: script,
            arguments: [Fixtures.url("schemas/run-config-v1.schema.json").path] + paths + [bad]
        )
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "config0.json 0\nconfig1.json 0\nbad.json 1\n")
    }
}
