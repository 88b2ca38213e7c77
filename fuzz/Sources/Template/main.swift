import CrosswalkCore
import FuzzSupport

/// The templates a user can override, each with the document rendered from it; the input's first
/// byte picks which one the rest of the input replaces.
let overridable: [(name: String, document: ReportDocument)] = [
    ("report.md.mustache", .markdownReport),
    ("executive-summary.md.mustache", .markdownExecutiveSummary),
    ("report.html.mustache", .htmlReport),
    ("executive-summary.html.mustache", .htmlExecutiveSummary),
    ("report.css.mustache", .htmlReport),
]

// A fixed report is rendered with the overridden template.
runFuzzer { data, size in
    guard let data, size > 0, let report = FuzzPipeline.sampleReport else { return 0 }
    let (name, document) = overridable[Int(data[0]) % overridable.count]
    let override = FuzzPipeline.file(data + 1, size - 1, path: "templates/" + name)
    guard let templates = try? ReportTemplates(overrides: [override]) else { return 0 }
    FuzzPipeline.render(report, as: document, templates: templates)
    return 0
}
