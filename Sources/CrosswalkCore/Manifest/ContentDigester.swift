import Crypto

/// Hashes a file's bytes as they stream past, block by block, so a report or input of any size is
/// digested without being held in memory.
public struct ContentDigester {
    private var hasher = SHA256()
    private var byteCount = 0

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
        byteCount += bytes.count
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The size and hash of everything given so far.
    public func finish() -> ContentDigest {
        ContentDigest(byteCount: byteCount, sha256: Hexadecimal.text(Array(hasher.finalize())))
    }

    /// The digest of `bytes`.
    public static func digest(_ bytes: [UInt8]) -> ContentDigest {
        var digester = ContentDigester()
        digester.update(bytes)
        return digester.finish()
    }
}
