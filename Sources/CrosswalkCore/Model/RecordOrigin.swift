/// Where an imported identity or credential was read: the import kind, the file and the record in
/// it. Reports show it as evidence beside every finding about the record.
public struct RecordOrigin: Hashable, Sendable {
    /// The import kind that read it, e.g. `aws-credential-report`.
    public var kind: String
    /// The file as given on the command line.
    public var file: String
    /// The record within the file: `line 4`, `UserDetailList[2]`, `items[17]`.
    public var record: String

    public init(kind: String, file: String, record: String) {
        self.kind = kind
        self.file = file
        self.record = record
    }

    /// `file, record`, as evidence shows it.
    public var description: String { "\(file), \(record)" }
}
