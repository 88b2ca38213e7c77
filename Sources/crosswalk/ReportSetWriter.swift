import CrosswalkCore
import Foundation

/// Writes one run's reports into the output folder as a set: afterwards the folder holds either
/// every report of this run or exactly the reports it held before, never a mix.
///
/// The steps, all under the output folder's `OutputLock`:
/// 1. tidy up after earlier runs that were killed (`LeftoverRecovery`);
/// 2. refuse, before writing anything, a report name that is one of this run's input files;
/// 3. write every report into a fresh private `StagingFolder`, hashing it as it is written;
/// 4. write `manifest.json` (and, with a signing key, `manifest.json.sig`) into the staging folder;
/// 5. move them into place as one `ReportCommit`, undone completely on any failure.
///
/// Reports of formats this run does not write are taken out of the folder in the same commit.
struct ReportSetWriter {
    /// The `--output` folder as the user named it.
    var outputPath: String
    /// Every file the run read; none of them may be replaced by a report.
    var inputPaths: [String]
    /// The run's manifest but for its files, which are filled in as the reports are written.
    var manifest: ReportManifest
    /// Signs the manifest (`--sign`) when given.
    var signingKey: ManifestSigningKey?

    /// Every name a report set may hold: each document of every format, the manifest and its
    /// signature. A run takes those it does not write out of the folder.
    static let memberNames: [String] =
        ReportDocument.allCases.map(\.fileName) + [ReportManifest.fileName, ReportManifest.signatureFileName]

    /// What a successful write did, for the summary.
    struct Outcome {
        var written: [String]
        /// Reports of formats this run did not write, taken out of the folder.
        var removed: [String]
    }

    /// One report to write: its file name, and the renderer call that streams its contents.
    struct Document {
        var name: String
        /// Whether the document lists every result, and so takes long to write on a large
        /// inventory (``ReportDocument/listsEveryResult``).
        var listsEveryResult = false
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
        // Every name this run writes or may take away: the fixed names and the manifest, this run's
        // files, and the framework CSVs an earlier run left (their names depend on the catalogs).
        var allNames = Self.memberNames
        for name in files.map(\.name) + DirectoryEntries.names(in: output.descriptor).sorted()
        where ReportDocument.isReportFileName(name) && !allNames.contains(name) {
            allNames.append(name)
        }
        try refuseReplacingInputs(allNames, in: output)

        let staging = try StagingFolder.create(in: output)
        var writes: [CommitJournal.Write] = []
        do {
            // The documents are independent: render them side by side, each into its own file.
            // Those that list every result take longest, so they start first and the short ones
            // fill in beside them, instead of holding them back until the end.
            let written = DocumentResults(count: files.count)
            let order =
                files.indices.filter { files[$0].listsEveryResult }
                + files.indices.filter { !files[$0].listsEveryResult }
            DispatchQueue.concurrentPerform(iterations: files.count) { position in
                let index = order[position]
                written.set(
                    index,
                    Result { try staging.write(as: files[index].name) { sink in try files[index].render(sink) } }
                )
            }
            var manifest = manifest
            for (file, result) in zip(files, written.values) {
                let staged = try result.get()
                writes.append(CommitJournal.Write(name: file.name, inode: staged.identity.inode))
                manifest.files.append(ManifestFile(name: file.name, digest: staged.digest))
            }
            writes += try writeManifest(manifest, into: staging)
        } catch {
            _ = staging.removeFromDisk()
            throw error
        }
        let writtenNames = Set(writes.map(\.name))
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
        return Outcome(written: writes.map(\.name), removed: removals)
    }

    /// Writes the manifest of the staged files, and its signature when there is a key, into the
    /// staging folder.
    private func writeManifest(_ manifest: ReportManifest, into staging: StagingFolder) throws -> [CommitJournal.Write]
    {
        var manifest = ReportManifest(
            toolVersion: manifest.toolVersion,
            clock: manifest.clock,
            inputs: manifest.inputs,
            files: manifest.files,
            signature: signingKey.map { ManifestSignatureInfo(publicKeySHA256: $0.publicKey.fingerprint) }
        )
        manifest.files.removeAll { ReportManifest.ownFileNames.contains($0.name) }
        let bytes = ManifestJSONWriter.encode(manifest)
        let identity = try staging.write(as: ReportManifest.fileName) { try $0.write(bytes) }.identity
        var writes = [CommitJournal.Write(name: ReportManifest.fileName, inode: identity.inode)]
        if let signingKey {
            let signature = try signingKey.signatureFile(for: bytes)
            let signatureIdentity = try staging.write(as: ReportManifest.signatureFileName) { try $0.write(signature) }
                .identity
            writes.append(CommitJournal.Write(name: ReportManifest.signatureFileName, inode: signatureIdentity.inode))
        }
        return writes
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
    private var slots: [Result<WrittenFile, any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<WrittenFile, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    var values: [Result<WrittenFile, any Error>] {
        slots.map { $0 ?? .failure(CancellationError()) }
    }
}
