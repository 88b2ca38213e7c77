import CLibXML2

/// Process-wide libxml2 set-up and the pointer conversion every call into it needs.
enum XMLLibrary {
    /// libxml2 must be initialised once before threads use it; `static let` runs this exactly once.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Initialises libxml2 once, and makes the calling thread's generic error function discard
    /// messages (libxml2 keeps it per thread), so libxml2 never prints to the terminal itself:
    /// Crosswalk reports its problems through structured error handlers.
    static func initialize() {
        _ = initialized
        crosswalk_silence_generic_errors()
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
