import Mustache

/// The view of a template that reads no values: the HTML pages' stylesheets.
struct NoTemplateValues: TemplateView {
    func child(named key: String) -> Any? { nil }
}
