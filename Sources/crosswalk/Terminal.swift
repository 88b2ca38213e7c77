import CrosswalkCore
import Foundation

/// Prints diagnostics compiler-style on standard error, coloured only when it is a terminal.
enum Terminal {
    static let isColourTerminal: Bool = isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            printError(colour(diagnostic))
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    private static func colour(_ diagnostic: Diagnostic) -> String {
        let text = diagnostic.description
        guard isColourTerminal else { return text }
        let marker = "\(diagnostic.severity.rawValue):"
        let code = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return text.replacingOccurrences(of: marker, with: "\(code)\(marker)\u{1B}[0m")
    }
}
