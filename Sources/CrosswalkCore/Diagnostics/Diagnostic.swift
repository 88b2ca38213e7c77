/// A 1-based line and column in an input file (columns count Unicode scalars).
public struct SourceLocation: Hashable, Comparable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A problem found in an input: where it is and what was expected.
///
/// Printed compiler-style: `inventory.yaml:12:7: error: identities[3].kind: expected a string`.
/// Formats without positions (or problems that concern a whole file) print the key path alone.
///
/// The key path and the message pass through the secret screen when set, so no code path can put
/// credential material into a warning or an error (warnings are also rendered into every report).
/// Quote input values with ``quoted(_:)``, which screens and shortens them.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    /// The file as the user named it.
    public var file: String
    public var location: SourceLocation?
    /// Where in the document, e.g. `identities[3].credentials[0].expires`; screened when set.
    public var keyPath: String? {
        didSet { keyPath = keyPath.map(SecretScreen.redacting) }
    }
    /// What is wrong and what was expected; screened when set.
    public var message: String {
        didSet { message = SecretScreen.redacting(message) }
    }

    public init(
        _ severity: Severity,
        file: String,
        location: SourceLocation? = nil,
        keyPath: String? = nil,
        message: String
    ) {
        self.severity = severity
        self.file = file
        self.location = location
        self.keyPath = keyPath.map(SecretScreen.redacting)
        self.message = SecretScreen.redacting(message)
    }

    public var description: String {
        var text = file
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": \(severity.rawValue): "
        if let keyPath, !keyPath.isEmpty { text += "\(keyPath): " }
        return text + message
    }
}

/// Thrown when inputs cannot be used: carries every error found (and the warnings seen so far).
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
