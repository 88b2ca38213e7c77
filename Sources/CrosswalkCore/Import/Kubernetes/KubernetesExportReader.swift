/// Opens the envelopes of a Kubernetes export: a `List` (or a typed list such as
/// `ClusterRoleList` from the raw API) with `items`, or single objects, in one or several YAML
/// documents. Says when the list is a page of a longer one, and skips items that are not objects.
enum KubernetesExportReader {
    /// The objects of the file, in order (none for an empty file or list). Throws when the file is
    /// not a Kubernetes export at all; in a stream of several documents, a document that is no
    /// Kubernetes object is skipped with a warning.
    static func objects(in document: ImportDocument, log: inout ImportLog) throws -> [KubernetesObject] {
        let roots = try KubernetesManifest.documents(document)
        var objects: [KubernetesObject] = []
        for (index, root) in roots.enumerated() {
            let prefix = roots.count > 1 ? "[\(index)]" : ""
            if root.isNull { continue }
            guard root.isObject, let kind = root["kind"]?.nonBlankText, root["apiVersion"]?.nonBlankText != nil else {
                if roots.count > 1 {
                    // One foreign document in a stream: skip it, read the others.
                    log.warning(
                        document.path,
                        at: root.location,
                        keyPath: prefix,
                        "skipped: the document is not a Kubernetes object (no apiVersion and kind)"
                    )
                    continue
                }
                throw Diagnostic(
                    .error,
                    file: document.path,
                    location: root.location,
                    message:
                        "not a Kubernetes export: expected a List or an object with apiVersion and kind, as kubectl get … -o json|yaml prints"
                )
            }
            if let itemKind = listItemKind(kind), root["items"] != nil {
                guard let items = root["items"], items.isArray || items.isNull else {
                    throw Diagnostic(
                        .error,
                        file: document.path,
                        location: root["items"]?.location,
                        keyPath: prefix + "items",
                        message: "items is \(root["items"]?.typeDescription ?? "missing"), expected a list of objects"
                    )
                }
                warnIfPaged(root, document: document, keyPath: prefix, log: &log)
                for (position, item) in items.elements.enumerated() {
                    let path = "\(prefix.isEmpty ? "" : prefix + ".")items[\(position)]"
                    guard item.isObject else {
                        log.warning(
                            document.path,
                            at: item.location,
                            keyPath: path,
                            "skipped: the item is \(item.typeDescription), not a Kubernetes object"
                        )
                        continue
                    }
                    guard let kind = item["kind"]?.nonBlankText ?? itemKind else {
                        log.warning(
                            document.path,
                            at: item.location,
                            keyPath: path + ".kind",
                            "skipped: the item has no kind"
                        )
                        continue
                    }
                    objects.append(KubernetesObject(node: item, kind: kind, keyPath: path, document: document))
                }
            } else {
                objects.append(KubernetesObject(node: root, kind: kind, keyPath: prefix, document: document))
            }
        }
        return objects
    }

    /// For a list kind, the kind of its items when the list names it (`ClusterRoleList` →
    /// `ClusterRole`), or nil for a plain `List` whose items carry their own kind; for other
    /// kinds, no answer at all.
    private static func listItemKind(_ kind: String) -> String?? {
        if kind == "List" { return .some(nil) }
        guard kind.hasSuffix("List"), kind.count > 4 else { return nil }
        return .some(String(kind.dropLast(4)))
    }

    /// A raw API list with `metadata.continue` (or `remainingItemCount`) is one page of more.
    private static func warnIfPaged(_ root: SourceNode, document: ImportDocument, keyPath: String, log: inout ImportLog)
    {
        let metadata = root["metadata"]
        let next = metadata?["continue"]?.nonBlankText
        let remaining = metadata?["remainingItemCount"]?.integer ?? 0
        guard next != nil || remaining > 0 else { return }
        let more = remaining > 0 ? " (\(remaining) more items)" : ""
        log.warning(
            document.path,
            at: (metadata?["continue"] ?? metadata?["remainingItemCount"])?.location,
            keyPath: (keyPath.isEmpty ? "" : keyPath + ".") + "metadata.continue",
            "the export is incomplete: the list is one page of a longer one\(more); export it again without --chunk-size limits or follow the continue token"
        )
    }

    /// Whether the file has the shape of a Kubernetes export of the kinds this importer reads: a
    /// `List` (empty, or holding at least one such object), a typed list of one of them, or such an
    /// object on its own. Never throws.
    static func matches(_ document: ImportDocument) -> Bool {
        guard let roots = try? KubernetesManifest.documents(document) else { return false }
        return roots.contains { root in
            guard let kind = root["kind"]?.nonBlankText, let apiVersion = root["apiVersion"]?.nonBlankText else {
                return false
            }
            if kind == "List" {
                guard apiVersion == "v1", let items = root["items"], items.isArray || items.isNull else { return false }
                if items.elements.isEmpty { return true }
                return items.elements.contains { item in
                    guard let kind = item["kind"]?.text, let objectKind = KubernetesObjectKind(rawValue: kind),
                        let version = item["apiVersion"]?.text
                    else { return false }
                    return objectKind.accepts(apiVersion: version)
                }
            }
            if kind.hasSuffix("List"), let objectKind = KubernetesObjectKind(rawValue: String(kind.dropLast(4))) {
                return objectKind.accepts(apiVersion: apiVersion) && root["items"] != nil
            }
            guard let objectKind = KubernetesObjectKind(rawValue: kind) else { return false }
            return objectKind.accepts(apiVersion: apiVersion) && root["metadata"]?.isObject == true
        }
    }
}
