import Crypto

/// An Ed25519 private key that signs manifests (`--sign KEYFILE`), read from and written to
/// Crosswalk's private key file (``ManifestKeyFile``).
///
/// Signatures come from swift-crypto's `Curve25519.Signing`. On Linux it signs with BoringSSL,
/// which follows RFC 8032 and is deterministic: the same key and manifest give the same signature
/// bytes. On Apple platforms swift-crypto hands over to CryptoKit, whose signatures are randomized;
/// they verify just the same, but `manifest.json.sig` then differs from run to run while
/// `manifest.json` stays byte-identical.
public struct ManifestSigningKey: Sendable {
    /// The 32-byte raw representation (swift-crypto's key types are not `Sendable`).
    private let raw: [UInt8]

    private var key: Curve25519.Signing.PrivateKey {
        // `raw` was checked when this value was made, so this cannot fail.
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            preconditionFailure("a checked Ed25519 private key no longer loads")
        }
        return key
    }

    /// A new random key.
    public init() {
        raw = Array(Curve25519.Signing.PrivateKey().rawRepresentation)
    }

    /// Reads a private key file; throws a message saying what is wrong.
    public init(keyFile: [UInt8]) throws(ManifestReadError) {
        guard let raw = ManifestKeyFile.decode(keyFile, header: ManifestKeyFile.privateKeyHeader, count: 32) else {
            if ManifestKeyFile.decode(keyFile, header: ManifestKeyFile.publicKeyHeader, count: 32) != nil {
                throw ManifestReadError(
                    "this is a public key file; --sign takes the private key (the file without .pub)"
                )
            }
            throw ManifestReadError(
                "not a Crosswalk Ed25519 private key file (a line '\(ManifestKeyFile.privateKeyHeader)' and 32 bytes in base64); create one with `crosswalk keygen`"
            )
        }
        guard (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) != nil else {
            throw ManifestReadError("the private key is not a valid Ed25519 key")
        }
        self.raw = raw
    }

    /// The private key file's bytes.
    public var keyFile: [UInt8] {
        ManifestKeyFile.encode(header: ManifestKeyFile.privateKeyHeader, bytes: raw)
    }

    public var publicKey: ManifestVerificationKey {
        ManifestVerificationKey(key.publicKey)
    }

    /// The signature file for `manifest`, the exact bytes of `manifest.json`.
    public func signatureFile(for manifest: [UInt8]) throws -> [UInt8] {
        let signature = try key.signature(for: manifest)
        return ManifestKeyFile.encode(header: ManifestKeyFile.signatureHeader, bytes: Array(signature))
    }
}
