/// One export file handed to an importer: its bytes, and its JSON or YAML tree parsed once on
/// first use (a CSV credential report has no tree; its importer reads the text).
public final class ImportDocument: @unchecked Sendable {
    public let file: InputFile
    private var parsed: Result<SourceNode, Diagnostic>?

    public init(_ file: InputFile) {
        self.file = file
    }

    /// The path as the user gave it, for diagnostics and record origins.
    public var path: String { file.path }

    /// The file's text, decoded as UTF-8 (a leading byte-order mark dropped, invalid bytes
    /// replaced).
    public var text: String {
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The JSON or YAML tree, with line and column on every node. A name with no known extension
    /// whose text starts like JSON is parsed as JSON, other unknown names as YAML (a superset of
    /// JSON); a `.csv` file has no tree.
    public func tree() throws -> SourceNode {
        if let parsed { return try parsed.get() }
        let result: Result<SourceNode, Diagnostic>
        do {
            result = .success(try parse())
        } catch let diagnostic as Diagnostic {
            result = .failure(diagnostic)
        } catch {
            result = .failure(Diagnostic(.error, file: path, message: "could not be parsed: \(error)"))
        }
        parsed = result
        return try result.get()
    }

    /// The tree, or nil when the file is not JSON or YAML (for shape detection).
    public var treeIfParsable: SourceNode? { try? tree() }

    private func parse() throws -> SourceNode {
        switch file.format {
        case .json, .yaml:
            return try DocumentParser.parse(file)
        case .jsonLines:
            throw Diagnostic(.error, file: path, message: "JSON Lines is only accepted for native inventories")
        case nil:
            if path.lowercased().hasSuffix(".csv") {
                throw Diagnostic(
                    .error,
                    file: path,
                    message: "a CSV file is not JSON or YAML; expected a CSV export kind"
                )
            }
            let first = file.bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            let looksLikeJSON = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
            return try DocumentParser.parse(file, as: looksLikeJSON ? .json : .yaml)
        }
    }

    /// Where a record of this file sits, as a finding's evidence names it: `line 12`, or the key
    /// path when the node has no location.
    public func origin(kind: ImportKind, node: SourceNode?, path: String) -> RecordOrigin {
        if let line = node?.location?.line {
            return RecordOrigin(kind: kind.name, file: self.path, record: "line \(line)")
        }
        return RecordOrigin(kind: kind.name, file: self.path, record: path)
    }
}
