/// Finds positions that Yams does not report, by reading the YAML text near one it does: where a
/// mapping repeats a key (Yams gives only the first occurrence) and where an alias is written
/// (an alias node carries the position of its anchor).
enum YAMLTextSearch {
    /// The location of the second `key` of the mapping whose first `key` is at `first`, or nil
    /// when the text does not show it plainly.
    static func repeatedKey(_ key: String, firstAt first: SourceLocation, in text: String) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count, !key.isEmpty else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }

        // A flow mapping on one line: `{id: a, id: b}`.
        let firstLine = Array(lines[first.line - 1].unicodeScalars)
        var column = first.column  // 1-based, counts scalars
        while column < firstLine.count {
            let scalar = firstLine[column - 1]
            if scalar == "," || scalar == "{" {
                var start = column
                while start < firstLine.count, firstLine[start] == " " { start += 1 }
                if isKey(firstLine, at: start, spellings) { return SourceLocation(line: first.line, column: start + 1) }
            }
            column += 1
        }

        // A block mapping: the repeat sits at the same column on a later line, before any line
        // indented less than the key ends the mapping.
        for lineIndex in first.line..<lines.count {
            let line = Array(lines[lineIndex].unicodeScalars)
            guard let indent = line.firstIndex(where: { $0 != " " }), line[indent] != "#", line[indent] != "\r" else {
                continue
            }
            if indent + 1 < first.column { return nil }
            if indent + 1 == first.column, isKey(line, at: indent, spellings) {
                return SourceLocation(line: lineIndex + 1, column: indent + 1)
            }
        }
        return nil
    }

    /// Whether `line` holds one of the key's spellings at `start` (0-based), followed by `:`.
    private static func isKey(_ line: [Unicode.Scalar], at start: Int, _ spellings: [[Unicode.Scalar]]) -> Bool {
        for spelling in spellings where line.count >= start + spelling.count {
            guard Array(line[start..<start + spelling.count]) == spelling else { continue }
            var next = start + spelling.count
            while next < line.count, line[next] == " " { next += 1 }
            if next < line.count, line[next] == ":" { return true }
        }
        return false
    }

    /// The location of the first `*name` alias at or after `start`, or nil.
    static func alias(named name: String, from start: SourceLocation, in text: String) -> SourceLocation? {
        let token = Array(("*" + name).unicodeScalars)
        var lineNumber = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { lineNumber += 1 }
            guard lineNumber >= start.line else { continue }
            let scalars = Array(line.unicodeScalars)
            var index = lineNumber == start.line ? max(0, start.column - 1) : 0
            while index + token.count <= scalars.count {
                let end = index + token.count
                if Array(scalars[index..<end]) == token,
                    end == scalars.count || " ,]}\r\t#".unicodeScalars.contains(scalars[end])
                {
                    return SourceLocation(line: lineNumber, column: index + 1)
                }
                index += 1
            }
        }
        return nil
    }
}
