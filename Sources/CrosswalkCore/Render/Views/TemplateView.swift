/// A value a report template receives. Its stored properties are the template keys
/// (swift-mustache looks them up through `Mirror`), so a view holds only what templates read:
/// pre-formatted strings, `Bool`s for sections, arrays of rows and nested views. Templates escape
/// every string for their format; only the HTML page's stylesheets and charts are written raw.
///
/// The keys are a contract with users who replace templates (`--templates DIR`); docs/templates.md
/// lists them and a test keeps the list complete.
protocol TemplateView: Sendable {}
