/// Parses a whole JSON or YAML file into a ``SourceNode`` tree, turning syntax errors into diagnostics.
enum DocumentParser {
    static func parse(_ file: InputFile) throws -> SourceNode {
        try parse(file, as: file.format)
    }

    /// Parses the file as `format`, whatever its name says (exports may have no extension).
    static func parse(_ file: InputFile, as format: InputFormat?) throws -> SourceNode {
        switch format {
        case .json:
            do {
                return try JSONSourceParser.parse(file.bytes)
            } catch {
                throw Diagnostic(
                    .error,
                    file: file.path,
                    location: error.location,
                    message: "invalid JSON: \(error.message)"
                )
            }
        case .yaml:
            do {
                return try YAMLSourceParser.parse(bytes: file.bytes)
            } catch {
                throw Diagnostic(.error, file: file.path, location: error.location, message: error.message)
            }
        case .jsonLines:
            throw Diagnostic(.error, file: file.path, message: "JSON Lines is only accepted for inventories")
        case nil:
            throw Diagnostic(
                .error,
                file: file.path,
                message: "unknown file type: expected a name ending in .json, .jsonl, .yaml or .yml"
            )
        }
    }
}
