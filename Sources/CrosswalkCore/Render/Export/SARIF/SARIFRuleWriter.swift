/// Writes one control as a SARIF rule (`reportingDescriptor`): id, a name in UpperCamelCase from
/// the title, the title and description, help text with rationale, scope and remediation, the
/// default level from the severity, and properties GitHub code scanning reads (`security-severity`,
/// `tags`) plus the control's mappings onto framework entries.
///
/// Tags: `security`, `non-human-identity`, the severity, and one `<catalog>/<entry>` tag per
/// framework entry the control maps to, so a code-scanning view can filter alerts by framework
/// entry.
enum SARIFRuleWriter {
    static func write(_ control: ControlDefinition, mappings: [Mapping], to json: SARIFJSONWriter) {
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
        json.beginArray("mappings")
        for mapping in mappings {
            json.beginObject()
            json.string("catalog", mapping.catalogID)
            json.string("entry", mapping.entryID)
            json.string("relationship", mapping.relationship.rawValue)
            json.integer("strength", mapping.strength)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
    }

    /// `security`, `non-human-identity`, the severity, then `<catalog>/<entry>` per mapping, each
    /// once, in mapping order.
    static func tags(_ control: ControlDefinition, mappings: [Mapping]) -> [String] {
        var tags = ["security", "non-human-identity", control.severity.rawValue]
        var seen = Set(tags)
        for mapping in mappings {
            let tag = "\(mapping.catalogID)/\(mapping.entryID)"
            if seen.insert(tag).inserted { tags.append(tag) }
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
