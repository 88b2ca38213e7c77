/// The URI of an input file in the SARIF log (`artifactLocation.uri`), from the path as given on
/// the command line.
///
/// A relative path stays relative, with `uriBaseId` `%SRCROOT%` (the folder Crosswalk ran in,
/// normally the repository root, which is what GitHub code scanning resolves against); a leading
/// `./` is dropped. An absolute path becomes a `file://` URI without a base. Every byte other than
/// the unreserved characters (`A–Z a–z 0–9 - . _ ~`) and `/` is percent-encoded, so spaces, `%`,
/// `#`, `?`, `:`, non-ASCII names and control characters cannot change what the URI means.
struct SARIFArtifactURI: Equatable {
    /// The `uriBaseId` of relative paths.
    static let sourceRoot = "%SRCROOT%"

    var uri: String
    /// ``sourceRoot`` for a relative path, nil for an absolute one.
    var baseID: String?

    init(path: String) {
        if path.hasPrefix("/") {
            uri = "file://" + Self.percentEncoded(path)
            baseID = nil
        } else {
            var relative = Substring(path)
            while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
            uri = Self.percentEncoded(String(relative))
            baseID = Self.sourceRoot
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    static func percentEncoded(_ path: String) -> String {
        var encoded = ""
        encoded.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded.append("%")
                encoded.append(hexDigits[Int(byte >> 4)])
                encoded.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return encoded
    }
}
