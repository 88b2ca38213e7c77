import Crypto

/// The file name of a framework's CSV, `crosswalk-framework-<catalog id>.csv`, and how a run
/// recognises such a file as one of its reports (to replace or tidy it).
///
/// A catalog id is used as it is when it consists of ASCII letters, digits, `.`, `_` and `-` and
/// does not start with `.` (every bundled id does). Any other id (a user catalog may use `/` or
/// spaces) has each other character replaced by `_` and the first 8 hexadecimal digits of the
/// SHA-256 of the id appended (`crosswalk-framework-my_catalog-1a2b3c4d.csv`), so the name stays
/// one plain file in the output folder and two such ids do not share a name.
public enum FrameworkCSVFileName {
    public static let prefix = "crosswalk-framework-"
    public static let suffix = ".csv"

    /// The file name for the catalog `catalogID`.
    public static func of(catalogID: String) -> String {
        if isPlain(catalogID) { return prefix + catalogID + suffix }
        let replaced = String(catalogID.unicodeScalars.map { isAllowed($0) ? Character($0) : "_" })
        let digest = SHA256.hash(data: Array(catalogID.utf8)).prefix(4)
        let hex = digest.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        return prefix + replaced + "-" + hex + suffix
    }

    /// Whether `name` is the name of some framework's CSV.
    public static func matches(_ name: String) -> Bool {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count > prefix.count + suffix.count else {
            return false
        }
        let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
        return middle.unicodeScalars.allSatisfy(isAllowed)
    }

    private static func isPlain(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix(".") && id.unicodeScalars.allSatisfy(isAllowed)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": return true
        default: return false
        }
    }
}
