/// One file of a report set, as the manifest lists it: its name in the output folder, its size
/// and SHA-256.
public struct ManifestFile: Sendable, Equatable {
    public var name: String
    public var byteCount: Int
    public var sha256: String

    public init(name: String, byteCount: Int, sha256: String) {
        self.name = name
        self.byteCount = byteCount
        self.sha256 = sha256
    }

    public init(name: String, digest: ContentDigest) {
        self.init(name: name, byteCount: digest.byteCount, sha256: digest.sha256)
    }
}
