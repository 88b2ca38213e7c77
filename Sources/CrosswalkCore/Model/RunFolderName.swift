/// The name of one run's dated folder under the output root: its UTC start time in the ISO 8601
/// basic format, e.g. `20261101T000000Z`. Names sort in time order, and only names of exactly
/// this shape are ever treated as run folders (retention removes nothing else).
public struct RunFolderName: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let time: Timestamp

    public init(time: Timestamp) {
        self.time = time
    }

    /// Reads a folder name; nil unless it is exactly `YYYYMMDDTHHMMSSZ` and a valid time.
    public init?(_ name: String) {
        let characters = Array(name)
        guard characters.count == 16, characters[8] == "T", characters[15] == "Z",
            characters.enumerated().allSatisfy({ index, character in
                index == 8 || index == 15 || (character.isASCII && character.isNumber)
            })
        else { return nil }
        let text = String(characters)
        let iso =
            "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.dropFirst(6).prefix(2))T"
            + "\(text.dropFirst(9).prefix(2)):\(text.dropFirst(11).prefix(2)):\(text.dropFirst(13).prefix(2))Z"
        guard let time = Timestamp(iso8601: iso), time.iso8601 == iso else { return nil }
        self.time = time
    }

    /// The folder name.
    public var description: String {
        time.iso8601.filter { $0 != "-" && $0 != ":" }
    }

    public static func < (lhs: RunFolderName, rhs: RunFolderName) -> Bool {
        lhs.time < rhs.time
    }
}
