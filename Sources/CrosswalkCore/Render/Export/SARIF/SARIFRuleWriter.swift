/// Writes one control as a SARIF rule (`reportingDescriptor`): id, a name in UpperCamelCase from
/// the title, the title and description, help text with rationale, scope and remediation, the
/// default level from the severity, properties GitHub code scanning reads (`security-severity`,
/// `tags`), and the framework entries the control maps to as `relationships` to the taxa of
/// ``SARIFTaxonomies``.
///
/// Tags: `security`, `non-human-identity`, the severity, and the id of each catalog the control
/// maps into, at most ``tagLimit`` in all (GitHub code scanning rejects a rule with more than 20
/// tags); the entries themselves are the relationships, complete.
enum SARIFRuleWriter {
    /// GitHub code scanning's limit on tags per rule.
    static let tagLimit = 20

    static func write(
        _ control: ControlDefinition,
        mappings: [Mapping],
        taxonomies: SARIFTaxonomies,
        to json: SARIFJSONWriter
    ) {
        json.beginObject()
        json.string("id", control.id)
        json.string("name", ruleName(control.title))
        json.text("shortDescription", control.title)
        json.text("fullDescription", control.description)
        json.text("help", helpText(control, mappings: mappings))
        json.beginObject("defaultConfiguration")
        json.string("level", control.severity.sarifLevel)
        json.endObject()
        json.beginObject("properties")
        json.string("security-severity", control.severity.sarifSecuritySeverity)
        json.string("severity", control.severity.rawValue)
        json.string("exposureClass", control.exposureClass.rawValue)
        json.string("subjectKind", control.subjectKind.rawValue)
        json.string("evidenceSource", control.evidenceSource.rawValue)
        json.beginArray("tags")
        for tag in tags(control, mappings: mappings) { json.string(nil, tag) }
        json.endArray()
        json.endObject()
        taxonomies.writeRelationships(mappings, to: json)
        json.endObject()
    }

    /// `security`, `non-human-identity`, the severity, then each catalog id once, in mapping
    /// order, at most ``tagLimit``.
    static func tags(_ control: ControlDefinition, mappings: [Mapping]) -> [String] {
        var tags = ["security", "non-human-identity", control.severity.rawValue]
        var seen = Set(tags)
        for mapping in mappings where tags.count < tagLimit {
            if seen.insert(mapping.catalogID).inserted { tags.append(mapping.catalogID) }
        }
        return tags
    }

    /// The title's letters and digits in UpperCamelCase: "Secrets are rotated" → "SecretsAreRotated".
    static func ruleName(_ title: String) -> String {
        var name = ""
        var startOfWord = true
        for character in title {
            guard character.isLetter || character.isNumber, character.isASCII else {
                startOfWord = true
                continue
            }
            name += startOfWord ? character.uppercased() : String(character)
            startOfWord = false
        }
        return name
    }

    static func helpText(_ control: ControlDefinition, mappings: [Mapping]) -> String {
        var text = control.description
        text += "\n\nWhy it matters: " + control.rationale
        text += "\n\nApplies to: " + control.appliesTo
        text += "\n\nRemediation: " + control.remediation
        if !mappings.isEmpty {
            text += "\n\nFramework entries: "
            text += mappings.map { "\($0.catalogID) \($0.entryID) (\($0.relationship.rawValue))" }
                .joined(separator: ", ")
        }
        return text
    }
}
