import CrosswalkCore
import Testing

/// Runs every example that every built-in control declares: one test case per control.
@Suite struct ControlExampleTests {
    static let controls: [ControlCase] = ControlRegistry.all.map(ControlCase.init)

    @Test(arguments: controls)
    func controlGivesEachExampleSubjectItsExpectedStatus(_ controlCase: ControlCase) throws {
        let control = controlCase.control
        for example in control.definition.examples {
            let inventoryFile = InputFile(
                path: "\(control.definition.id) \(example.name)/inventory.yaml",
                text: example.inventory
            )
            let policyFile = InputFile(
                path: "\(control.definition.id) \(example.name)/policy.yaml",
                text: example.policy
            )
            let (inventory, _) = try InventoryLoader().load([inventoryFile])
            let (policy, _) = try PolicyLoader().load(policyFile)
            let context = EvaluationContext(inventory: inventory, policy: policy, now: ControlExample.now)
            var recorder = ResultRecorder(keepPassing: true)
            control.evaluate(context, into: &recorder)
            var actual: [String: ResultStatus] = [:]
            for subject in recorder.passingSubjects { actual[subject.id] = .pass }
            for finding in recorder.findings { actual[finding.subject.id] = finding.status }
            for (subject, expected) in example.expected where expected != .notApplicable {
                #expect(actual[subject] == expected, "\(control.definition.id) '\(example.name)': subject \(subject)")
            }
            for (subject, expected) in example.expected where expected == .notApplicable {
                #expect(
                    actual[subject] == nil,
                    "\(control.definition.id) '\(example.name)': \(subject) should be not-applicable"
                )
            }
            for finding in recorder.findings where finding.status == .fail {
                #expect(!finding.evidence.isEmpty, "\(control.definition.id): every failure carries evidence")
            }
        }
    }

    @Test(arguments: controls)
    func controlExamplesIncludeAPassAndAFailure(_ controlCase: ControlCase) {
        let statuses = controlCase.control.definition.examples.flatMap(\.expected.values)
        #expect(statuses.contains(.pass), "\(controlCase.id) has a passing example")
        #expect(statuses.contains(.fail), "\(controlCase.id) has a failing example")
    }

    @Test func controlIDsAreUniqueAndWellFormed() {
        let ids = ControlRegistry.all.map(\.definition.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.hasPrefix("CW-"), "\(id)")
        }
    }
}

/// Wraps a control so Swift Testing can name each parameterised case by control id.
struct ControlCase: CustomTestStringConvertible, Sendable {
    let control: any Control
    var id: String { control.definition.id }
    var testDescription: String { id }
}
