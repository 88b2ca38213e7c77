import CrosswalkCore
import Foundation

/// Everything the executable prints goes through here: diagnostics compiler-style on standard
/// error (coloured only when it is a terminal), listings and summaries on standard output.
///
/// Printed text is inert: every display control in it (C0 and C1 controls, DEL, bidirectional
/// formatting characters) is shown as an escape such as `\u{1B}` (``InertText/visible(_:)``), so a
/// value from an input file can neither forge a line nor send a terminal escape sequence.
/// Crosswalk's own colour codes are added after that.
enum Terminal {
    static let isColourTerminal: Bool = isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            writeLine(colour(diagnostic), to: .standardError)
        }
    }

    /// Prints one line on standard error.
    static func printError(_ text: String) {
        writeLine(InertText.visible(text), to: .standardError)
    }

    /// Prints one line on standard output.
    static func printLine(_ text: String) {
        writeLine(InertText.visible(text), to: .standardOutput)
    }

    /// Prints JSON on standard output; what it escapes is escaped the JSON way, so the output
    /// still parses to the same value.
    static func printJSON(_ json: String) {
        writeLine(InertText.visibleJSON(json), to: .standardOutput)
    }

    /// Prints a message of several lines (the argument parser's help and errors), each made inert.
    static func printLines(_ text: String, toStandardError: Bool) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            InertText.visible(String($0))
        }
        writeLine(lines.joined(separator: "\n"), to: toStandardError ? .standardError : .standardOutput)
    }

    private enum Stream {
        case standardOutput
        case standardError
    }

    private static func writeLine(_ text: String, to stream: Stream) {
        let data = Data((text + "\n").utf8)
        switch stream {
        case .standardOutput: FileHandle.standardOutput.write(data)
        case .standardError: FileHandle.standardError.write(data)
        }
    }

    /// The diagnostic's line made inert, its `error:` or `warning:` coloured on a terminal.
    private static func colour(_ diagnostic: Diagnostic) -> String {
        let text = InertText.visible(diagnostic.description)
        guard isColourTerminal else { return text }
        var head = InertText.visible(diagnostic.file)
        if let location = diagnostic.location { head += ":\(location.line):\(location.column)" }
        let marker = "\(diagnostic.severity.rawValue):"
        guard text.hasPrefix(head + ": " + marker) else { return text }
        let code = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return head + ": " + code + marker + "\u{1B}[0m" + text.dropFirst(head.count + 2 + marker.count)
    }
}
