import CrosswalkCore

/// The small integers the history stores for severities, statuses and finding keys.
enum EpisodeCodes {
    /// Bits of a finding id that hold the subject id; the control id sits above them.
    static let subjectBits: Int64 = 40

    /// One integer for an interned (control, subject) pair.
    static func finding(control: Int64, subject: Int64) -> Int64 { control << subjectBits | subject }

    static func control(ofFinding finding: Int64) -> Int64 { finding >> subjectBits }

    static func subject(ofFinding finding: Int64) -> Int64 { finding & ((1 << subjectBits) - 1) }

    static func code(_ severity: Severity) -> Int64 { Int64(Severity.allCases.firstIndex(of: severity) ?? 0) }

    static func severity(_ code: Int64) -> Severity {
        Severity.allCases.indices.contains(Int(code)) ? Severity.allCases[Int(code)] : .low
    }

    static func code(_ status: ResultStatus) -> Int64 { Int64(ResultStatus.allCases.firstIndex(of: status) ?? 0) }

    static func status(_ code: Int64) -> ResultStatus {
        ResultStatus.allCases.indices.contains(Int(code)) ? ResultStatus.allCases[Int(code)] : .fail
    }

    /// Severity, status and owner packed into one integer, to tell whether an open episode's
    /// details changed without keeping three values per finding in memory.
    static func details(severity: Int64, status: Int64, owner: Int64?) -> Int64 {
        ((owner ?? -1) + 1) << 8 | severity << 4 | status
    }

    /// The status packed into `details` by ``details(severity:status:owner:)``.
    static func status(ofDetails details: Int64) -> ResultStatus { status(details & 0xF) }
}
