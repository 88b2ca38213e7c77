import CrosswalkCore
import Foundation

/// Shows a run's progress on standard error — the stage, how many identities so far, the rate and
/// the time left when the total is known — as one line rewritten in place, at most a few times a
/// second. Shown only when standard error is a terminal, unless `--progress` or `--quiet` say
/// otherwise; the line is erased before anything else is printed.
final class ProgressDisplay: @unchecked Sendable {
    // Called only from the thread running the pipeline.
    private let start = Date()
    private var lastShown = Date.distantPast
    private var stageStart = Date()
    private var stage: PipelineProgress.Stage?
    private var shownLength = 0
    /// Whether lines end with a carriage return (a terminal) or a newline (a log, with --progress).
    private let inPlace: Bool

    private init(inPlace: Bool) {
        self.inPlace = inPlace
    }

    /// A display when one is wanted: `--progress` forces it, `--quiet` silences it, otherwise it
    /// appears when standard error is a terminal.
    static func make(forced: Bool, quiet: Bool) -> ProgressDisplay? {
        let terminal = isatty(2) != 0
        if forced { return ProgressDisplay(inPlace: terminal) }
        if quiet || !terminal { return nil }
        return ProgressDisplay(inPlace: true)
    }

    var handler: ProgressHandler {
        { [self] progress in self.show(progress) }
    }

    func show(_ progress: PipelineProgress) {
        let now = Date()
        if progress.stage != stage {
            stage = progress.stage
            stageStart = now
        } else if now.timeIntervalSince(lastShown) < 0.2, progress.done != progress.total {
            return
        }
        lastShown = now
        write(Self.line(progress, elapsed: now.timeIntervalSince(stageStart)))
    }

    /// Erases the progress line (call before printing the summary or a diagnostic).
    func finish() {
        guard inPlace, shownLength > 0 else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: shownLength) + "\r").utf8))
        shownLength = 0
    }

    private func write(_ text: String) {
        if inPlace {
            let padding = String(repeating: " ", count: max(0, shownLength - text.count))
            FileHandle.standardError.write(Data(("\r" + text + padding).utf8))
            shownLength = text.count
        } else {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    /// `Evaluating: 412,000 of 1,000,000 identities (41%), 85,300 a second, about 7 s left`.
    static func line(_ progress: PipelineProgress, elapsed: TimeInterval) -> String {
        switch progress.stage {
        case .loading:
            return "Reading the inputs…"
        case .assessing:
            return "Mapping the results onto the frameworks…"
        case .evaluating:
            var text = "Evaluating: \(Counted.number(progress.done))"
            var share: Double?
            if let total = progress.total, total > 0 {
                text += " of \(Counted.phrase(total, "identity", "identities"))"
                share = Double(progress.done) / Double(total)
            } else {
                text += progress.done == 1 ? " identity" : " identities"
                if let read = progress.bytesRead, let all = progress.totalBytes, all > 0 {
                    share = Double(read) / Double(all)
                }
            }
            if let share { text += " (\(Int((share * 100).rounded(.down)))%)" }
            guard elapsed >= 0.5, progress.done > 0 else { return text }
            text += ", \(Counted.number(Int(Double(progress.done) / elapsed))) a second"
            if let share, share > 0, share < 1 {
                let left = Int((elapsed * (1 - share) / share).rounded(.up))
                text += left < 60 ? ", about \(left) s left" : ", about \(left / 60) min \(left % 60) s left"
            }
            return text
        }
    }
}
