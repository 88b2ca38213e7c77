/// An input file's bytes and the name the user gave it. The CLI reads files; the core only sees this.
public struct InputFile: Sendable {
    /// The path as given on the command line, used in every diagnostic.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The syntax the file's extension announces.
    public var format: InputFormat? { InputFormat(path: path) }
}

/// The text formats Crosswalk reads.
public enum InputFormat: String, Sendable {
    case json
    case jsonLines
    case yaml

    public init?(path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".json") {
            self = .json
        } else if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") {
            self = .jsonLines
        } else if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            self = .yaml
        } else {
            return nil
        }
    }
}

/// Parses a whole JSON or YAML file into a ``SourceNode`` tree, turning syntax errors into diagnostics.
enum DocumentParser {
    static func parse(_ file: InputFile) throws -> SourceNode {
        switch file.format {
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

/// Keys whose value would be a credential's secret material. Dropped wherever they appear in an
/// identity or credential, with one warning per load; their values are never read.
enum SecretKeys {
    static let names: Set<String> = [
        "value", "secret", "secret_value", "token", "token_value", "password", "private_key", "key_material",
        "client_secret", "secret_access_key", "api_key", "access_token", "refresh_token_value", "connection_string",
    ]
}

/// Reads a document's `version` key and rejects versions this build does not understand.
enum DocumentVersion {
    static func check(_ object: ObjectReader, supported: Int64, what: String) throws {
        let version = try object.required("version", "the \(what) format version, 1").integer()
        guard version == supported else {
            throw Diagnostic(
                .error,
                file: object.file,
                location: object.optional("version")?.node.location,
                keyPath: "version",
                message: "unsupported \(what) version \(version); this build of Crosswalk reads version \(supported)"
            )
        }
    }
}
