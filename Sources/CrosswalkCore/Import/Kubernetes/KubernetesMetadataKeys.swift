/// The label and annotation keys the Kubernetes importer reads an owner and an environment from.
///
/// Kubernetes has no standard key for either: these are the conventions in common use, looked up
/// in order, labels before annotations. `app.kubernetes.io/managed-by` is deliberately not one of
/// them: it names the tool that applied the object (Helm, Argo CD), not an accountable person or
/// team.
enum KubernetesMetadataKeys {
    static let owner = [
        "owner", "team", "app.kubernetes.io/owner", "app.kubernetes.io/team", "contact",
    ]

    static let environment = ["environment", "env", "app.kubernetes.io/environment"]

    /// The first non-blank value of one of `keys`, in labels and then annotations.
    static func value(of keys: [String], in object: KubernetesObject) -> String? {
        let labels = object.labels
        let annotations = object.annotations
        for map in [labels, annotations] {
            for key in keys {
                if let value = map[key], !value.trimmedOfSpaces.isEmpty { return ImportText.screened(value) }
            }
        }
        return nil
    }
}
