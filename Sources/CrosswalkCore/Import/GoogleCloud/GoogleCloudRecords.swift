/// One record of a Google Cloud export (a service account, a key, an asset, a policy) with the key
/// path that locates it in its file.
struct GoogleCloudRecord {
    var node: SourceNode
    /// `[3]`, `accounts[3]`, `assets[0]`, or empty for a file that is one record.
    var path: String
}

/// Splits a Google Cloud export into its records, whatever wrapper it comes in:
///
/// - a JSON or YAML list (what `gcloud … --format=json` prints);
/// - a raw API response whose list sits under an envelope key (`accounts`, `keys`, `assets`,
///   `results`, `activities`), where a non-empty `nextPageToken` means the export holds only the first page;
/// - one object (a single record, or an IAM policy);
/// - a stream of YAML documents separated by `---` (what `gcloud … --format=yaml` prints for a
///   list);
/// - newline-delimited JSON, one record a line (what `gcloud asset export` writes).
enum GoogleCloudRecords {
    /// A key path below `path`: `[3]` and `email` give `[3].email`.
    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The envelope keys raw API list responses use.
    static let envelopeKeys = ["accounts", "keys", "assets", "results", "activities"]

    /// The records of a document, or an error diagnostic when it is neither JSON nor YAML.
    static func records(
        of document: ImportDocument,
        kind: ImportKind,
        log: inout ImportLog
    ) throws -> [GoogleCloudRecord] {
        let root: SourceNode
        do {
            root = try document.tree()
        } catch let failure as Diagnostic {
            if let stream = stream(of: document, log: &log) { return stream }
            throw failure
        }
        switch root.value {
        case .array(let nodes):
            return nodes.enumerated().map { GoogleCloudRecord(node: $0.element, path: "[\($0.offset)]") }
        case .object:
            if let key = envelopeKeys.first(where: { root[$0]?.isArray == true }), let list = root[key] {
                if let token = root[anyOf: "nextPageToken", "next_page_token"]?.nonBlankText, !token.isEmpty {
                    log.warning(
                        document.path,
                        at: root["nextPageToken"]?.location,
                        keyPath: "nextPageToken",
                        "the export is incomplete: it holds one page of \(kind.name) and says more follow (nextPageToken); export every page, e.g. with gcloud, which pages by itself"
                    )
                }
                return list.elements.enumerated().map {
                    GoogleCloudRecord(node: $0.element, path: "\(key)[\($0.offset)]")
                }
            }
            return [GoogleCloudRecord(node: root, path: "")]
        case .null:
            return []
        default:
            throw Diagnostic(
                .error,
                file: document.path,
                location: root.location,
                message: "expected a list of \(kind.name) records or one record, found \(root.typeDescription)"
            )
        }
    }

    /// The records of a YAML document stream or of newline-delimited JSON, or nil when the text
    /// is neither. A line of newline-delimited JSON that does not parse is skipped with a warning
    /// naming its line; the other lines are read.
    static func stream(of document: ImportDocument, log: inout ImportLog) -> [GoogleCloudRecord]? {
        let text = document.text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.contains(where: { String($0).trimmedOfSpaces == "---" }) {
            return yamlStream(lines, document: document, log: &log)
        }
        let filled = lines.enumerated().filter { !String($0.element).trimmedOfSpaces.isEmpty }
        guard !filled.isEmpty, filled.allSatisfy({ String($0.element).trimmedOfSpaces.hasPrefix("{") }) else {
            return nil
        }
        var records: [GoogleCloudRecord] = []
        var broken: [Diagnostic] = []
        for (index, line) in filled {
            do {
                let node = try JSONSourceParser.parse(Array(line.utf8), firstLine: index + 1)
                records.append(GoogleCloudRecord(node: node, path: "line \(index + 1)"))
            } catch {
                broken.append(
                    Diagnostic(
                        .warning,
                        file: document.path,
                        location: error.location,
                        message: "skipped: line \(index + 1) is not a JSON record: \(error.message)"
                    )
                )
            }
        }
        guard !records.isEmpty else { return nil }
        for diagnostic in broken { log.add(diagnostic) }
        return records
    }

    /// The first record of a stream, for shape detection (cheap: one line or one document).
    static func firstStreamRecord(of document: ImportDocument) -> SourceNode? {
        let text = document.text
        var chunk: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = String(line).trimmedOfSpaces
            if trimmed == "---" {
                if chunk.contains(where: { !String($0).trimmedOfSpaces.isEmpty }) { break }
                continue
            }
            if chunk.isEmpty, trimmed.hasPrefix("{") {
                return try? JSONSourceParser.parse(Array(line.utf8))
            }
            chunk.append(line)
            if chunk.count > 2_000 { return nil }
        }
        guard text.contains("\n---") || text.hasPrefix("---") else { return nil }
        return try? YAMLSourceParser.parse(chunk.joined(separator: "\n"))
    }

    /// The documents of a YAML stream; one that does not parse is skipped with a warning naming
    /// its line. Nil when none parses.
    private static func yamlStream(
        _ lines: [Substring],
        document: ImportDocument,
        log: inout ImportLog
    ) -> [GoogleCloudRecord]? {
        var records: [GoogleCloudRecord] = []
        var broken: [Diagnostic] = []
        var chunk: [Substring] = []
        var chunkStart = 0
        func flush() {
            defer { chunk = [] }
            guard chunk.contains(where: { !String($0).trimmedOfSpaces.isEmpty && !$0.hasPrefix("#") }) else { return }
            do {
                let node = try YAMLSourceParser.parse(chunk.joined(separator: "\n")).shifted(by: chunkStart)
                if case .null = node.value { return }
                records.append(GoogleCloudRecord(node: node, path: "document \(records.count + broken.count + 1)"))
            } catch {
                let line = (error.location?.line ?? 1) + chunkStart
                broken.append(
                    Diagnostic(
                        .warning,
                        file: document.path,
                        location: SourceLocation(line: line, column: error.location?.column ?? 1),
                        message:
                            "skipped: YAML document \(records.count + broken.count + 1) (from line \(chunkStart + 1)) does not parse: \(error.message)"
                    )
                )
            }
        }
        for (index, line) in lines.enumerated() {
            if String(line).trimmedOfSpaces == "---" {
                flush()
                chunkStart = index + 1
            } else {
                chunk.append(line)
            }
        }
        flush()
        guard !records.isEmpty else { return nil }
        for diagnostic in broken { log.add(diagnostic) }
        return records
    }
}

fileprivate extension SourceNode {
    /// The same tree with every line moved down by `lines` (a YAML document read out of a stream).
    func shifted(by lines: Int) -> SourceNode {
        guard lines != 0 else { return self }
        let moved = location.map { SourceLocation(line: $0.line + lines, column: $0.column) }
        switch value {
        case .array(let nodes):
            return SourceNode(.array(nodes.map { $0.shifted(by: lines) }), at: moved)
        case .object(let members):
            return SourceNode(
                .object(
                    members.map {
                        Member(
                            key: $0.key,
                            keyLocation: $0.keyLocation.map {
                                SourceLocation(line: $0.line + lines, column: $0.column)
                            },
                            value: $0.value.shifted(by: lines)
                        )
                    }
                ),
                at: moved
            )
        default:
            return SourceNode(value, at: moved)
        }
    }
}
