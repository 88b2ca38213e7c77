/// The records of one Azure export, whatever wrapper it came in: the bare array `az` prints, the
/// raw Graph or ARM response `{"value": […], "@odata.nextLink" / "nextLink"?}`, or the single
/// object `az … show` prints.
struct AzureEnvelope {
    /// One record of the export and where it sits (`value[3]`, `[3]`, or `$` for a lone object).
    struct Record {
        var node: SourceNode
        var path: String
    }

    var records: [Record]
    /// Whether the response says more pages follow (`@odata.nextLink`, Azure AD Graph's
    /// `odata.nextLink`, ARM's `nextLink`).
    var isIncomplete = false

    /// Unwraps the document; logs an error and returns nil when the file is not a list of records
    /// at all. `noun` names the records in messages ("service principals"); `isRecord` tells
    /// a lone record from some other object.
    static func read(
        _ document: ImportDocument,
        noun: String,
        producedBy: String,
        isRecord: (SourceNode) -> Bool,
        log: inout ImportLog
    ) -> AzureEnvelope? {
        let root: SourceNode
        do {
            root = try document.tree()
        } catch let diagnostic as Diagnostic {
            log.add(diagnostic)
            return nil
        } catch {
            log.error(document.path, "could not be parsed: \(error)")
            return nil
        }
        var records: [Record] = []
        var isIncomplete = false
        switch root.value {
        case .array(let nodes):
            records = nodes.enumerated().map { Record(node: $1, path: "[\($0)]") }
        case .object where root["value"] != nil:
            guard let value = root["value"], value.isArray || value.isNull else {
                log.error(
                    document.path,
                    at: root["value"]?.location,
                    keyPath: "value",
                    "expected a list of \(noun), found \(root["value"]?.typeDescription ?? "nothing")"
                )
                return nil
            }
            records = value.elements.enumerated().map { Record(node: $1, path: "value[\($0)]") }
            for key in ["@odata.nextLink", "odata.nextLink", "nextLink"] {
                guard let next = root[key], next.nonBlankText != nil else { continue }
                isIncomplete = true
                log.warning(
                    document.path,
                    at: next.location,
                    keyPath: key,
                    "the export is incomplete: the response has a next page (\(key)); "
                        + "export every page, e.g. with \(producedBy)"
                )
            }
        case .object where isRecord(root):
            records = [Record(node: root, path: "$")]
        default:
            log.error(
                document.path,
                at: root.location,
                "not an export of \(noun): expected a list of them (as \(producedBy) prints it) "
                    + "or a response {\"value\": […]}, found \(root.typeDescription)"
            )
            return nil
        }
        // A list of some other kind of record (role assignments read as service principals) is
        // the wrong file, not a list of malformed records.
        let objects = records.filter(\.node.isObject)
        if !objects.isEmpty, !objects.contains(where: { isRecord($0.node) }) {
            log.error(
                document.path,
                at: objects[0].node.location,
                keyPath: objects[0].path,
                "not an export of \(noun): no record has their shape (as \(producedBy) prints them)"
            )
            return nil
        }
        if records.isEmpty {
            log.warning(document.path, at: root.location, "the export holds no \(noun)")
        }
        return AzureEnvelope(records: records, isIncomplete: isIncomplete)
    }

    /// The first record of a parsed document, for shape detection; never throws.
    static func firstRecord(of document: ImportDocument) -> SourceNode? {
        guard let root = document.treeIfParsable else { return nil }
        switch root.value {
        case .array(let nodes):
            return nodes.first(where: \.isObject)
        case .object:
            if let value = root["value"] { return value.elements.first(where: \.isObject) }
            return root
        default:
            return nil
        }
    }

    /// The Graph `@odata.context` of a raw response, lowercased (`…/$metadata#serviceprincipals`).
    static func odataContext(of document: ImportDocument) -> String? {
        guard let root = document.treeIfParsable, root.isObject else { return nil }
        return root["@odata.context"]?.text?.lowercased()
    }
}
