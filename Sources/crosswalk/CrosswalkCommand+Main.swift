import ArgumentParser
import Foundation

extension CrosswalkCommand {
    /// Runs the command as the argument parser's own `main()` does, but prints its messages
    /// (usage errors that echo an option or its value, help) through ``Terminal``, so they are
    /// inert like every other line Crosswalk prints. Crash reports are limited first
    /// (``CrashReportSettings``).
    static func main() {
        CrashReportSettings.applyByRestartingIfNeeded()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                Terminal.printLines(message, toStandardError: code != .success)
            }
            Foundation.exit(code.rawValue)
        }
    }
}
