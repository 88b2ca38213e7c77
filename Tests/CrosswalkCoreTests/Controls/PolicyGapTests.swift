import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// A policy gap (`{=name}`) holds a value from the run's policy, so the JSON and XML reports state
/// it once, in the template's pattern. These tests prove, over every control's examples and the
/// bundled example runs, that each template's policy gaps hold one value per run: a control that
/// filled a policy gap from the subject would fail here rather than split its templates silently.
@Suite struct PolicyGapTests {
    /// The policy values of each template's results, by pattern, in one run.
    static func policyValues(_ findings: [Finding]) -> [String: Set<[String]>] {
        var values: [String: Set<[String]>] = [:]
        for finding in findings {
            values[finding.message.template.pattern, default: []].insert(
                BoundMessageTemplate(finding.message).policyValues
            )
        }
        return values
    }

    static func expectOneValuePerTemplate(_ findings: [Finding], run: String) {
        for (pattern, values) in policyValues(findings) {
            #expect(
                values.count == 1,
                "\(run): \(pattern) holds policy values \(values.sorted { $0.lexicographicallyPrecedes($1) })"
            )
            for value in values.joined() {
                #expect(
                    !value.contains("{") && !value.contains("}"),
                    "\(run): \(pattern): policy value \(value) has a brace"
                )
            }
        }
    }

    @Test(arguments: ControlExampleTests.controls)
    func everyExampleRunHoldsOnePolicyValuePerTemplate(_ controlCase: ControlCase) throws {
        let control = controlCase.control
        for example in control.definition.examples {
            let (inventory, _) = try InventoryLoader().load([
                InputFile(path: "\(controlCase.id) \(example.name)/inventory.yaml", text: example.inventory)
            ])
            let (policy, _) = try PolicyLoader().load(
                InputFile(path: "\(controlCase.id) \(example.name)/policy.yaml", text: example.policy)
            )
            var recorder = ResultRecorder(keepPassing: false)
            control.evaluate(
                EvaluationContext(inventory: inventory, policy: policy, now: ControlExample.now),
                into: &recorder
            )
            Self.expectOneValuePerTemplate(recorder.findings, run: "\(controlCase.id) '\(example.name)'")
        }
    }

    @Test func theExampleRunsHoldOnePolicyValuePerTemplateAndNeverSplitOne() throws {
        let runs = [
            ("example", try ReferenceReportTests.exampleReport()),
            ("multicloud", try CrosswalkPipeline().run(try MulticloudExample.request())),
        ]
        var policyGapResults = 0
        for (name, report) in runs {
            for outcome in report.evaluation.outcomes {
                let findings = try ReportExportTests.everyFinding(outcome)
                Self.expectOneValuePerTemplate(findings, run: "\(name) \(outcome.definition.id)")
                let patterns = outcome.templates.messages.all.map(\.template.pattern)
                #expect(
                    Set(patterns).count == patterns.count,
                    "\(name) \(outcome.definition.id): one entry per template"
                )
                policyGapResults += findings.filter { $0.message.template.isPolicyGap.contains(true) }.count
            }
        }
        #expect(policyGapResults > 10, "the example runs exercise policy gaps")
    }
}
