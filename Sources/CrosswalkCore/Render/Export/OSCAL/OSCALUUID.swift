import Crypto

/// The UUIDs of the OSCAL export, derived from content so that the same run gives the same bytes
/// (docs/exports/oscal.md, "Identifiers").
///
/// A UUID is the first 16 bytes of the SHA-256 of ``namespace``, a line feed and a name (UTF-8),
/// laid out as RFC 4122 version 5 (version nibble `5`, variant `10`). RFC 4122 version 5 hashes
/// with SHA-1 and RFC 9562 would call a SHA-256 name-based UUID version 8, but OSCAL 1.1 accepts
/// only versions 4 and 5, so the version-5 layout is kept with the stronger hash: names hold
/// attacker-controlled ids. Anyone can recompute a UUID from its name.
public enum OSCALUUID {
    /// Prefixes every name; also the namespace of Crosswalk's OSCAL properties.
    public static let namespace = "https://crosswalk.invalid/ns/oscal"

    /// The UUID for `name`.
    public static func named(_ name: String) -> String {
        var input = Array(namespace.utf8)
        input.append(0x0A)
        input += name.utf8
        var bytes = Array(SHA256.hash(data: input).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        var text = ""
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append("-") }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return text
    }

    /// The observation of one finding: named after its ``FindingID``, so it keeps its UUID from
    /// run to run as long as the finding exists.
    public static func observation(findingID: String) -> String { named("observation\n" + findingID) }

    /// The summary observation of a control.
    public static func controlObservation(_ controlID: String) -> String { named("control\n" + controlID) }

    /// A subject (identity, credential, role or platform) by kind and id.
    public static func subject(kind: String, id: String) -> String { named("subject\n\(kind)\n\(id)") }

    /// The finding about one framework entry; the catalog id is length-prefixed so that no pair
    /// of ids can spell another's name.
    public static func entryFinding(catalog: String, entry: String) -> String {
        named("finding\n\(catalog.utf8.count)\n\(catalog)\n\(entry)")
    }

    /// The risk of a failing control, one per risk status.
    public static func risk(control: String, status: String) -> String { named("risk\n\(control)\n\(status)") }

    private static let hexDigits: [Character] = Array("0123456789abcdef")
}
