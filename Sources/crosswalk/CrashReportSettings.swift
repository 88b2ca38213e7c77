import Foundation

/// Keeps the Swift runtime's crash report from printing input bytes.
///
/// Crosswalk has no known crash path, but should one appear, the runtime's backtracer prints each
/// register with the memory it points at, which can hold pieces of an input (a credential id, a
/// token a loader was about to drop). The backtracer reads its settings from `SWIFT_BACKTRACE` once,
/// when the process starts, so the executable restarts itself once with register and image dumps
/// turned off. A setting the user chose is left alone.
enum CrashReportSettings {
    static let variable = "SWIFT_BACKTRACE"
    static let setting = "registers=none,images=none"

    /// Re-executes the current program with ``setting`` unless `SWIFT_BACKTRACE` is already set;
    /// carries on unchanged when that is not possible.
    static func applyByRestartingIfNeeded() {
        #if os(Linux)
            guard getenv(variable) == nil else { return }
            setenv(variable, setting, 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
        // execv returns only when it failed; the run goes on with the runtime's defaults.
        #endif
    }
}
