import Mustache

/// The `HTML` content type for Mustache templates: `{{value}}` is escaped with
/// ``HTMLEscaping/escape(_:)``, the function the charts use, so values in templates and in charts
/// are escaped alike (control and bidirectional characters included, which Mustache's own HTML
/// escaping leaves raw).
///
/// ``ReportTemplates`` registers it under the name `HTML`, replacing Mustache's own, and makes it
/// the content type every template starts in.
struct HTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
