import CrosswalkTestSupport

@testable import CrosswalkCore

/// Runs the Kubernetes importer directly, for what the import session does not pass on (the
/// count of bindings without subjects, of Secrets of other types) and for the shape detector.
struct KubernetesImporterProbe {
    /// What the importer counted but did not report.
    struct Counts {
        var bindingsWithoutSubjects: Int
        var otherSecrets: Int
    }

    /// The importer's counts after reading the fixture files and finishing.
    mutating func read(_ paths: String...) throws -> Counts {
        var importer = KubernetesImporter()
        var log = ImportLog()
        for path in paths {
            importer.read(ImportDocument(try Fixtures.file(path)), as: KubernetesImporter.objects, log: &log)
        }
        _ = importer.finish(log: &log)
        return Counts(bindingsWithoutSubjects: importer.bindingsWithoutSubjects, otherSecrets: importer.otherSecrets)
    }

    /// Whether `auto` would take the file for a Kubernetes export.
    static func detects(_ file: InputFile) -> Bool {
        KubernetesImporter.objects.matches(ImportDocument(file))
    }
}
