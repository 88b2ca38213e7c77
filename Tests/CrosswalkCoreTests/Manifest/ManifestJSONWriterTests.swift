import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// The canonical JSON form of `manifest.json`: fixed layout, sorted keys, escaping, round trip.
@Suite struct ManifestJSONWriterTests {
    static let sha = String(repeating: "ab", count: 32)

    static func sample(paths: [String] = ["inv.yaml"], signed: Bool = false) -> ReportManifest {
        ReportManifest(
            toolVersion: "0.1.0",
            clock: ManifestClock(time: Timestamp(secondsSinceEpoch: 1_793_491_200), source: .option),
            inputs: paths.map { ManifestInput(role: "inventory", path: $0, byteCount: 12, sha256: sha) },
            files: [
                ManifestFile(name: "b.md", byteCount: 2, sha256: sha),
                ManifestFile(name: "a.json", byteCount: 1, sha256: sha),
            ],
            signature: signed ? ManifestSignatureInfo(publicKeySHA256: sha) : nil
        )
    }

    @Test func writesTheDocumentedLayoutWithSortedKeysAndFiles() {
        let text = String(decoding: ManifestJSONWriter.encode(Self.sample()), as: UTF8.self)
        let sha = Self.sha
        #expect(
            text == """
                {
                  "clock": {"source": "--now", "time": "2026-11-01T00:00:00Z"},
                  "files": [
                    {"bytes": 1, "name": "a.json", "sha256": "\(sha)"},
                    {"bytes": 2, "name": "b.md", "sha256": "\(sha)"}
                  ],
                  "format": "crosswalk-manifest-1",
                  "inputs": [
                    {"bytes": 12, "path": "inv.yaml", "role": "inventory", "sha256": "\(sha)"}
                  ],
                  "signature": null,
                  "tool": "crosswalk",
                  "tool_version": "0.1.0"
                }

                """
        )
    }

    @Test func keysAreSortedAtEveryLevelAsAStandardJSONReaderSeesThem() throws {
        let bytes = ManifestJSONWriter.encode(Self.sample(signed: true))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(
            Array(object.keys).sorted() == ["clock", "files", "format", "inputs", "signature", "tool", "tool_version"]
        )
        let text = String(decoding: bytes, as: UTF8.self)
        // Within each one-line object the keys appear in byte order.
        for line in text.split(separator: "\n") where line.contains("{\"") {
            let object = line.drop { $0 != "{" }
            let keys = object.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
                .filter { object.contains("\"\($0)\":") }
            #expect(keys == keys.sorted(), "keys in \(line) are sorted")
        }
    }

    @Test func hostilePathsAreEscapedAndReadBackUnchanged() throws {
        let hostile = [
            "a\"b.yaml", "back\\slash", "line\nbreak", "tab\there\r", "<script>alert(1)</script>",
            "=cmd|' /C calc'!A0", "rtl\u{202E}fdp.yaml", "bell\u{07}del\u{7F}esc\u{1B}", "ünïcødé ✓",
        ]
        let manifest = Self.sample(paths: hostile)
        let bytes = ManifestJSONWriter.encode(manifest)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("\u{07}") && !text.contains("\u{1B}") && !text.contains("\u{7F}"))
        #expect(text.contains(#""line\nbreak""#) && text.contains(#""bell\u0007del\u007fesc\u001b""#))
        #expect(text.split(separator: "\n").count == 13 + hostile.count, "no value adds a line")
        #expect(try ManifestReader.read(bytes) == manifest)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let inputs = try #require(object["inputs"] as? [[String: Any]])
        #expect(inputs.compactMap { $0["path"] as? String } == hostile, "a standard JSON reader reads the same paths")
    }

    @Test func sameManifestGivesTheSameBytesAndSignatureRoundTrips() throws {
        let manifest = Self.sample(signed: true)
        #expect(ManifestJSONWriter.encode(manifest) == ManifestJSONWriter.encode(Self.sample(signed: true)))
        #expect(try ManifestReader.read(ManifestJSONWriter.encode(manifest)) == manifest)
    }
}
