import ArgumentParser
import CrosswalkCore

/// One `run --gate-min-score ID=PERCENT` value: a catalog id and the lowest score (0–100) its
/// framework may have.
struct RunScoreMinimumArgument: ExpressibleByArgument {
    var catalogID: String
    var percent: Double

    init?(argument: String) {
        guard let equals = argument.lastIndex(of: "="), equals != argument.startIndex,
            let percent = Double(argument[argument.index(after: equals)...]), percent.isFinite,
            (0...100).contains(percent)
        else { return nil }
        catalogID = String(argument[..<equals])
        self.percent = percent
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
