/// How many dated run folders `crosswalk run` keeps under its output root (`history.retention` in
/// the run config). A run folder is kept when either rule keeps it: it is among the last `runs`
/// runs, or it is younger than `days` days. With neither rule set every run is kept. The newest
/// run and the run `latest` points at are never removed.
public struct RunRetention: Hashable, Sendable {
    /// Keep at least the most recent this many runs.
    public var runs: Int?
    /// Keep every run that started less than this many days before the current run.
    public var days: Int?

    public init(runs: Int? = nil, days: Int? = nil) {
        self.runs = runs
        self.days = days
    }

    /// The run folders to remove, oldest first: those neither rule keeps, never the newest one nor
    /// any in `protected` (what `latest` points at).
    public func folders(
        toRemoveFrom folders: [RunFolderName],
        now: Timestamp,
        protected: Set<RunFolderName> = []
    ) -> [RunFolderName] {
        guard runs != nil || days != nil else { return [] }
        let newestFirst = folders.sorted(by: >)
        var removed: [RunFolderName] = []
        for (index, folder) in newestFirst.enumerated() {
            if index == 0 || protected.contains(folder) { continue }
            if let runs, index < runs { continue }
            if let days, folder.time > now.adding(seconds: -Int64(days) * 86_400) { continue }
            removed.append(folder)
        }
        return removed.reversed()
    }
}
