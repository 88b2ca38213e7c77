/// Writes the observations of the OSCAL export (docs/exports/oscal.md, "Observations"): one
/// summary per control (counts and status), and one per result that is not a pass, carrying its
/// finding id, subject, owner, platform and evidence. An imported record's `source` evidence links
/// to the back-matter resource of the export it was read from.
struct OSCALObservationWriter {
    let subjects: OSCALSubjectFacts
    /// `generatedAt`, the time every observation was collected.
    let collected: String
    /// The tool component every observation originates from.
    let toolUUID: String
    /// Imported exports: `path, ` (how `source` evidence starts) and their resource's UUID.
    let importedInputs: [(prefix: String, uuid: String)]

    /// `TEST` for observed evidence (facts read from the inventory), `EXAMINE` for attested
    /// evidence (the organisation's declarations in the policy).
    static func method(_ definition: ControlDefinition) -> String {
        definition.evidenceSource == .attested ? "EXAMINE" : "TEST"
    }

    /// The summary observation of one control.
    func writeSummary(_ writer: OSCALJSONWriter, _ outcome: ControlOutcome) {
        let definition = outcome.definition
        writer.beginObject()
        writer.string("uuid", OSCALUUID.controlObservation(definition.id))
        writer.string("title", "\(definition.id): \(definition.title)")
        let counts = ResultStatus.allCases.map { "\(outcome.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        writer.string(
            "description",
            "Control \(definition.id) (\(definition.severity.rawValue), \(definition.evidenceSource.rawValue) evidence) is \(outcome.status.rawValue) over \(outcome.applicableCount) applicable subjects: \(counts). \(definition.description)"
        )
        writer.beginArray("props")
        writer.property("control", definition.id)
        writer.property("control-status", outcome.status.rawValue)
        writer.property("severity", definition.severity.rawValue)
        writer.property("evidence-source", definition.evidenceSource.rawValue)
        for status in ResultStatus.allCases {
            writer.property("count-" + status.rawValue, String(outcome.count(status)))
        }
        writer.property("affected-identities", String(outcome.affectedIdentityCount))
        writer.endArray()
        writer.beginArray("methods")
        writer.string(nil, Self.method(definition))
        writer.endArray()
        writer.beginArray("types")
        writer.string(nil, "control-objective")
        writer.endArray()
        writer.toolOrigin(toolUUID)
        writer.string("collected", collected)
        writer.endObject()
    }

    /// One observation per result of `outcome` that is not a pass, read from the run's spool.
    func writeFindings(_ writer: OSCALJSONWriter, _ outcome: ControlOutcome) throws {
        let definition = outcome.definition
        let method = Self.method(definition)
        try outcome.forEachFinding { finding in
            write(writer, finding, definition: definition, method: method)
            try writer.flushIfFull()
        }
    }

    private func write(_ writer: OSCALJSONWriter, _ finding: Finding, definition: ControlDefinition, method: String) {
        let subject = finding.subject
        let findingID = FindingID.of(finding, control: definition.id)
        let identity = subjects.identity(of: subject)
        writer.beginObject()
        writer.string("uuid", OSCALUUID.observation(findingID: findingID))
        writer.string("title", "\(definition.id) \(finding.status.rawValue): \(subject.name)")
        writer.string("description", finding.message.text)
        writer.beginArray("props")
        writer.property("finding-id", findingID)
        writer.property("control", definition.id)
        writer.property("status", finding.status.rawValue)
        writer.property("owner", subjects.owner(of: identity))
        writer.property("platform", subject.kind == .platform ? subject.id : identity?.platform)
        writer.endArray()
        writer.beginArray("methods")
        writer.string(nil, method)
        writer.endArray()
        writer.beginArray("types")
        writer.string(nil, "finding")
        writer.endArray()
        writer.beginArray("subjects")
        writer.beginObject()
        writer.string("subject-uuid", OSCALUUID.subject(kind: subject.kind.rawValue, id: subject.id))
        writer.string("type", OSCALSubjectFacts.subjectType(subject.kind))
        writer.string("title", subject.name)
        writer.beginArray("props")
        writer.property("subject-kind", subject.kind.rawValue)
        writer.property("subject-id", subject.id)
        if subject.kind == .credential { writer.property("identity", subject.identityID) }
        if let identity { writer.property("identity-kind", identity.kind.rawValue) }
        writer.endArray()
        writer.endObject()
        writer.endArray()
        if !finding.evidence.isEmpty {
            writer.beginArray("relevant-evidence")
            for evidence in finding.evidence { write(writer, evidence) }
            writer.endArray()
        }
        writer.string("collected", collected)
        writer.endObject()
    }

    private func write(_ writer: OSCALJSONWriter, _ evidence: Evidence) {
        writer.beginObject()
        if evidence.field == "source",
            let input = importedInputs.first(where: { evidence.observed.hasPrefix($0.prefix) })
        {
            writer.string("href", "#" + input.uuid)
        }
        let expected = evidence.expected.isEmpty ? "" : "; expected: \(evidence.expected)"
        writer.string("description", "\(evidence.field): \(evidence.observed)\(expected)")
        writer.beginArray("props")
        writer.property("field", evidence.field)
        writer.endArray()
        writer.endObject()
    }
}
