/// Builds SVG (and any other markup the HTML report makes in Swift) as text, escaping every
/// attribute value and every text node with ``HTMLEscaping/escape(_:)``. Attribute and element
/// names are compile-time constants; values always end up in double quotes.
struct HTMLSVGWriter {
    private(set) var output = ""

    /// An attribute: a constant name and a value that will be escaped.
    typealias Attribute = (name: StaticString, value: String)

    /// Opens `<name …>`.
    mutating func open(_ name: StaticString, _ attributes: [Attribute] = []) {
        output += "<\(name)"
        append(attributes)
        output += ">"
    }

    /// Writes `</name>`.
    mutating func close(_ name: StaticString) {
        output += "</\(name)>"
    }

    /// Writes a childless element, `<name …/>`, or `<name …>text</name>` when `text` is given.
    mutating func element(_ name: StaticString, _ attributes: [Attribute] = [], text: String? = nil) {
        output += "<\(name)"
        append(attributes)
        if let text {
            output += ">" + HTMLEscaping.escape(text) + "</\(name)>"
        } else {
            output += "/>"
        }
    }

    /// Writes the `<title>` child that browsers and screen readers show for the enclosing element.
    mutating func title(_ text: String, id: String? = nil) {
        var attributes: [Attribute] = []
        if let id { attributes.append(("id", id)) }
        element("title", attributes, text: text)
    }

    private mutating func append(_ attributes: [Attribute]) {
        for attribute in attributes {
            output += " \(attribute.name)=\"" + HTMLEscaping.escape(attribute.value) + "\""
        }
    }

    /// `value` with at most one decimal, computed from integers so every platform prints the same
    /// text: `12`, `12.5`, `-0.3`.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        let whole = magnitude / 10
        let fraction = magnitude % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    static func number(_ value: Int) -> String { String(value) }
}
