/// The run's input files as SARIF artifacts (`run.artifacts`, in the order of
/// ``RunMetadata/inputs``), and where in them each finding is located.
///
/// - An imported record (a finding with `source` evidence, `file, record`): the export file and,
///   for a record read at `line N`, that line; other records (`UserDetailList[2]`) point at line 1
///   and name the record.
/// - A native identity or credential: the native inventory file, line 1 (the report model keeps
///   no line per identity). With several native inventory files the first is named: the model
///   does not record which file an identity came from.
/// - A role: the first native inventory file, else the first import.
/// - A platform (logging): the policy file, else the first inventory or import.
struct SARIFArtifacts {
    /// One input file.
    struct Artifact {
        var digest: InputDigest
        var uri: SARIFArtifactURI

        /// The SARIF artifact roles of a Crosswalk input role.
        var roles: [String] {
            switch digest.role {
            case .inventory, .importedExport: return ["analysisTarget"]
            case .overlay, .policy, .waivers: return ["userSpecifiedConfiguration"]
            case .catalog: return ["taxonomy"]
            }
        }
    }

    /// Where a finding is shown.
    struct Location {
        /// Its artifact in ``artifacts``, when the file is an input of the run.
        var artifactIndex: Int?
        var uri: SARIFArtifactURI
        var line: Int
        /// The record inside an export, when it is not a line (`items[17]`).
        var record: String?
    }

    let artifacts: [Artifact]
    /// Imported export paths, longest first, to split `file, record` where the file name itself
    /// holds `, `.
    private let importPaths: [(path: String, index: Int)]
    private let firstInventory: Int?
    private let firstImport: Int?
    private let policy: Int?

    init(_ metadata: RunMetadata) {
        artifacts = metadata.inputs.map { Artifact(digest: $0, uri: SARIFArtifactURI(path: $0.path)) }
        let indexed = Array(artifacts.enumerated())
        importPaths = indexed.filter { $0.element.digest.role == .importedExport }
            .map { (path: $0.element.digest.path, index: $0.offset) }
            .sorted { $0.path.utf8.count > $1.path.utf8.count }
        firstInventory = indexed.first { $0.element.digest.role == .inventory }?.offset
        firstImport = indexed.first { $0.element.digest.role == .importedExport }?.offset
        policy = indexed.first { $0.element.digest.role == .policy }?.offset
    }

    /// The evidence that says where an imported subject was read (the recorder adds it).
    static func sourceEvidence(of finding: Finding) -> Evidence? {
        finding.evidence.last { $0.field == "source" && $0.expected.isEmpty }
    }

    /// Where `finding` is shown; nil when the run has no input file to point at.
    func location(of finding: Finding) -> Location? {
        if let source = Self.sourceEvidence(of: finding) {
            return location(ofSource: source.observed)
        }
        let index: Int?
        switch finding.subject.kind {
        case .identity, .credential: index = firstInventory ?? firstImport
        case .role: index = firstInventory ?? firstImport
        case .platform: index = policy ?? firstInventory ?? firstImport
        }
        guard let index else { return nil }
        return Location(artifactIndex: index, uri: artifacts[index].uri, line: 1, record: nil)
    }

    /// The file and record of a `file, record` origin.
    private func location(ofSource text: String) -> Location {
        var file = text
        var record = ""
        var index: Int?
        if let known = importPaths.first(where: { text.hasPrefix($0.path + ", ") }) {
            file = known.path
            record = String(text.dropFirst(known.path.count + 2))
            index = known.index
        } else if let comma = Self.lastSeparator(in: text) {
            file = String(text[..<comma])
            record = String(text[text.index(comma, offsetBy: 2)...])
        }
        // An input's URI is encoded once, with its artifact.
        let uri = index.map { artifacts[$0].uri } ?? SARIFArtifactURI(path: file)
        if record.hasPrefix("line "), let line = Int(record.dropFirst(5)), line > 0 {
            return Location(artifactIndex: index, uri: uri, line: line, record: nil)
        }
        return Location(
            artifactIndex: index,
            uri: uri,
            line: 1,
            record: record.isEmpty ? nil : record
        )
    }

    /// Where the last `, ` in `text` starts.
    private static func lastSeparator(in text: String) -> String.Index? {
        var found: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == ",", next < text.endIndex, text[next] == " " { found = index }
            index = next
        }
        return found
    }
}
