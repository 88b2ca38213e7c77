import Mustache

/// The Mustache templates reports are rendered with: the bundled ones from `templates/`, each
/// replaceable by a file of the same name from an override folder.
///
/// Every template starts in the `HTML` content type (``HTMLContentType``, Crosswalk's HTML
/// escaping); Markdown templates switch with `{{% CONTENT_TYPE: MARKDOWN }}`. Before any template
/// is parsed, ``TemplateNestingCheck`` refuses structures that would exhaust the stack.
public struct ReportTemplates: Sendable {
    /// An override file that replaces a bundled template.
    public struct Replacement: Sendable, Equatable {
        /// The override file as the user named it (`brand/report.md.mustache`).
        public var file: String
        /// The bundled template's file name (`report.md.mustache`).
        public var template: String

        public init(file: String, template: String) {
            self.file = file
            self.template = template
        }
    }

    private var library: MustacheLibrary
    /// Template name → the file it was read from.
    private var paths: [String: String]
    /// Template name → its text, for finding which file holds a refused fragment.
    private var texts: [String: String]
    /// Template name → the templates it includes.
    private var inclusions: [String: [String]]

    /// The bundled templates the overrides replace, in file name order.
    public private(set) var replacements: [Replacement] = []
    /// What is risky or unused in the overrides: a value written without escaping (`{{{…}}}`,
    /// `{{& …}}`) other than the fragments Crosswalk builds itself, escaping turned off
    /// (`{{% CONTENT_TYPE: TEXT }}`), and a file that neither replaces a bundled template nor is
    /// included by one.
    public private(set) var warnings: [Diagnostic] = []

    /// Registers Crosswalk's content types once per process. `HTML` replaces Mustache's own.
    private static let registerContentTypes: Void = {
        MustacheContentTypes.register(HTMLContentType(), named: "HTML")
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()

    /// Put before every template so that it starts in Crosswalk's `HTML` content type (Mustache
    /// starts each template and partial in its own). A standalone tag on its own line renders as
    /// nothing, so the template's output is unchanged; its parser positions are one line lower.
    private static let contentTypePrefix = "{{% CONTENT_TYPE: HTML }}\n"

    /// Parses the bundled templates, then `overrides` (files ending in `.mustache`, e.g. read from
    /// `--templates DIR`; each replaces the bundled template of the same file name). Throws a
    /// ``Diagnostic`` naming file, line and column when a template does not parse or nests too deep.
    public init(overrides: [InputFile] = []) throws {
        _ = Self.registerContentTypes
        var sources: [String: (path: String, text: String)] = [:]
        for file in BundledResources.files where file.path.hasPrefix("templates/") && file.path.hasSuffix(".mustache") {
            sources[Self.templateName(file.path)] = (file.path, file.text)
        }
        let bundled = sources
        var overridden: [String] = []
        for file in overrides where file.path.hasSuffix(".mustache") {
            guard let text = String(validating: file.bytes, as: UTF8.self) else {
                throw Diagnostic(.error, file: file.path, message: "the template is not valid UTF-8 text")
            }
            let name = Self.templateName(file.path)
            sources[name] = (file.path, text)
            overridden.append(name)
        }

        var check = TemplateNestingCheck()
        var tags: [String: [MustacheTag]] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            tags[name] = MustacheTagScanner.tags(in: source.text)
            try check.check(.init(name: name, path: source.path, tags: tags[name] ?? []))
        }
        try check.checkInclusions()

        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            try Self.register(source.text, name: name, path: source.path, into: &library)
        }
        self.library = library
        self.paths = sources.mapValues(\.path)
        self.texts = sources.mapValues(\.text)
        self.inclusions = tags.mapValues { tags in
            tags.filter { $0.kind == .partial || $0.kind == .parent }.map(\.name)
        }

        describeOverrides(overridden, bundled: bundled, tags: tags, included: check.includedNames)
    }

    /// Fills ``replacements`` and ``warnings`` for the `overridden` template names.
    private mutating func describeOverrides(
        _ overridden: [String],
        bundled: [String: (path: String, text: String)],
        tags: [String: [MustacheTag]],
        included: Set<String>
    ) {
        // The values the bundled templates write unescaped are fragments built and escaped in
        // Swift (stylesheets, charts); an override may do the same without a warning.
        let trustedUnescaped = Set(
            bundled.values.flatMap { source in
                MustacheTagScanner.tags(in: source.text).filter { $0.kind == .unescapedVariable }.map(\.name)
            }
        )
        for name in overridden.sorted() {
            let path = path(of: name)
            if bundled[name] != nil {
                replacements.append(Replacement(file: path, template: name + ".mustache"))
            } else if !included.contains(name) {
                warnings.append(
                    Diagnostic(
                        .warning,
                        file: path,
                        message:
                            "replaces no bundled template and no template includes it, so it is not used; bundled templates: "
                            + bundled.keys.sorted().map { $0 + ".mustache" }.joined(separator: ", ")
                    )
                )
            }
            warnings += Self.unescapingWarnings(tags[name] ?? [], path: path, trusted: trustedUnescaped)
        }
    }

    /// Warnings for the tags of an override that write values without escaping.
    private static func unescapingWarnings(_ tags: [MustacheTag], path: String, trusted: Set<String>) -> [Diagnostic] {
        tags.compactMap { tag in
            switch tag.kind {
            case .unescapedVariable where !trusted.contains(tag.name):
                return Diagnostic(
                    .warning,
                    file: path,
                    location: tag.location,
                    message:
                        "'\(tag.name)' is written without escaping ({{{…}}} or {{&…}}), so text from the inventory or a catalog could inject markup; use {{\(tag.name)}}"
                )
            case .contentType where tag.name == "TEXT":
                return Diagnostic(
                    .warning,
                    file: path,
                    location: tag.location,
                    message:
                        "CONTENT_TYPE: TEXT turns off escaping for the rest of the template, so text from the inventory or a catalog could inject markup"
                )
            default:
                return nil
            }
        }
    }

    /// `report.md` for `brand/report.md.mustache`.
    private static func templateName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path)).replacingSuffix(".mustache")
    }

    private static func register(
        _ text: String,
        name: String,
        path: String,
        into library: inout MustacheLibrary
    ) throws {
        do {
            library.register(try MustacheTemplate(string: contentTypePrefix + text), named: name)
        } catch let error as MustacheTemplate.ParserError {
            throw Diagnostic(
                .error,
                file: path,
                location: SourceLocation(
                    line: max(1, error.context.lineNumber - 1),
                    column: error.context.columnNumber
                ),
                message: "template error: \(error.error)"
            )
        }
    }

    /// The file the template `name` (e.g. `report.css`) was read from: the override's path, or
    /// `templates/<name>.mustache`.
    func path(of name: String) -> String {
        paths[name] ?? "templates/\(name).mustache"
    }

    /// The file of the first template, among `name` and the partials it includes, whose text
    /// holds `fragment` (case-insensitively); the file of `name` when none does.
    func path(of name: String, holding fragment: String) -> String {
        var queue = [name]
        var seen: Set<String> = []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            guard seen.insert(next).inserted, let text = texts[next] else { continue }
            if text.lowercased().contains(fragment.lowercased()) { return path(of: next) }
            queue += inclusions[next] ?? []
        }
        return path(of: name)
    }

    /// Renders the template `name` (e.g. `report.md`) with a typed view, whose stored properties
    /// are the template's keys.
    func render(_ name: String, _ view: some TemplateView) throws -> String {
        guard let output = library.render(view, withTemplate: name) else {
            throw Diagnostic(.error, file: path(of: name), message: "no template named \(name)")
        }
        return output
    }
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
