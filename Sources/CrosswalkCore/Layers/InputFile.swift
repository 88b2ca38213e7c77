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
