import CrosswalkCore

/// A name as the XML report spells it, with its bytes held for a quick copy when it is short
/// (``ShortUTF8``): ``XMLRowSerializer`` writes names several times per row. Both an
/// ``ExportName`` and an ``XMLName`` are read where they are, without a copy.
protocol XMLSpelled {
    var xml: String { get }
    var xmlShort: ShortUTF8? { get }
}

extension ExportName: XMLSpelled {}

/// An element or attribute name on its own, such as a list's item name.
struct XMLName: XMLSpelled {
    let xml: String
    let xmlShort: ShortUTF8?

    init(_ text: String) {
        xml = text
        xmlShort = ShortUTF8(text)
    }

    /// The XML spelling of `name`, with the bytes it already holds.
    init(_ name: ExportName) {
        xml = name.xml
        xmlShort = name.xmlShort
    }
}
