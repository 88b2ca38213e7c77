import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// The manifest's inputs: bundled resources hash as the repository files they were built from.
@Suite struct ManifestInputTests {
    @Test func bundledResourcesHashAsTheirRepositoryFiles() throws {
        let bundled = ManifestInput.bundled
        #expect(bundled.count == BundledResources.files.count)
        #expect(bundled.contains { $0.role == "bundled-catalog" } && bundled.contains { $0.role == "bundled-template" })
        #expect(bundled.contains { $0.role == "bundled-mapping" })
        for input in bundled {
            let bytes = Array(try Data(contentsOf: Fixtures.url(input.path)))
            #expect(
                ContentDigester.digest(bytes) == ContentDigest(byteCount: input.byteCount, sha256: input.sha256),
                "\(input.path)"
            )
        }
    }

    @Test func digestsMatchAStandardSHA256() {
        // FIPS 180-2 test vector for "abc".
        #expect(
            ContentDigester.digest(Array("abc".utf8)).sha256
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
    }

    @Test func digestingInPartsGivesTheDigestOfTheWhole() {
        // Reports are hashed a buffer at a time, as they are written.
        let whole = Array("the quick brown fox jumps over the lazy dog".utf8)
        var digester = ContentDigester()
        for part in stride(from: 0, to: whole.count, by: 7) {
            digester.update(Array(whole[part..<min(part + 7, whole.count)]))
        }
        #expect(digester.finish() == ContentDigester.digest(whole))
        #expect(digester.finish().byteCount == whole.count)
    }
}
