import CrosswalkCore
import Foundation

/// Tidies an output folder after earlier runs that were killed while writing into it. Runs under
/// the output lock, before this run changes anything, so every staging folder it finds belongs to
/// a run that has ended:
///
/// - with the `committed` marker: the commit finished; the folder holds the replaced reports and
///   is deleted (rolled forward);
/// - with a journal but no marker: the commit was cut short; the old reports are put back
///   (rolled back) and the folder is deleted;
/// - with neither: the run stopped before touching any report; the folder is deleted.
///
/// It also deletes the hidden `.<report name>.<pid>.tmp` files Crosswalk 0.1.0 could leave behind.
/// Each step is announced, as one line per finding.
struct LeftoverRecovery {
    let output: OutputFolder

    /// Recovers every leftover; returns the lines to show the user.
    func run() throws(WriteFailure) -> [String] {
        var notices: [String] = []
        let entries = DirectoryEntries.names(in: output.descriptor).sorted()
        for name in entries where name.hasPrefix(StagingFolder.namePrefix) {
            guard let staging = StagingFolder.open(name, in: output) else { continue }
            if let notice = try recover(staging) { notices.append(notice) }
        }
        let legacy = entries.filter(Self.isLegacyTemporaryFile).filter {
            guard let info = DirectoryEntries.status(of: $0, in: output.descriptor) else { return false }
            return info.st_mode & S_IFMT == S_IFREG && info.st_uid == geteuid()
                && unlinkat(output.descriptor, $0, 0) == 0
        }
        if !legacy.isEmpty {
            notices.append(
                "crosswalk: \(output.path): removed \(Counted.phrase(legacy.count, "temporary file", "temporary files")) left by an earlier run that was stopped (\(legacy.joined(separator: ", ")))"
            )
        }
        return notices
    }

    private func recover(_ staging: StagingFolder) throws(WriteFailure) -> String? {
        let place = staging.displayPath
        if staging.contains(CommitJournal.committedMarker) {
            return removed(
                staging,
                "an earlier run was stopped after it had replaced the reports; removed its staging folder \(place), which held the replaced reports"
            )
        }
        guard staging.contains(CommitJournal.fileName) else {
            return removed(
                staging,
                "an earlier run was stopped before it replaced any report; removed its unfinished staging folder \(place)"
            )
        }
        guard let bytes = DirectoryEntries.readSmallFile(CommitJournal.fileName, in: staging.descriptor),
            let journal = CommitJournal(decoding: bytes)
        else {
            return "crosswalk: warning: left \(place) alone: its commit journal is not one this version wrote"
        }
        guard ReportCommit(staging: staging).rollBack(journal) else {
            throw WriteFailure(
                path: place,
                message:
                    "an earlier run was stopped while replacing the reports, and its changes cannot all be undone (check the folder's permissions); this folder keeps the previous reports and its journal for the next try"
            )
        }
        return removed(
            staging,
            "an earlier run was stopped while replacing the reports; put the previous reports back and removed its staging folder \(place)"
        )
    }

    private func removed(_ staging: StagingFolder, _ notice: String) -> String {
        guard staging.removeFromDisk() else {
            return
                "crosswalk: warning: \(notice.replacingOccurrences(of: "removed its", with: "could not fully remove its"))"
        }
        return "crosswalk: \(notice)"
    }

    /// `.crosswalk-report.html.4711.tmp` and the like.
    private static func isLegacyTemporaryFile(_ name: String) -> Bool {
        ReportDocument.allCases.contains { document in
            let prefix = ".\(document.fileName)."
            guard name.hasPrefix(prefix), name.hasSuffix(".tmp") else { return false }
            let pid = name.dropFirst(prefix.count).dropLast(4)
            return !pid.isEmpty && pid.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }
}
