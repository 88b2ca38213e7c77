import Testing

@testable import CrosswalkCore

/// `String(joining:)` must give exactly the concatenation, whatever the parts hold.
struct JoinedTextTests {
    @Test(arguments: [
        [""],
        ["", "", ""],
        ["a"],
        ["svc-01", "/", "key-1"],
        ["a much longer identity id than fifteen bytes", " (", "365 days", ")"],
        ["é", "—", "😀", "", "\u{202E}x", "\u{0}"],
        ["e", "\u{301}"],
    ])
    func joinsExactlyAsConcatenation(_ parts: [String]) {
        let joined: String
        switch parts.count {
        case 1: joined = String(joining: parts[0])
        case 3: joined = String(joining: parts[0], parts[1], parts[2])
        case 4: joined = String(joining: parts[0], parts[1], parts[2], parts[3])
        case 6: joined = String(joining: parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
        default: joined = String(joining: parts[0], parts[1])
        }
        #expect(joined == parts.joined())
        #expect(Array(joined.utf8) == Array(parts.joined().utf8))
    }
}
