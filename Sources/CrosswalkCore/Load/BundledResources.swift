/// Access to the catalogs, mappings and templates embedded at build time from `frameworks/` and
/// `templates/`, so the binary works from any directory.
public enum BundledResources {
    /// Every embedded file as (repository path, text), sorted by path.
    public static var files: [(path: String, text: String)] { BundledResourceFiles.all }

    public static func text(at path: String) -> String? {
        BundledResourceFiles.all.first { $0.path == path }?.text
    }
}
