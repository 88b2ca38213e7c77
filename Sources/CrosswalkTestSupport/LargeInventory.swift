import Foundation

/// Writes synthetic JSON Lines inventories big enough that writing their reports takes a moment,
/// for tests that interrupt a run while it writes.
public enum LargeInventory {
    /// `count` service accounts, each with an owner-less, never-rotated API key kept in an
    /// environment variable, so every identity appears in many findings. With `notes`, each
    /// carries a `note` tag of about that many bytes of plain words, for files large in bytes
    /// rather than in identities.
    public static func write(identities count: Int, notes: Int = 0, to url: URL) throws {
        let words = "lorem ipsum dolor sit amet "
        let note = String(repeating: words, count: notes / words.utf8.count)
        let tags = notes > 0 ? #""tags":{"note":"\#(note)"},"# : ""
        var text = #"{"version":1,"organization":"Large Corp"}"# + "\n"
        for index in 0..<count {
            text += """
                {"id":"svc-\(index)","name":"service \(index)","kind":"service-account","platform":"aws",\
                "environment":"production","status":"active","created":"2024-01-01T00:00:00Z",\
                "authentication":"api-key",\(tags)"credentials":[{"id":"key-\(index)","type":"api-key",\
                "created":"2024-01-01T00:00:00Z","storage":"env-var"}]}

                """
        }
        try text.write(to: url, atomically: false, encoding: .utf8)
    }
}
