/// The top-level documents of a `kubectl get … -o json|yaml` export, and the objects in them.
///
/// `kubectl` prints one `List`, or one object when a single one was asked for; a file put together
/// by hand may hold a YAML stream of several documents separated by `---`. The project's YAML
/// parser reads one document, so a stream is cut at its document markers (a `---` or `...` at the
/// start of a line, which YAML forbids inside any scalar) and each piece is parsed alone, with its
/// line numbers moved back to where the piece sits in the file.
enum KubernetesManifest {
    /// The file's documents, in order; empty documents in a stream are left out.
    static func documents(_ document: ImportDocument) throws -> [SourceNode] {
        let bytes = document.file.bytes
        if document.file.format == .json || startsLikeJSON(bytes) {
            return [try document.tree()]
        }
        let pieces = streamPieces(bytes).filter { hasContent(bytes[$0.range]) }
        guard pieces.count > 1 else { return [try document.tree()] }
        var nodes: [SourceNode] = []
        for piece in pieces {
            nodes.append(try parse(piece, of: bytes, file: document.path).get())
        }
        return nodes
    }

    /// Parses one document of a stream, its lines counted from the start of the file.
    private static func parse(_ piece: Piece, of bytes: [UInt8], file: String) -> Result<SourceNode, Diagnostic> {
        let node: SourceNode
        do {
            node = try YAMLSourceParser.parse(bytes: Array(bytes[piece.range]))
        } catch {
            let location = error.location.map { SourceLocation(line: $0.line + piece.firstLine - 1, column: $0.column) }
            return .failure(Diagnostic(.error, file: file, location: location, message: error.message))
        }
        return .success(shifted(node, lines: piece.firstLine - 1))
    }

    /// One document of a YAML stream: its bytes and the line it starts on (counted from 1).
    struct Piece {
        var range: Range<Int>
        var firstLine: Int
    }

    /// Cuts the bytes before each line that starts with a document marker.
    static func streamPieces(_ bytes: [UInt8]) -> [Piece] {
        var pieces: [Piece] = []
        var start = 0
        var startLine = 1
        var line = 1
        var offset = 0
        while offset < bytes.count {
            if offset == 0 || bytes[offset - 1] == UInt8(ascii: "\n") {
                if offset > start, isMarker(bytes, at: offset) {
                    pieces.append(Piece(range: start..<offset, firstLine: startLine))
                    start = offset
                    startLine = line
                }
            }
            if bytes[offset] == UInt8(ascii: "\n") { line += 1 }
            offset += 1
        }
        pieces.append(Piece(range: start..<bytes.count, firstLine: startLine))
        return pieces
    }

    /// `---` or `...` followed by the end of the line, a space or a tab.
    private static func isMarker(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard offset + 3 <= bytes.count else { return false }
        let first = bytes[offset]
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else { return false }
        guard bytes[offset + 1] == first, bytes[offset + 2] == first else { return false }
        guard offset + 3 < bytes.count else { return true }
        return [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(
            bytes[offset + 3]
        )
    }

    /// Whether a piece holds anything beyond markers, comments, directives and blank lines.
    private static func hasContent(_ bytes: ArraySlice<UInt8>) -> Bool {
        var atLineStart = true
        var skippingLine = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                atLineStart = true
                skippingLine = false
            } else if skippingLine || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r") || byte == 0xEF || byte == 0xBB || byte == 0xBF
            {
                // nothing
            } else if byte == UInt8(ascii: "#") || (atLineStart && byte == UInt8(ascii: "%")) {
                skippingLine = true
            } else if atLineStart, index + 3 <= bytes.endIndex,
                bytes[index] == bytes[index + 1] && bytes[index] == bytes[index + 2]
                    && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."))
            {
                index += 3
                atLineStart = false
                continue
            } else {
                return true
            }
            if byte != UInt8(ascii: "\n") { atLineStart = false }
            index += 1
        }
        return false
    }

    private static func startsLikeJSON(_ bytes: [UInt8]) -> Bool {
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    /// The node with every line number (values and keys) moved down by `lines`.
    static func shifted(_ node: SourceNode, lines: Int) -> SourceNode {
        guard lines != 0 else { return node }
        func move(_ location: SourceLocation?) -> SourceLocation? {
            location.map { SourceLocation(line: $0.line + lines, column: $0.column) }
        }
        switch node.value {
        case .array(let elements):
            return SourceNode(.array(elements.map { shifted($0, lines: lines) }), at: move(node.location))
        case .object(let members):
            let moved = members.map {
                SourceNode.Member(
                    key: $0.key,
                    keyLocation: move($0.keyLocation),
                    value: shifted($0.value, lines: lines)
                )
            }
            return SourceNode(.object(moved), at: move(node.location))
        default:
            return SourceNode(node.value, at: move(node.location))
        }
    }
}
