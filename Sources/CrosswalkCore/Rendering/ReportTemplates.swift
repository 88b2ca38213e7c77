import Mustache

/// The Mustache templates reports are rendered with: the bundled ones from `templates/`, each
/// replaceable by a file of the same name from an override folder.
public struct ReportTemplates: Sendable {
    private var library: MustacheLibrary

    /// Registers Crosswalk's content types once per process.
    private static let registerContentTypes: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()

    /// Parses the bundled templates, then `overrides` (file name → text, e.g. read from `--templates DIR`).
    /// Throws a ``Diagnostic`` naming file, line and column when a template does not parse.
    public init(overrides: [InputFile] = []) throws {
        _ = Self.registerContentTypes
        var library = MustacheLibrary()
        let bundled = BundledResources.files.filter {
            $0.path.hasPrefix("templates/") && $0.path.hasSuffix(".mustache")
        }
        for file in bundled {
            try Self.register(file.text, path: file.path, into: &library)
        }
        for file in overrides where file.path.hasSuffix(".mustache") {
            guard let text = String(validating: file.bytes, as: UTF8.self) else {
                throw Diagnostic(.error, file: file.path, message: "the template is not valid UTF-8 text")
            }
            try Self.register(text, path: file.path, into: &library)
        }
        self.library = library
    }

    private static func register(_ text: String, path: String, into library: inout MustacheLibrary) throws {
        let name = String(path.split(separator: "/").last ?? Substring(path)).replacingSuffix(".mustache")
        do {
            library.register(try MustacheTemplate(string: text), named: name)
        } catch let error as MustacheTemplate.ParserError {
            throw Diagnostic(
                .error,
                file: path,
                location: SourceLocation(line: error.context.lineNumber, column: error.context.columnNumber),
                message: "template error: \(error.error)"
            )
        }
    }

    /// Renders the template `name` (e.g. `report.md`) with a view model of dictionaries and arrays.
    func render(_ name: String, _ view: [String: Any]) throws -> String {
        guard let output = library.render(view, withTemplate: name) else {
            throw Diagnostic(.error, file: "templates/\(name).mustache", message: "no template named \(name)")
        }
        return output
    }
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
