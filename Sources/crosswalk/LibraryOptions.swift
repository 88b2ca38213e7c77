import ArgumentParser
import CrosswalkCore

/// The `--catalog` and `--json` options shared by the listing commands, and the catalog loading
/// behind them.
struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: "An extra catalog or mapping file. Repeatable.")
    var catalog: [String] = []

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    /// The bundled catalogs plus `--catalog` files; prints warnings (such as redacted
    /// credential-shaped text), and prints the problems and exits 2 when invalid.
    func loadLibrary() throws -> FrameworkLibrary {
        do {
            let loaded = try CatalogLoader().loadReportingWarnings(user: try catalog.map { try FileAccess.read($0) })
            Terminal.printDiagnostics(loaded.warnings)
            return loaded.library
        } catch let error as InputError {
            Terminal.printDiagnostics(error.diagnostics)
            throw CrosswalkExit.invalidInput
        } catch let diagnostic as Diagnostic {
            Terminal.printDiagnostics([diagnostic])
            throw CrosswalkExit.invalidInput
        }
    }
}
