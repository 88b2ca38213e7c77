import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small element tree read with Foundation's `XMLParser`, so tests check the rendered XML with a
/// parser other than the writer's own, and look facts up by element name and attribute.
final class ParsedXML {
    final class Element {
        let name: String
        let namespace: String?
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""

        init(name: String, namespace: String?, attributes: [String: String]) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
        }

        subscript(attribute: String) -> String? { attributes[attribute] }

        /// The first child element named `name`.
        func child(_ name: String) -> Element? { children.first { $0.name == name } }

        /// Every descendant element named `name`, in document order.
        func descendants(_ name: String) -> [Element] {
            children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    let root: Element

    /// Parses `bytes`; throws when they are not well-formed XML.
    init(_ bytes: [UInt8]) throws {
        let builder = Builder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(
                description:
                    "not well-formed at line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "?")"
            )
        }
        self.root = root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []

        func parser(
            _ parser: XMLParser,
            didStartElement elementName: String,
            namespaceURI: String?,
            qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = Element(name: elementName, namespace: namespaceURI, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(
            _ parser: XMLParser,
            didEndElement elementName: String,
            namespaceURI: String?,
            qualifiedName: String?
        ) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
