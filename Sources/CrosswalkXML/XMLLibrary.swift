import CLibXML2

/// Process-wide libxml2 set-up and the pointer conversion every call into it needs.
enum XMLLibrary {
    /// libxml2 must be initialised once before threads use it; `static let` runs this exactly once.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static func initialize() {
        _ = initialized
    }

    /// A C string as libxml2's `xmlChar` (UTF-8 bytes): signed and unsigned bytes may alias.
    static func xmlString(_ cString: UnsafePointer<CChar>) -> UnsafePointer<xmlChar> {
        UnsafeRawPointer(cString).assumingMemoryBound(to: xmlChar.self)
    }

    /// A libxml2 message as Swift text, or nil.
    static func string(_ cString: UnsafePointer<CChar>?) -> String? {
        cString.map { String(cString: $0) }
    }
}
