import Testing

@testable import CrosswalkXML

/// The libxml2 writer wrapper: declaration, namespace, indentation, escaping and replacement.
@Suite struct XMLStreamWriterTests {
    static func written(_ body: (XMLStreamWriter) throws -> Void) throws -> String {
        let xml = try XMLStreamWriter(file: "test.xml")
        try xml.startDocument()
        try body(xml)
        return String(decoding: try xml.finish(), as: UTF8.self)
    }

    @Test func writesIndentedElementsWithTextInline() throws {
        let text = try Self.written { xml in
            try xml.element("root", namespace: "urn:example") {
                try xml.attribute("version", 1)
                try xml.element("empty") { try xml.attribute("flag", true) }
                try xml.textElement("name", "value")
                try xml.textElement("absent", nil as String?)
                try xml.attribute("skipped", nil as String?)
            }
        }
        #expect(
            text == """
                <?xml version="1.0" encoding="UTF-8"?>
                <root version="1" xmlns="urn:example">
                  <empty flag="true"/>
                  <name>value</name>
                </root>

                """
        )
    }

    @Test func escapesMarkupAndReplacesForbiddenCharacters() throws {
        let text = try Self.written { xml in
            try xml.element("r") {
                try xml.attribute("a", "\"<&>\t\n\r\u{0}")
                try xml.text("<b>&]]>\r\u{07}\u{FFFF}🦊")
            }
        }
        #expect(
            text.split(separator: "\n").last
                == #"<r a="&quot;&lt;&amp;&gt;&#9;&#10;&#13;\#u{FFFD}">&lt;b&gt;&amp;]]&gt;&#13;\#u{FFFD}\#u{FFFD}🦊</r>"#
        )
    }
}
