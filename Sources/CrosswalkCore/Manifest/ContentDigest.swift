/// A file's size and SHA-256 (lowercase hexadecimal), as the manifest records them.
public struct ContentDigest: Sendable, Equatable {
    public var byteCount: Int
    public var sha256: String

    public init(byteCount: Int, sha256: String) {
        self.byteCount = byteCount
        self.sha256 = sha256
    }
}
