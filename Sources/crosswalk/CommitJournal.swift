import CrosswalkCore

/// The plan of one commit, written as `journal` into the staging folder before the first report is
/// moved, so that the next run can undo a commit that was cut short. Plain text:
///
/// ```text
/// crosswalk-commit 1
/// write 1234567 crosswalk-report.html
/// remove crosswalk-report.xml
/// ```
///
/// `write INODE NAME`: the new report staged as `NAME`, with its inode number (how recovery tells
/// a new file from an old one). `remove NAME`: a report of a format this run does not write, moved
/// out of the output folder by the commit. Only Crosswalk's own report names are accepted.
struct CommitJournal: Equatable {
    static let fileName = "journal"
    /// Created in the staging folder once every report is in place: from then on the commit counts
    /// as done, and what is left in the staging folder is the previous set, to be deleted.
    static let committedMarker = "committed"

    struct Write: Equatable {
        var name: String
        var inode: UInt64
    }

    var writes: [Write]
    var removals: [String]

    private static let header = "crosswalk-commit 1"
    /// Whether a journal line may name this file: a report (of any format, framework CSVs
    /// included), the manifest or its signature.
    private static func isMember(_ name: String) -> Bool {
        ReportDocument.isReportFileName(name) || ReportSetWriter.memberNames.contains(name)
    }

    init(writes: [Write], removals: [String]) {
        self.writes = writes
        self.removals = removals
    }

    var encoded: [UInt8] {
        var lines = [Self.header]
        lines += writes.map { "write \($0.inode) \($0.name)" }
        lines += removals.map { "remove \($0)" }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Reads a journal; nil when it is not one this version wrote.
    init?(decoding bytes: [UInt8]) {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.first == Self.header else { return nil }
        var writes: [Write] = []
        var removals: [String] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: " ").map(String.init)
            switch (fields.first, fields.count) {
            case ("write", 3):
                guard let inode = UInt64(fields[1]), Self.isMember(fields[2]) else { return nil }
                writes.append(Write(name: fields[2], inode: inode))
            case ("remove", 2):
                guard Self.isMember(fields[1]) else { return nil }
                removals.append(fields[1])
            default:
                return nil
            }
        }
        self.init(writes: writes, removals: removals)
    }
}
