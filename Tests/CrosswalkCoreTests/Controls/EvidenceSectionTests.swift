import CrosswalkCore
import Testing

/// Withholding an evidence section of the policy never helps: every control that reads one
/// reports *not assessed* (or, for lists of what is allowed or guarded, fails) where it is
/// missing, never *pass* or *not applicable* (docs/assessment.md, section 6).
@Suite struct EvidenceSectionTests {
    /// Policy sections that are evidence, not rules with defaults.
    static let evidenceSections: Set<String> = [
        "logging", "sensitive_actions", "runtime_checks", "approval_workflows", "approved_tools",
        "trust_zone_crossings_allowed",
    ]

    /// One control reading one section, with what each subject gets when the section is present
    /// and when it is removed.
    struct Case: CustomTestStringConvertible, Sendable {
        var controlID: String
        var section: String
        var withSection: [String: ResultStatus]
        var withoutSection: [String: ResultStatus]
        var testDescription: String { "\(controlID) without \(section)" }
    }

    static let inventory = """
        version: 1
        roles:
          - {id: payments, permissions: ["payments:*"]}
        identities:
          - {id: lead, kind: agent, platform: aws, trust_zone: support, tools: [kb.search], role_bindings: [payments]}
          - {id: helper, kind: agent, platform: aws, trust_zone: customer-data, spawned_by: lead, tools: [email.send]}
          - {id: svc, kind: service-account, platform: gcp}
          - {id: loose, kind: bot}
        """

    /// The complete policy, section by section.
    static let sections: [(key: String, text: String)] = [
        (
            "logging",
            """
            logging:
              aws: {issuance: true, use: true, revocation: true, retention_days: 400}
              gcp: {issuance: true, use: true, revocation: true, retention_days: 400}
            """
        ),
        (
            "sensitive_actions",
            """
            sensitive_actions:
              - {action: "payments:Refund", requires_approval: true}
              - {action: email.send, requires_approval: true}
            """
        ),
        ("runtime_checks", #"runtime_checks: ["payments:*", "email.*"]"#),
        ("approval_workflows", #"approval_workflows: ["payments:*", "email.*"]"#),
        ("approved_tools", "approved_tools: [kb.search, email.send]"),
        (
            "trust_zone_crossings_allowed",
            """
            trust_zone_crossings_allowed:
              - {from: support, to: customer-data}
            """
        ),
    ]

    static let cases: [Case] = [
        Case(
            controlID: "CW-LOG-01",
            section: "logging",
            withSection: ["aws": .pass, "gcp": .pass, PlatformSubjects.noPlatformID: .notAssessed],
            withoutSection: ["aws": .notAssessed, "gcp": .notAssessed, PlatformSubjects.noPlatformID: .notAssessed]
        ),
        Case(
            controlID: "CW-LOG-02",
            section: "logging",
            withSection: ["aws": .pass, "gcp": .pass, PlatformSubjects.noPlatformID: .notAssessed],
            withoutSection: ["aws": .notAssessed, "gcp": .notAssessed, PlatformSubjects.noPlatformID: .notAssessed]
        ),
        Case(
            controlID: "CW-AUTHZ-03",
            section: "sensitive_actions",
            withSection: ["lead": .pass, "helper": .pass, "svc": .notApplicable, "loose": .notApplicable],
            withoutSection: [
                "lead": .notAssessed, "helper": .notAssessed, "svc": .notApplicable, "loose": .notApplicable,
            ]
        ),
        Case(
            controlID: "CW-AUTHZ-03",
            section: "runtime_checks",
            withSection: ["lead": .pass, "helper": .pass, "svc": .notApplicable, "loose": .notApplicable],
            withoutSection: ["lead": .fail, "helper": .fail, "svc": .notApplicable, "loose": .notApplicable]
        ),
        Case(
            controlID: "CW-AUTHZ-04",
            section: "sensitive_actions",
            withSection: ["lead": .pass, "helper": .pass, "svc": .notApplicable, "loose": .notApplicable],
            withoutSection: [
                "lead": .notAssessed, "helper": .notAssessed, "svc": .notApplicable, "loose": .notApplicable,
            ]
        ),
        Case(
            controlID: "CW-AUTHZ-04",
            section: "approval_workflows",
            withSection: ["lead": .pass, "helper": .pass, "svc": .notApplicable, "loose": .notApplicable],
            withoutSection: ["lead": .fail, "helper": .fail, "svc": .notApplicable, "loose": .notApplicable]
        ),
        Case(
            controlID: "CW-AGENT-04",
            section: "approved_tools",
            withSection: ["lead": .pass, "helper": .pass, "svc": .notApplicable, "loose": .notApplicable],
            withoutSection: [
                "lead": .notAssessed, "helper": .notAssessed, "svc": .notApplicable, "loose": .notApplicable,
            ]
        ),
        Case(
            controlID: "CW-AGENT-02",
            section: "trust_zone_crossings_allowed",
            withSection: ["lead": .notApplicable, "helper": .pass, "svc": .notApplicable, "loose": .notApplicable],
            withoutSection: ["lead": .notApplicable, "helper": .fail, "svc": .notApplicable, "loose": .notApplicable]
        ),
    ]

    @Test(arguments: cases)
    func removingTheSectionNeverTurnsAResultIntoAPassOrNotApplicable(_ testCase: Case) throws {
        let control = try #require(ControlRegistry.control(withID: testCase.controlID))
        let full = try Self.statuses(of: control, policy: Self.policy(without: nil))
        let withheld = try Self.statuses(of: control, policy: Self.policy(without: testCase.section))
        #expect(full == testCase.withSection, "\(testCase.controlID) with every section")
        #expect(withheld == testCase.withoutSection, "\(testCase.controlID) without \(testCase.section)")
        for (subject, status) in withheld where status == .pass || status == .notApplicable {
            #expect(full[subject] == status, "\(subject) must not gain a \(status.rawValue) result")
        }
        #expect(withheld != full, "removing \(testCase.section) changes what \(testCase.controlID) reports")
    }

    @Test func everyControlReadingAnEvidenceSectionIsCovered() {
        let covered = Set(Self.cases.map { "\($0.controlID) \($0.section)" })
        for control in ControlRegistry.all {
            for parameter in control.definition.policyParameters {
                let section = String(parameter.prefix { $0 != "." })
                guard Self.evidenceSections.contains(section) else { continue }
                #expect(
                    covered.contains("\(control.definition.id) \(section)"),
                    "\(control.definition.id) reads \(section) but has no withheld-section case"
                )
            }
        }
    }

    static func policy(without section: String?) -> String {
        (["version: 1"] + sections.filter { $0.key != section }.map(\.text)).joined(separator: "\n")
    }

    /// Every subject's status, not-applicable ones included.
    static func statuses(of control: any Control, policy: String) throws -> [String: ResultStatus] {
        let (inventory, _) = try InventoryLoader().load([InputFile(path: "inventory.yaml", text: Self.inventory)])
        let (loadedPolicy, _) = try PolicyLoader().load(InputFile(path: "policy.yaml", text: policy))
        let context = EvaluationContext(inventory: inventory, policy: loadedPolicy, now: ControlExample.now)
        var recorder = ResultRecorder(keepPassing: true)
        control.evaluate(context, into: &recorder)
        var statuses: [String: ResultStatus] = [:]
        for subject in recorder.passingSubjects { statuses[subject.id] = .pass }
        for finding in recorder.findings { statuses[finding.subject.id] = finding.status }
        let subjects: [String]
        switch control.definition.subjectKind {
        case .identity: subjects = inventory.identities.map(\.id)
        case .platform: subjects = PlatformSubjects.holders(in: inventory).map(\.subject.id)
        case .credential, .role: subjects = []
        }
        for subject in subjects where statuses[subject] == nil { statuses[subject] = .notApplicable }
        return statuses
    }
}
