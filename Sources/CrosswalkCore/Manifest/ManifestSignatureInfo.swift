/// What a signed manifest says about its signature: the algorithm (`ed25519`), the file that holds
/// it and the SHA-256 of the public key that checks it, so `crosswalk verify` can tell a wrong key
/// from a tampered manifest. Being inside the signed bytes, it cannot be changed unnoticed by
/// anyone holding the right key.
public struct ManifestSignatureInfo: Sendable, Equatable {
    public static let ed25519 = "ed25519"

    public var algorithm: String
    public var file: String
    /// Lowercase hexadecimal SHA-256 of the 32-byte raw public key.
    public var publicKeySHA256: String

    public init(
        algorithm: String = Self.ed25519,
        file: String = ReportManifest.signatureFileName,
        publicKeySHA256: String
    ) {
        self.algorithm = algorithm
        self.file = file
        self.publicKeySHA256 = publicKeySHA256
    }
}
