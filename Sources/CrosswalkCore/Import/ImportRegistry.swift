/// Every platform importer and the kinds they read: `crosswalk importers` lists them and
/// `--import KIND=PATH` looks them up here. Adding a platform means one importer folder and one
/// line in ``importers``.
public enum ImportRegistry {
    static var importers: [any PlatformImporter.Type] {
        [
            AWSImporter.self,
            KubernetesImporter.self,
            AzureImporter.self,
            GoogleCloudImporter.self,
        ]
    }

    /// Every kind, platform by platform.
    public static var kinds: [ImportKind] { importers.flatMap { $0.kinds } }

    public static func kind(named name: String) -> ImportKind? {
        kinds.first { $0.name == name }
    }

    /// The kinds whose shape the document has; `auto` takes the answer only when it is one kind.
    public static func detect(_ document: ImportDocument) -> [ImportKind] {
        kinds.filter { $0.matches(document) }
    }
}
