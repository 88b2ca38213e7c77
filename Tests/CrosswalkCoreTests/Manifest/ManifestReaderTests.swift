import CrosswalkCore
import Testing

/// `ManifestReader` refuses what is not a manifest this version wrote, and names that could lead
/// `crosswalk verify` out of the report folder.
@Suite struct ManifestReaderTests {
    static let sha = ManifestJSONWriterTests.sha

    static func manifest(files: String, format: String = "crosswalk-manifest-1") -> [UInt8] {
        Array(
            """
            {"clock": {"source": "system", "time": "2026-11-01T00:00:00Z"}, "files": [\(files)],
             "format": "\(format)", "inputs": [], "signature": null, "tool": "crosswalk", "tool_version": "9"}
            """.utf8
        )
    }

    static func file(_ name: String, sha256: String = sha) -> String {
        "{\"bytes\": 3, \"name\": \"\(name)\", \"sha256\": \"\(sha256)\"}"
    }

    @Test func readsAManifest() throws {
        let manifest = try ManifestReader.read(Self.manifest(files: Self.file("a.md")))
        #expect(manifest.files == [ManifestFile(name: "a.md", byteCount: 3, sha256: Self.sha)])
        #expect(manifest.clock.source == .system)
        #expect(manifest.toolVersion == "9")
    }

    @Test(arguments: ["", ".", "..", "../etc/passwd", "sub/file", "/etc/passwd", "manifest.json", "manifest.json.sig"])
    func refusesFileNamesOutsideTheFolderOrTheManifestsOwn(_ name: String) {
        #expect(throws: ManifestReadError.self) { try ManifestReader.read(Self.manifest(files: Self.file(name))) }
    }

    @Test func refusesDuplicatesBadHashesAndOtherFormats() {
        #expect(throws: ManifestReadError.self) {
            try ManifestReader.read(Self.manifest(files: Self.file("a") + ", " + Self.file("a")))
        }
        #expect(throws: ManifestReadError.self) {
            try ManifestReader.read(Self.manifest(files: Self.file("a", sha256: Self.sha.uppercased())))
        }
        #expect(throws: ManifestReadError.self) {
            try ManifestReader.read(Self.manifest(files: Self.file("a", sha256: "abc")))
        }
        #expect(throws: ManifestReadError.self) {
            try ManifestReader.read(Self.manifest(files: "", format: "crosswalk-manifest-2"))
        }
        #expect(throws: ManifestReadError.self) { try ManifestReader.read(Array("{\"files\": [".utf8)) }
        #expect(throws: ManifestReadError.self) { try ManifestReader.read(Array("[]".utf8)) }
    }
}
