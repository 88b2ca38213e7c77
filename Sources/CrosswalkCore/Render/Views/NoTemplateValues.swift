/// The view of a template that reads no values: the HTML pages' stylesheets.
struct NoTemplateValues: TemplateView {}
