import CrosswalkTestSupport
import Foundation
import Testing

/// Runs the built binary against hostile and unlucky output folders: the report set is written
/// whole or not at all, never through a planted link, never over an input, and one run at a time.
@Suite struct ReportSetTests {
    static let firstNow = "2026-11-01T00:00:00Z"
    static let secondNow = "2026-11-02T00:00:00Z"

    // MARK: - Where reports land

    @Test func replacesASymlinkPlantedAtAReportNameInsteadOfFollowingIt() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let output = folder.appendingPathComponent("out")
        let victims = folder.appendingPathComponent("victims")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: victims, withIntermediateDirectories: true)
        for name in ReportDocumentNames.all {
            let victim = victims.appendingPathComponent(name)
            try Data("victim".utf8).write(to: victim)
            try FileManager.default.createSymbolicLink(
                at: output.appendingPathComponent(name),
                withDestinationURL: victim
            )
        }

        let result = try report(into: output)

        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        for name in ReportDocumentNames.all {
            #expect(try String(contentsOf: victims.appendingPathComponent(name), encoding: .utf8) == "victim")
            let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(name).path)
            #expect(attributes[.type] as? FileAttributeType == .typeRegular, "\(name) is a file, not a link")
            #expect(
                try Data(contentsOf: output.appendingPathComponent(name))
                    == Data(contentsOf: Fixtures.url("reports/example/\(name)"))
            )
        }
    }

    @Test func ignoresFoldersAndLinksPlantedUnderStagingNames() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let output = folder.appendingPathComponent("out")
        let victim = folder.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        var planted: [String] = []
        for index in 0..<50 {
            let link = ".crosswalk-staging-planted\(index)"
            try FileManager.default.createSymbolicLink(
                at: output.appendingPathComponent(link),
                withDestinationURL: victim
            )
            planted.append(link)
        }
        // Readable by others, so not a staging folder this tool would have made: left alone.
        let open = output.appendingPathComponent(".crosswalk-staging-openfolder")
        try FileManager.default.createDirectory(at: open, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: open.path)
        try Data("keep".utf8).write(to: open.appendingPathComponent("crosswalk-report.md"))
        planted.append(open.lastPathComponent)

        let result = try report(into: output)

        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: victim.path).isEmpty)
        #expect(try Set(entries(of: output)) == Set(ReportDocumentNames.set + planted))
        #expect(try String(contentsOf: open.appendingPathComponent("crosswalk-report.md"), encoding: .utf8) == "keep")
    }

    @Test func refusesToReplaceAnInputFileWithItsReport() throws {
        let output = try CommandRunner.temporaryDirectory()
        let input = output.appendingPathComponent("crosswalk-report.json")
        let inventory = #"{"version":1,"identities":[{"id":"a","kind":"bot"}]}"#
        try Data(inventory.utf8).write(to: input)

        let result = try CommandRunner.run(["report", input.path, "--output", output.path])

        #expect(result.exitCode == 73)
        #expect(
            result.stderr.contains(
                "\(output.path)/crosswalk-report.json: error: this report name is the input file \(input.path); writing the report would replace it. Move the input or choose another --output folder\ncrosswalk: nothing written; any reports already in \(output.path) are unchanged\n"
            ),
            "stderr: \(result.stderr)"
        )
        #expect(try String(contentsOf: input, encoding: .utf8) == inventory)
        #expect(try entries(of: output) == ["crosswalk-report.json"])
    }

    @Test func refusesAnOutputFolderBelowARegularFile() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("notes.txt")
        try Data("notes".utf8).write(to: file)
        let output = file.appendingPathComponent("out").path

        let result = try CommandRunner.run(["report", "examples/acme", "--output", output])

        #expect(result.exitCode == 73)
        #expect(
            result.stderr.hasSuffix(
                "\(output): error: cannot create the output folder: \(file.path) is a file, not a folder\ncrosswalk: nothing written; any reports already in \(output) are unchanged\n"
            ),
            "stderr: \(result.stderr)"
        )
        #expect(try String(contentsOf: file, encoding: .utf8) == "notes")
    }

    @Test func removesReportsOfFormatsNotWrittenInTheSameCommit() throws {
        let output = try CommandRunner.temporaryDirectory()
        #expect(try report(into: output).exitCode == 0)

        let result = try report(into: output, extra: ["--format", "md"])

        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(
            try entries(of: output) == [
                "crosswalk-report.md", "crosswalk-summary.md", "executive-summary.md", "manifest.json",
            ]
        )
        #expect(
            result.stdout.contains(
                "Removed \(output.path)/crosswalk-report.json (an earlier run's report in a format not written now)"
            )
        )
    }

    // MARK: - Whole set or nothing

    @Test func failedCommitLeavesThePreviousSetByteIdentical() throws {
        let output = try CommandRunner.temporaryDirectory()
        #expect(try report(into: output).exitCode == 0)
        // The last report to be moved into place is blocked by a folder, so every earlier one has
        // already been swapped in when the commit fails and must be swapped back.
        let blocked = output.appendingPathComponent("crosswalk-report.xml")
        try FileManager.default.removeItem(at: blocked)
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        try Data("inside".utf8).write(to: blocked.appendingPathComponent("keep.txt"))
        let before = try snapshot(output)

        let result = try report(into: output, now: Self.secondNow)

        #expect(result.exitCode == 73)
        #expect(
            result.stderr.hasSuffix(
                "\(blocked.path): error: cannot replace the report: a folder has this name; move it away and run again\ncrosswalk: nothing written; any reports already in \(output.path) are unchanged\n"
            ),
            "stderr: \(result.stderr)"
        )
        #expect(!result.stdout.contains("Wrote"))
        #expect(try snapshot(output) == before)
    }

    @Test func concurrentRunsIntoOneFolderNeverLeaveAMixedSet() throws {
        let output = try CommandRunner.temporaryDirectory()
        #expect(try report(into: output).exitCode == 0)
        for pair in 0..<20 {
            let first = try CommandRunner.start(reportArguments(into: output, now: Self.firstNow))
            let second = try CommandRunner.start(reportArguments(into: output, now: Self.secondNow))
            let results = [try first.waitForExit(), try second.waitForExit()]

            for result in results {
                #expect([0, 75].contains(result.exitCode), "pair \(pair): \(result.stderr)")
                if result.exitCode == 75 {
                    #expect(result.stderr.contains("is writing reports into this folder; nothing written."))
                }
            }
            #expect(results.contains { $0.exitCode == 0 }, "pair \(pair): one run writes")
            // Every report that states the run's date (the CSVs do not) and the manifest agree.
            let days = try Set(ReportDocumentNames.set.compactMap { try day(of: output.appendingPathComponent($0)) })
            #expect(days.count == 1, "pair \(pair): every report from one run, found \(days)")
            #expect(try entries(of: output) == ReportDocumentNames.set.sorted(), "pair \(pair): no leftovers")
            let verified = try CommandRunner.run(["verify", output.path])
            #expect(verified.exitCode == 0, "pair \(pair): the manifest describes the set: \(verified.stderr)")
        }
    }

    @Test func killedRunLeavesThePreviousSetAndTheNextRunCleansUp() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let output = folder.appendingPathComponent("out")
        let inventory = folder.appendingPathComponent("inventory.jsonl")
        try LargeInventory.write(identities: 5000, to: inventory)
        #expect(try report(into: output).exitCode == 0)
        let before = try snapshot(output)

        let running = try CommandRunner.start([
            "report", "--inventory", inventory.path, "--output", output.path, "--now", Self.secondNow,
        ])
        var staging: String?
        while running.isRunning && staging == nil {
            staging = try entries(of: output).first { $0.hasPrefix(".crosswalk-staging-") }
            if staging == nil { usleep(200) }
        }
        let stagingName = try #require(staging, "the run showed its staging folder before it ended")
        kill(running.pid, SIGKILL)
        let killed = try running.waitForExit()
        try #require(killed.terminatedBySignal, "the run was still writing when it was killed")

        let stagingPath = output.appendingPathComponent(stagingName).path
        let permissions = try FileManager.default.attributesOfItem(atPath: stagingPath)[.posixPermissions] as? Int
        #expect(permissions == 0o700)
        #expect(stagingName.count == ".crosswalk-staging-".count + 12)
        #expect(!FileManager.default.fileExists(atPath: stagingPath + "/journal"), "killed before the commit")
        #expect(try snapshot(output).filter { !$0.key.hasPrefix(".") } == before.filter { !$0.key.hasPrefix(".") })

        let next = try report(into: output, now: Self.secondNow)

        #expect(next.exitCode == 0, "stderr: \(next.stderr)")
        #expect(
            next.stderr.contains(
                "crosswalk: took over the stale lock \(output.path)/.crosswalk.lock left by pid \(running.pid), which is no longer running\n"
            ),
            "stderr: \(next.stderr)"
        )
        #expect(
            next.stderr.contains(
                "crosswalk: an earlier run was stopped before it replaced any report; removed its unfinished staging folder \(stagingPath)\n"
            ),
            "stderr: \(next.stderr)"
        )
        #expect(try entries(of: output) == ReportDocumentNames.set.sorted())
    }

    @Test func commitCutShortIsRolledBackByTheNextRun() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let output = folder.appendingPathComponent("out")
        let newer = folder.appendingPathComponent("newer")
        let formats = ["--format", "md,html,json"]
        let names =
            ["crosswalk-report.md", "executive-summary.md", "crosswalk-report.html", "executive-summary.html"]
            + ["crosswalk-report.json"]
        #expect(try report(into: output, extra: formats).exitCode == 0)
        #expect(try report(into: newer, now: Self.secondNow, extra: formats).exitCode == 0)
        // The state a run leaves when killed after swapping two of its five reports into place.
        let staging = output.appendingPathComponent(".crosswalk-staging-cutshort0001")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: staging.path)
        let manager = FileManager.default
        var journal = "crosswalk-commit 1\n"
        for (index, name) in names.enumerated() {
            let newFile = newer.appendingPathComponent(name)
            let inode = try #require(try manager.attributesOfItem(atPath: newFile.path)[.systemFileNumber] as? Int)
            journal += "write \(inode) \(name)\n"
            if index < 2 {
                try manager.moveItem(at: output.appendingPathComponent(name), to: staging.appendingPathComponent(name))
                try manager.moveItem(at: newFile, to: output.appendingPathComponent(name))
            } else {
                try manager.moveItem(at: newFile, to: staging.appendingPathComponent(name))
            }
        }
        try Data(journal.utf8).write(to: staging.appendingPathComponent("journal"))
        // A folder at the sixth name stops the next run after its recovery, so the recovered set
        // can be compared.
        try manager.createDirectory(
            at: output.appendingPathComponent("crosswalk-report.xml"),
            withIntermediateDirectories: false
        )

        let result = try report(into: output, now: Self.secondNow)

        #expect(result.exitCode == 73)
        #expect(
            result.stderr.contains(
                "crosswalk: an earlier run was stopped while replacing the reports; put the previous reports back and removed its staging folder \(staging.path)\n"
            ),
            "stderr: \(result.stderr)"
        )
        for name in names {
            #expect(try day(of: output.appendingPathComponent(name)) == "2026-11-01", "\(name) is the previous report")
        }
        #expect(!manager.fileExists(atPath: staging.path))
    }

    @Test func removesTemporaryFilesLeftByTheEarlierWriter() throws {
        let output = try CommandRunner.temporaryDirectory()
        for name in [".crosswalk-report.html.4711.tmp", ".crosswalk-report.json.4711.tmp"] {
            try Data("partial".utf8).write(to: output.appendingPathComponent(name))
        }
        try Data("mine".utf8).write(to: output.appendingPathComponent(".notes.4711.tmp"))

        let result = try report(into: output)

        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(
            result.stderr.contains(
                "crosswalk: \(output.path): removed 2 temporary files left by an earlier run that was stopped (.crosswalk-report.html.4711.tmp, .crosswalk-report.json.4711.tmp)\n"
            ),
            "stderr: \(result.stderr)"
        )
        #expect(try entries(of: output) == ([".notes.4711.tmp"] + ReportDocumentNames.set).sorted())
    }

    /// A report of several megabytes whose writing fails part-way (the disk fills up after the
    /// first buffers went out, the second of them past the page cache): the run fails with the
    /// file's name and the system's reason, and the earlier set stays as it was.
    @Test func aReportThatCannotBeWrittenInFullLeavesTheEarlierSet() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let output = folder.appendingPathComponent("out")
        let inventory = folder.appendingPathComponent("inventory.jsonl")
        try LargeInventory.write(identities: 10_000, to: inventory)
        let arguments = ["report", "--inventory", inventory.path, "--output", output.path, "--format", "json"]
        let first = try CommandRunner.run(arguments + ["--now", Self.firstNow])
        #expect(first.exitCode == 0, "stderr: \(first.stderr)")
        let report = output.appendingPathComponent("crosswalk-report.json")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: report.path)[.size] as? Int)
        let buffer = 4 << 20
        try #require(size > 3 * buffer, "the report spans several 4 MiB buffers (\(size) bytes)")
        let before = try snapshot(output)

        // Two buffers fit, the third only in part: the limit falls inside a direct write.
        let limit = 2 * buffer + (1 << 20) + (1 << 19)
        let failed = try CommandRunner.run(arguments + ["--now", Self.secondNow], fileSizeLimit: limit)

        #expect(failed.exitCode == 73, "stderr: \(failed.stderr)")
        #expect(failed.stderr.contains("crosswalk-report.json: error: cannot write the report: File too large"))
        #expect(failed.stderr.contains("crosswalk: nothing written"))
        #expect(try snapshot(output) == before)
    }

    // MARK: - One run at a time

    @Test func takesOverAndReportsAStaleLock() throws {
        let output = try CommandRunner.temporaryDirectory()
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        try Data("\(ended.processIdentifier)\n".utf8).write(to: output.appendingPathComponent(".crosswalk.lock"))

        let result = try report(into: output)

        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(
            result.stderr.contains(
                "crosswalk: took over the stale lock \(output.path)/.crosswalk.lock left by pid \(ended.processIdentifier), which is no longer running\n"
            ),
            "stderr: \(result.stderr)"
        )
        #expect(try entries(of: output) == ReportDocumentNames.set.sorted(), "the lock file is gone afterwards")
    }

    @Test func refusesToWriteWhileAnotherRunHoldsTheLock() throws {
        let output = try CommandRunner.temporaryDirectory()
        let lockPath = output.appendingPathComponent(".crosswalk.lock").path
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let pid = Array("\(getpid())\n".utf8)
        #expect(write(descriptor, pid, pid.count) == pid.count)

        let result = try report(into: output)

        #expect(result.exitCode == 75)
        #expect(
            result.stderr.hasSuffix(
                "\(output.path): error: another crosswalk run (pid \(getpid())) is writing reports into this folder; nothing written. Run again when it has finished.\n"
            ),
            "stderr: \(result.stderr)"
        )
        #expect(try entries(of: output) == [".crosswalk.lock"])
    }

    // MARK: - Inputs

    @Test func refusesAnInputLargerThanTheSizeLimit() throws {
        let path = "examples/acme/inventory.yaml"
        let size = try #require(
            try FileManager.default.attributesOfItem(atPath: Fixtures.url(path).path)[.size] as? Int
        )
        try #require(size > 50 * 1024 && size < 60 * 1024, "the example inventory is between 50 and 60 KiB")

        let accepted = try CommandRunner.run(["validate", "--max-input-size", "60K", path])
        let refused = try CommandRunner.run(["validate", "--max-input-size", "50K", path])
        let output = try CommandRunner.temporaryDirectory().appendingPathComponent("out")
        let refusedReport = try CommandRunner.run([
            "report", "examples/acme", "--max-input-size", "50KiB", "--output", output.path,
        ])

        #expect(accepted.exitCode == 0, "stderr: \(accepted.stderr)")
        #expect(refused.exitCode == 2)
        let tenths = (size * 10 + 512) / 1024
        let message =
            "\(path): error: the file is \(tenths / 10).\(tenths % 10) KiB (\(size) bytes), more than the input size limit of 50 KiB (51200 bytes); raise the limit with --max-input-size if the file is expected to be this large\n"
        #expect(refused.stderr == message)
        #expect(refusedReport.exitCode == 2)
        #expect(refusedReport.stderr.contains(message))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func rejectsAMalformedSizeLimitAsAUsageError() throws {
        let result = try CommandRunner.run(["validate", "--max-input-size", "1.5G", "examples/acme/inventory.yaml"])
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("The value '1.5G' is invalid for '--max-input-size <size>'"))
    }

    @Test func refusesANamedPipeAsInput() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let pipe = folder.appendingPathComponent("inventory.yaml").path
        try #require(mkfifo(pipe, 0o600) == 0)

        let result = try CommandRunner.run(["validate", pipe])

        #expect(result.exitCode == 2)
        #expect(result.stderr == "\(pipe): error: is a named pipe (FIFO); expected a regular file\n")
    }

    @Test func refusesATemplateOverrideThatIsASymbolicLink() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let secret = folder.appendingPathComponent("secret.txt")
        try Data("not for reports".utf8).write(to: secret)
        let link = templates.appendingPathComponent("leak.mustache")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: secret)
        let output = folder.appendingPathComponent("out")

        let result = try CommandRunner.run([
            "report", "examples/acme", "--templates", templates.path, "--output", output.path,
        ])

        #expect(result.exitCode == 2)
        #expect(
            result.stderr.contains(
                "\(link.path): error: is a symbolic link; template overrides must be regular files inside the templates folder (copy the file instead of linking it)\n"
            ),
            "stderr: \(result.stderr)"
        )
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    // MARK: - Helpers

    private func reportArguments(into output: URL, now: String = firstNow, extra: [String] = []) -> [String] {
        ["report", "examples/acme", "--output", output.path, "--now", now] + extra
    }

    private func report(into output: URL, now: String = firstNow, extra: [String] = []) throws -> CommandRunner.Result {
        try CommandRunner.run(reportArguments(into: output, now: now, extra: extra))
    }

    /// The names in a folder, sorted, hidden ones included.
    private func entries(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// Every file below `folder` by relative path, with its bytes; folders map to empty data.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            files[relative] = FileAccessProbe.isFolder(url) ? Data() : try Data(contentsOf: url)
        }
        return files
    }

    /// Which run wrote a report: the evaluation day it shows.
    /// The run date a report states, nil when it states none (the CSVs).
    private func day(of report: URL) throws -> String? {
        let text = try String(contentsOf: report, encoding: .utf8)
        let days = ["2026-11-01", "2026-11-02"].filter { text.contains($0) }
        if days.isEmpty { return nil }
        return days.count == 1 ? days[0] : "mixed: \(days)"
    }
}

/// Small file-system questions the tests ask.
enum FileAccessProbe {
    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
