/// Writes one finding as a SARIF result, on one line.
///
/// - `ruleId`, `ruleIndex`: the control.
/// - `kind` and `level`: a `fail` is kind `fail` with the rule's level (error for critical and
///   high, warning for medium, note for low); an `accepted` (waived) failure is the same with an
///   external, accepted `suppression`; `not-assessed` and `error` are kind `review` with level
///   `none` (SARIF §3.27.9: evidence was missing or the control could not judge, so a person must
///   look).
/// - `message.text`: the subject and the finding's sentence, escaped as ``SARIFPlainText`` says.
/// - `fingerprints` and `partialFingerprints`: the ``FindingID`` under
///   ``SARIFReportRenderer/fingerprintKey``.
/// - `locations`: the file and line from ``SARIFArtifacts``, and logical locations naming the
///   subject (and the export record when it is not a line).
/// - `properties`: finding id, status, subject, its kind and name, the identity with its kind,
///   owner (``SARIFReportRenderer/noOwner`` when none) and platform, and every piece of evidence
///   (field, observed, expected), the `source` of imported records included.
struct SARIFResultWriter {
    let report: GapReport
    let artifacts: SARIFArtifacts
    private let inventory: [Identity]

    init(report: GapReport, artifacts: SARIFArtifacts) {
        self.report = report
        self.artifacts = artifacts
        inventory = report.identities.identities
    }

    func write(_ finding: Finding, of control: ControlDefinition, ruleIndex: Int, to json: SARIFJSONWriter) {
        let subject = finding.subject
        let findingID = FindingID.of(finding, control: control.id)
        json.beginObject()
        json.string("ruleId", control.id)
        json.integer("ruleIndex", ruleIndex)
        switch finding.status {
        case .notAssessed, .error:
            json.string("kind", "review")
            json.string("level", "none")
        default:
            json.string("level", control.severity.sarifLevel)
        }
        json.text("message", SARIFPlainText.escaped(Self.messageText(finding)))
        writeLocations(finding, to: json)
        json.beginObject("fingerprints")
        json.string(SARIFReportRenderer.fingerprintKey, findingID)
        json.endObject()
        json.beginObject("partialFingerprints")
        json.string(SARIFReportRenderer.fingerprintKey, findingID)
        json.endObject()
        if finding.status == .accepted {
            json.beginArray("suppressions")
            json.beginObject()
            json.string("kind", "external")
            json.string("status", "accepted")
            json.string("justification", "Waived: the failure is covered by a valid waiver (risk acceptance).")
            json.endObject()
            json.endArray()
        }
        json.beginObject("properties")
        json.string("findingId", findingID)
        json.string("status", finding.status.rawValue)
        json.string("subject", subject.id)
        json.string("subjectKind", subject.kind.rawValue)
        json.string("subjectName", subject.name)
        let identity = self.identity(of: subject)
        json.optionalString("identity", subject.identityID)
        json.optionalString("identityKind", identity?.kind.rawValue)
        json.string("owner", Self.owner(of: identity))
        json.optionalString("platform", identity?.platform)
        json.beginArray("evidence")
        for evidence in finding.evidence {
            json.beginObject()
            json.string("field", evidence.field)
            json.string("observed", evidence.observed)
            json.string("expected", evidence.expected)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
    }

    /// `name (id): sentence`, or `id: sentence` when the name is the id.
    static func messageText(_ finding: Finding) -> String {
        let subject = finding.subject
        let label = subject.name == subject.id ? subject.id : "\(subject.name) (\(subject.id))"
        return label + ": " + finding.message.text
    }

    static func owner(of identity: Identity?) -> String {
        OwnerName.of(identity) ?? noOwnerText
    }

    private static let noOwnerText = SARIFReportRenderer.noOwner

    private func writeLocations(_ finding: Finding, to json: SARIFJSONWriter) {
        let location = artifacts.location(of: finding)
        json.beginArray("locations")
        json.beginObject()
        if let location {
            json.beginObject("physicalLocation")
            json.beginObject("artifactLocation")
            json.string("uri", location.uri.uri)
            json.optionalString("uriBaseId", location.uri.baseID)
            if let index = location.artifactIndex { json.integer("index", index) }
            json.endObject()
            json.beginObject("region")
            json.integer("startLine", location.line)
            json.endObject()
            json.endObject()
        }
        json.beginArray("logicalLocations")
        json.beginObject()
        json.string("name", finding.subject.name)
        json.string("fullyQualifiedName", finding.subject.id)
        json.string("kind", "resource")
        json.endObject()
        if let record = location?.record {
            json.beginObject()
            json.string("fullyQualifiedName", record)
            json.string("kind", "object")
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endArray()
    }

    /// The peer record of the identity `subject` belongs to: by ordinal (checked against the id),
    /// else by id.
    private func identity(of subject: SubjectReference) -> Identity? {
        guard let identityID = subject.identityID else { return nil }
        let ordinal = Int(subject.ordinal)
        if ordinal >= 0, ordinal < inventory.count, inventory[ordinal].id == identityID { return inventory[ordinal] }
        return report.identities.position(of: identityID).map { inventory[$0] }
    }
}
