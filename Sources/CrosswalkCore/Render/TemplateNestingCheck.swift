/// Refuses templates whose structure would exhaust the stack: swift-mustache parses and renders
/// recursively, once per nested section and once per included partial, so a self-including
/// partial, mutually recursive partials or thousands of nested sections would crash the process.
///
/// Run on every template before any is parsed: the sections, inverted sections, blocks and
/// parents of one template, plus the partials it includes and theirs, may nest at most
/// ``maximumNesting`` levels deep; partials may not include themselves, directly or through
/// others; a partial's name may not come from report data (`{{>*name}}`), since a value could
/// then name any template. Problems are ``Diagnostic``s at the offending tag.
struct TemplateNestingCheck {
    /// How deep sections and partials may nest, counted across included partials. The bundled
    /// templates stay far below it.
    static let maximumNesting = 100
    /// How many transforms one tag may apply (`lowercased(name)` is one).
    static let maximumTransforms = 8

    /// What the check needs to know of one template.
    struct Template {
        /// The name partials use (`report.md`).
        var name: String
        /// The file named in diagnostics.
        var path: String
        var tags: [MustacheTag]
    }

    /// A template's inclusion of another, found by ``check(_:)``.
    private struct Inclusion {
        var name: String
        /// Section depth at the including tag.
        var depth: Int
        var location: SourceLocation
    }

    private var templates: [String: Template] = [:]
    private var inclusions: [String: [Inclusion]] = [:]
    private var ownDepth: [String: Int] = [:]

    /// Checks one template on its own (nesting, dynamic partials, transforms) and remembers its
    /// inclusions for ``checkInclusions()``.
    mutating func check(_ template: Template) throws {
        var open: [String] = []
        var deepest = 0
        var found: [Inclusion] = []
        for tag in template.tags {
            if tag.transformDepth > Self.maximumTransforms {
                throw error(
                    template.path,
                    tag.location,
                    "'\(tag.name)' applies more than \(Self.maximumTransforms) transforms"
                )
            }
            switch tag.kind {
            case .sectionStart, .parent:
                if tag.kind == .parent {
                    found.append(Inclusion(name: tag.name, depth: open.count, location: tag.location))
                }
                open.append(tag.name)
                if open.count > Self.maximumNesting {
                    throw error(
                        template.path,
                        tag.location,
                        "sections nest more than \(Self.maximumNesting) levels deep"
                    )
                }
                deepest = max(deepest, open.count)
            case .sectionEnd:
                // A mismatched close is the parser's error to report.
                guard open.last == tag.name else { break }
                open.removeLast()
            case .partial:
                found.append(Inclusion(name: tag.name, depth: open.count, location: tag.location))
            case .dynamicPartial:
                throw error(
                    template.path,
                    tag.location,
                    "a partial named by a value ('*\(tag.name)') is not supported; name the partial itself"
                )
            case .variable, .unescapedVariable, .contentType, .other:
                break
            }
        }
        templates[template.name] = template
        inclusions[template.name] = found
        ownDepth[template.name] = deepest
    }

    /// The names of the templates that some template includes.
    var includedNames: Set<String> {
        Set(inclusions.values.flatMap { $0.map(\.name) })
    }

    /// Checks that no partial includes itself and that nesting across partials stays within
    /// ``maximumNesting``. Partials that no template defines render as nothing and are ignored.
    func checkInclusions() throws {
        var known: [String: Int] = [:]
        for name in templates.keys.sorted() {
            _ = try nesting(of: name, enteredAt: 0, chain: [name], known: &known)
        }
    }

    /// The levels `name` nests with its partials, entered at `level`; `chain` is the inclusion
    /// path that led here. Recursion stops at ``maximumNesting`` levels, however many templates.
    private func nesting(
        of name: String,
        enteredAt level: Int,
        chain: [String],
        known: inout [String: Int]
    ) throws -> Int {
        if let known = known[name] { return known }
        guard let including = templates[name] else { return 0 }
        var depth = ownDepth[name] ?? 0
        for inclusion in inclusions[name] ?? [] where templates[inclusion.name] != nil {
            let path = chain + [inclusion.name]
            if chain.contains(inclusion.name) {
                let cycle = path.drop { $0 != inclusion.name }.joined(separator: " → ")
                throw error(
                    including.path,
                    inclusion.location,
                    "the partial '\(inclusion.name)' includes itself (\(cycle)); partials may not recurse"
                )
            }
            let entry = level + inclusion.depth + 1
            let tooDeep = error(
                including.path,
                inclusion.location,
                "sections and partials nest more than \(Self.maximumNesting) levels deep (\(path.joined(separator: " → ")))"
            )
            guard entry <= Self.maximumNesting else { throw tooDeep }
            let included = try nesting(of: inclusion.name, enteredAt: entry, chain: path, known: &known)
            guard entry + included <= Self.maximumNesting else { throw tooDeep }
            depth = max(depth, inclusion.depth + 1 + included)
        }
        known[name] = depth
        return depth
    }

    private func error(_ path: String, _ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, file: path, location: location, message: "template error: \(message)")
    }
}
