/// Writes the report as a SARIF 2.1.0 log (`crosswalk-report.sarif`, `--format sarif`) so that
/// findings appear in code-scanning views such as GitHub code scanning. docs/exports/sarif.md
/// describes every field.
///
/// One run. The driver is Crosswalk with one rule per control (severity as the default level
/// and as `security-severity`, help with the remediation, the framework entries the control maps
/// to as relationships to the taxa of one taxonomy per catalog, ``SARIFTaxonomies``).
/// `run.artifacts` lists every input with its SHA-256.
/// Then one result per finding — every result that is not a pass or not-applicable — read
/// control by control from the run's spool with ``ReportExporter/forEachFinding(in:_:)`` and
/// written as it is read: the stable ``FindingID`` as fingerprint, the inventory file and record
/// as location, owner, subject and evidence as properties.
public struct SARIFReportRenderer: ReportRenderer {
    public let document = ReportDocument.sarifReport
    /// `tool.driver.informationUri`, left out when nil.
    public var informationURI: String?

    public init(informationURI: String? = nil) {
        self.informationURI = informationURI
    }

    /// The schema the log names in `$schema`: the SARIF 2.1.0 OASIS Standard with Errata 01.
    public static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The key of the finding id in `fingerprints` and `partialFingerprints`.
    public static let fingerprintKey = "crosswalkFindingId/v1"
    /// What results say when the identity has no owner.
    public static let noOwner = OwnerName.none

    public func render(_ report: GapReport, to sink: any ReportSink) throws {
        let json = SARIFJSONWriter(sink: sink)
        let artifacts = SARIFArtifacts(report.metadata)
        let taxonomies = SARIFTaxonomies(report.library)
        json.beginObject(nil, .lines)
        json.string("$schema", Self.schemaURI)
        json.string("version", "2.1.0")
        json.beginArray("runs", .lines)
        json.beginObject(nil, .lines)
        writeTool(json, report, taxonomies)
        json.beginObject("originalUriBaseIds", .lines)
        json.beginObject(SARIFArtifactURI.sourceRoot)
        json.text("description", "The folder Crosswalk ran in; relative input paths are relative to it.")
        json.endObject()
        json.endObject()
        taxonomies.write(to: json)
        writeArtifacts(json, artifacts)
        writeRunProperties(json, report)
        try json.flushIfFull()
        json.beginArray("results", .lines)
        let results = SARIFResultWriter(report: report, artifacts: artifacts)
        for (ruleIndex, outcome) in report.evaluation.outcomes.enumerated() {
            try ReportExporter.forEachFinding(in: outcome) { finding in
                results.write(finding, of: outcome.definition, ruleIndex: ruleIndex, to: json)
                try json.flushIfFull()
            }
        }
        json.endArray()
        json.endObject()
        json.endArray()
        json.endObject()
        try json.finish()
    }

    private func writeTool(_ json: SARIFJSONWriter, _ report: GapReport, _ taxonomies: SARIFTaxonomies) {
        json.beginObject("tool", .lines)
        json.beginObject("driver", .lines)
        json.string("name", "Crosswalk")
        json.string("version", report.metadata.toolVersion)
        json.string("semanticVersion", report.metadata.toolVersion)
        json.optionalString("informationUri", informationURI)
        json.beginArray("rules", .lines)
        for outcome in report.evaluation.outcomes {
            SARIFRuleWriter.write(
                outcome.definition,
                mappings: report.library.mappings(forControl: outcome.definition.id),
                taxonomies: taxonomies,
                to: json
            )
        }
        json.endArray()
        taxonomies.writeSupported(to: json)
        json.endObject()
        json.endObject()
    }

    private func writeArtifacts(_ json: SARIFJSONWriter, _ artifacts: SARIFArtifacts) {
        json.beginArray("artifacts", .lines)
        for artifact in artifacts.artifacts {
            json.beginObject()
            json.beginObject("location")
            json.string("uri", artifact.uri.uri)
            json.optionalString("uriBaseId", artifact.uri.baseID)
            json.endObject()
            json.integer("length", artifact.digest.byteCount)
            json.beginArray("roles")
            for role in artifact.roles { json.string(nil, role) }
            json.endArray()
            json.beginObject("hashes")
            json.string("sha-256", artifact.digest.sha256)
            json.endObject()
            json.beginObject("properties")
            json.string("crosswalkRole", artifact.digest.role.rawValue)
            json.string("path", artifact.digest.path)
            json.endObject()
            json.endObject()
        }
        json.endArray()
    }

    private func writeRunProperties(_ json: SARIFJSONWriter, _ report: GapReport) {
        json.beginObject("properties", .lines)
        json.string("generatedAt", report.metadata.generatedAt.iso8601)
        json.optionalString("organization", report.metadata.organization)
        json.endObject()
    }
}
