import CrosswalkCore
import Testing

/// `ManifestVerifier` names each changed, removed, replaced and added entry, and tells a valid
/// signature from a wrong key, a tampered manifest, a missing and a malformed signature.
@Suite struct ManifestVerifierTests {
    static let report = Array("# report\n".utf8)
    static let data = Array("{\"a\": 1}\n".utf8)

    static func manifest(signed: ManifestVerificationKey? = nil) -> ReportManifest {
        ReportManifest(
            toolVersion: "0.1.0",
            clock: ManifestClock(time: Timestamp(secondsSinceEpoch: 0), source: .system),
            inputs: [],
            files: [
                ManifestFile(name: "report.md", digest: ContentDigester.digest(report)),
                ManifestFile(name: "report.json", digest: ContentDigester.digest(data)),
            ],
            signature: signed.map { ManifestSignatureInfo(publicKeySHA256: $0.fingerprint) }
        )
    }

    static func entry(_ name: String, _ bytes: [UInt8]) -> ManifestFolderEntry {
        ManifestFolderEntry(name: name, kind: .file(ContentDigester.digest(bytes)))
    }

    @Test func anUntouchedFolderHasNoProblems() {
        let entries = [
            Self.entry("report.md", Self.report), Self.entry("report.json", Self.data),
            ManifestFolderEntry(name: "manifest.json", kind: .file(nil)),
            ManifestFolderEntry(name: ".crosswalk.lock", kind: .file(nil)),
            ManifestFolderEntry(name: ".crosswalk-staging-abcdefABCDEF", kind: .folder),
        ]
        #expect(ManifestVerifier.compare(Self.manifest(), with: entries).isEmpty)
    }

    @Test func everySingleByteChangeIsNamed() {
        for index in Self.report.indices {
            var changed = Self.report
            changed[index] ^= 0x01
            let problems = ManifestVerifier.compare(
                Self.manifest(),
                with: [Self.entry("report.md", changed), Self.entry("report.json", Self.data)]
            )
            #expect(problems.map(\.name) == ["report.md"], "byte \(index)")
            guard case .changed(_, let expected, let actual)? = problems.first else {
                Issue.record("byte \(index) gives \(problems)")
                continue
            }
            #expect(expected.byteCount == actual.byteCount && expected.sha256 != actual.sha256)
        }
    }

    @Test func removedAddedAndReplacedEntriesAreNamedInNameOrder() {
        let problems = ManifestVerifier.compare(
            Self.manifest(),
            with: [
                ManifestFolderEntry(name: "report.md", kind: .symbolicLink),
                Self.entry("zz-extra.csv", [1]),
                ManifestFolderEntry(name: "a-folder", kind: .folder),
                ManifestFolderEntry(name: "manifest.json.sig", kind: .file(nil)),
            ]
        )
        #expect(
            problems == [
                .added(name: "a-folder", kind: .folder),
                .added(name: "manifest.json.sig", kind: .file(nil)),
                .removed(name: "report.json"),
                .replaced(name: "report.md", by: .symbolicLink),
                .added(name: "zz-extra.csv", kind: .file(ContentDigester.digest([1]))),
            ]
        )
    }

    @Test func aSignedManifestMissesItsSignatureFile() {
        let key = ManifestSigningKey().publicKey
        let problems = ManifestVerifier.compare(
            Self.manifest(signed: key),
            with: [Self.entry("report.md", Self.report), Self.entry("report.json", Self.data)]
        )
        #expect(problems == [.removed(name: "manifest.json.sig")])
    }

    @Test func signaturesCheckWithTheRightKeyOnly() throws {
        let signer = ManifestSigningKey()
        let manifest = ManifestJSONWriter.encode(Self.manifest(signed: signer.publicKey))
        let signature = try signer.signatureFile(for: manifest)
        let fingerprint = signer.publicKey.fingerprint
        func check(_ bytes: [UInt8], _ signatureFile: [UInt8]?, _ key: ManifestVerificationKey) -> [ManifestProblem] {
            ManifestVerifier.checkSignature(
                manifestBytes: bytes,
                signatureFile: signatureFile,
                key: key,
                signedBy: fingerprint
            )
        }
        #expect(check(manifest, signature, signer.publicKey).isEmpty)

        let other = ManifestSigningKey().publicKey
        #expect(
            check(manifest, signature, other) == [.signatureInvalid(givenKey: other.fingerprint, signedBy: fingerprint)]
        )
        for index in stride(from: 0, to: manifest.count, by: 7) {
            var tampered = manifest
            tampered[index] ^= 0x20
            #expect(
                check(tampered, signature, signer.publicKey)
                    == [.signatureInvalid(givenKey: fingerprint, signedBy: nil)],
                "byte \(index) of the manifest"
            )
        }
        #expect(check(manifest, nil, signer.publicKey) == [.signatureMissing])
        #expect(check(manifest, Array("not a signature\n".utf8), signer.publicKey) == [.signatureUnreadable])
    }

    @Test func keyFilesRoundTripAndAreNotMistakenForEachOther() throws {
        let key = ManifestSigningKey()
        let reread = try ManifestSigningKey(keyFile: key.keyFile)
        #expect(reread.publicKey.fingerprint == key.publicKey.fingerprint)
        let publicKey = try ManifestVerificationKey(keyFile: key.publicKey.keyFile)
        #expect(publicKey.fingerprint == key.publicKey.fingerprint)
        #expect(String(decoding: key.keyFile, as: UTF8.self).hasPrefix("crosswalk ed25519 private key v1\n"))
        #expect(String(decoding: key.publicKey.keyFile, as: UTF8.self).hasPrefix("crosswalk ed25519 public key v1\n"))
        #expect(throws: ManifestReadError.self) { try ManifestVerificationKey(keyFile: key.keyFile) }
        #expect(throws: ManifestReadError.self) { try ManifestSigningKey(keyFile: key.publicKey.keyFile) }
        #expect(throws: ManifestReadError.self) { try ManifestSigningKey(keyFile: Array("garbage".utf8)) }
    }

    #if os(Linux)
        /// swift-crypto signs with BoringSSL on Linux, deterministically as RFC 8032 says (on Apple
        /// platforms CryptoKit randomizes signatures; docs/report-manifest.md).
        @Test func signaturesAreDeterministicOnLinux() throws {
            let key = ManifestSigningKey()
            let manifest = ManifestJSONWriter.encode(Self.manifest())
            #expect(try key.signatureFile(for: manifest) == key.signatureFile(for: manifest))
        }
    #endif
}
