import Mustache

/// A value a report template receives. Its stored properties are the template keys, so a view
/// holds only what templates read: pre-formatted strings, `Bool`s for sections, arrays of rows and
/// nested views. Templates escape every string for their format; only the HTML page's
/// stylesheets and charts are written raw.
///
/// swift-mustache would find the properties through `Mirror`, which reflects every property of
/// a row (and of each enclosing view a name is looked up in) at every tag; rendering a report
/// that way takes several times longer. So each view answers ``MustacheParent/child(named:)``
/// itself with a `switch` over its property names, and a test checks that the `switch` lists
/// every stored property under its own name.
///
/// The keys are a contract with users who replace templates (`--templates DIR`); docs/templates.md
/// lists them and a test keeps the list complete.
protocol TemplateView: Sendable, MustacheParent {}
