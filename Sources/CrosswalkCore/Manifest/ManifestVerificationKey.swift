import Crypto

/// An Ed25519 public key that checks manifest signatures (`crosswalk verify --key PUBFILE`), read
/// from and written to Crosswalk's public key file (``ManifestKeyFile``).
public struct ManifestVerificationKey: Sendable {
    /// The 32-byte raw representation (swift-crypto's key types are not `Sendable`).
    private let raw: [UInt8]

    private var key: Curve25519.Signing.PublicKey {
        // `raw` was checked when this value was made, so this cannot fail.
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            preconditionFailure("a checked Ed25519 public key no longer loads")
        }
        return key
    }

    init(_ key: Curve25519.Signing.PublicKey) {
        raw = Array(key.rawRepresentation)
    }

    /// Reads a public key file; throws a message saying what is wrong.
    public init(keyFile: [UInt8]) throws(ManifestReadError) {
        guard let raw = ManifestKeyFile.decode(keyFile, header: ManifestKeyFile.publicKeyHeader, count: 32) else {
            if ManifestKeyFile.decode(keyFile, header: ManifestKeyFile.privateKeyHeader, count: 32) != nil {
                throw ManifestReadError(
                    "this is a private key file; --key takes the public key (the .pub file), and the private key should not leave the signer"
                )
            }
            throw ManifestReadError(
                "not a Crosswalk Ed25519 public key file (a line '\(ManifestKeyFile.publicKeyHeader)' and 32 bytes in base64); `crosswalk keygen` writes one"
            )
        }
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else {
            throw ManifestReadError("the public key is not a valid Ed25519 key")
        }
        self.raw = raw
    }

    /// The public key file's bytes.
    public var keyFile: [UInt8] {
        ManifestKeyFile.encode(header: ManifestKeyFile.publicKeyHeader, bytes: raw)
    }

    /// Lowercase hexadecimal SHA-256 of the 32-byte raw key, as manifests name their signing key.
    public var fingerprint: String {
        ContentDigester.digest(raw).sha256
    }

    /// Whether `signatureFile` (the bytes of `manifest.json.sig`) is a valid signature of
    /// `manifest` by this key; nil when the file is not a signature file at all.
    public func isValid(signatureFile: [UInt8], for manifest: [UInt8]) -> Bool? {
        guard
            let signature = ManifestKeyFile.decode(
                signatureFile,
                header: ManifestKeyFile.signatureHeader,
                count: 64
            )
        else { return nil }
        return key.isValidSignature(signature, for: manifest)
    }
}
