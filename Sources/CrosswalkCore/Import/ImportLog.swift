/// Diagnostics an import collects: errors make the run fail (the file could not be read as its
/// kind), warnings go into the report (a record skipped, an unknown value kept, an export that says
/// it is incomplete).
struct ImportLog {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func error(_ file: String, at location: SourceLocation? = nil, keyPath: String? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: file, location: location, keyPath: keyPath, message: message))
    }

    mutating func warning(
        _ file: String,
        at location: SourceLocation? = nil,
        keyPath: String? = nil,
        _ message: String
    ) {
        diagnostics.append(Diagnostic(.warning, file: file, location: location, keyPath: keyPath, message: message))
    }

    mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
