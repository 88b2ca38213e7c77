import CrosswalkCore
import Foundation

/// Writes one run's reports into the output folder as a set: afterwards the folder holds either
/// every report of this run or exactly the reports it held before, never a mix.
///
/// The steps, all under the output folder's `OutputLock`:
/// 1. tidy up after earlier runs that were killed (`LeftoverRecovery`);
/// 2. refuse, before writing anything, a report name that is one of this run's input files;
/// 3. write every report into a fresh private `StagingFolder`;
/// 4. move them into place as one `ReportCommit`, undone completely on any failure.
///
/// Reports of formats this run does not write are taken out of the folder in the same commit.
struct ReportSetWriter {
    /// The `--output` folder as the user named it.
    var outputPath: String
    /// Every file the run read; none of them may be replaced by a report.
    var inputPaths: [String]

    /// What a successful write did, for the summary.
    struct Outcome {
        var written: [String]
        /// Reports of formats this run did not write, taken out of the folder.
        var removed: [String]
    }

    /// One report to write: its file name, and the renderer call that streams its contents.
    struct Document {
        var name: String
        var render: @Sendable (any ReportSink) throws -> Void
    }

    /// Writes the set, rendering each document straight into the staging folder. Throws
    /// `WriteFailure` (nothing written), `OutputBusy` (another run holds the folder) or what a
    /// renderer throws (nothing written either); `notices` receives what was found and tidied on
    /// the way, before any failure.
    func write(_ files: [Document], notices: inout [String]) throws -> Outcome {
        let output = try OutputFolder.openCreatingIfNeeded(outputPath)
        let lock: OutputLock
        switch try OutputLock.acquire(in: output) {
        case .busy(let holder):
            throw OutputBusy(folder: outputPath, holder: holder)
        case .acquired(let acquired, let staleHolder):
            lock = acquired
            if let staleHolder {
                let state =
                    OutputLock.isRunning(staleHolder) ? "which no longer holds it" : "which is no longer running"
                notices.append(
                    "crosswalk: took over the stale lock \(output.display(OutputLock.fileName)) left by pid \(staleHolder), \(state)"
                )
            }
        }
        defer { lock.release() }
        notices += try LeftoverRecovery(output: output).run()
        // Every report name this run writes or may take away: the fixed names, this run's files and
        // the framework CSVs an earlier run left (their names depend on the catalogs loaded).
        var allNames = ReportDocument.allCases.map(\.fileName)
        for name in files.map(\.name) + DirectoryEntries.names(in: output.descriptor).sorted()
        where ReportDocument.isReportFileName(name) && !allNames.contains(name) {
            allNames.append(name)
        }
        try refuseReplacingInputs(allNames, in: output)

        let staging = try StagingFolder.create(in: output)
        var writes: [CommitJournal.Write] = []
        do {
            // The documents are independent: render them side by side, each into its own file.
            let written = DocumentResults(count: files.count)
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                written.set(index, Result { try staging.write(as: files[index].name, contents: files[index].render) })
            }
            for (file, result) in zip(files, written.values) {
                writes.append(CommitJournal.Write(name: file.name, inode: try result.get().inode))
            }
        } catch {
            _ = staging.removeFromDisk()
            throw error
        }
        let writtenNames = Set(files.map(\.name))
        let removals = allNames.filter { name in
            guard !writtenNames.contains(name), let info = DirectoryEntries.status(of: name, in: output.descriptor)
            else { return false }
            return ReportCommit.isReplaceable(info)
        }
        do throws(WriteFailure) {
            try ReportCommit(staging: staging).run(CommitJournal(writes: writes, removals: removals))
        } catch {
            if error.reportsUnchanged { _ = staging.removeFromDisk() }
            throw error
        }
        if !staging.removeFromDisk() {
            notices.append(
                "crosswalk: warning: could not remove \(staging.displayPath), which holds the replaced reports; the next run into this folder removes it"
            )
        }
        return Outcome(written: files.map(\.name), removed: removals)
    }

    /// Throws when a report name in the output folder is (or links to) one of the run's inputs.
    private func refuseReplacingInputs(_ names: [String], in output: OutputFolder) throws(WriteFailure) {
        var inputsByIdentity: [FileIdentity: String] = [:]
        for path in inputPaths {
            for identity in FileIdentity.all(at: path) where inputsByIdentity[identity] == nil {
                inputsByIdentity[identity] = path
            }
        }
        for name in names {
            for identity in FileIdentity.all(at: output.display(name)) {
                guard let input = inputsByIdentity[identity] else { continue }
                throw WriteFailure(
                    path: output.display(name),
                    message:
                        "this report name is the input file \(input); writing the report would replace it. Move the input or choose another --output folder"
                )
            }
        }
    }
}

/// One result slot per document rendered side by side; each slot is written by one thread, and
/// read after all of them finished.
private final class DocumentResults: @unchecked Sendable {
    private var slots: [Result<FileIdentity, any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<FileIdentity, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    var values: [Result<FileIdentity, any Error>] {
        slots.map { $0 ?? .failure(CancellationError()) }
    }
}
