import CrosswalkCore
import Foundation

/// Helpers shared by the test targets: the repository root, fixture files and loading shortcuts.
public enum Fixtures {
    /// The repository root, found from this source file's location.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    public static func url(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent(relativePath)
    }

    /// Reads a repository file as an input named by its repository-relative path.
    public static func file(_ relativePath: String) throws -> InputFile {
        InputFile(path: relativePath, bytes: Array(try Data(contentsOf: url(relativePath))))
    }

    public static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    /// Loads an inventory from YAML text named `inventory.yaml`.
    public static func inventory(_ yaml: String) throws -> Inventory {
        try InventoryLoader().load([InputFile(path: "inventory.yaml", text: yaml)]).0
    }

    /// The diagnostics an invalid input produces, as the lines a user would read.
    public static func errorLines(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let error as InputError {
            return error.diagnostics.filter { $0.severity == .error }.map(\.description)
        } catch let diagnostic as Diagnostic {
            return [diagnostic.description]
        } catch {
            return ["unexpected error: \(error)"]
        }
    }

    /// The fixed evaluation time of the bundled example's reference reports.
    public static let exampleNow = "2026-11-01T00:00:00Z"
}
