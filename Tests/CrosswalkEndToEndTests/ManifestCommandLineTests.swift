import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// `manifest.json`, `--sign`, `crosswalk keygen` and `crosswalk verify`, run as a user would.
@Suite struct ManifestCommandLineTests {
    /// The exit code `crosswalk verify` gives when a folder does not match its manifest.
    static let mismatch: Int32 = 3

    private func report(into output: URL, extra: [String] = []) throws -> CommandRunner.Result {
        try CommandRunner.run(
            ["report", "examples/acme", "--output", output.path, "--now", Fixtures.exampleNow] + extra
        )
    }

    private func keygen(in folder: URL) throws -> (private: URL, public: URL) {
        let prefix = folder.appendingPathComponent("key")
        let result = try CommandRunner.run(["keygen", "--out", prefix.path])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        return (prefix, folder.appendingPathComponent("key.pub"))
    }

    private func verify(_ folder: URL, key: URL? = nil) throws -> CommandRunner.Result {
        try CommandRunner.run(["verify", folder.path] + (key.map { ["--key", $0.path] } ?? []))
    }

    private func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    @Test func aRunWritesTheReferenceManifestWhoseHashesMatchTheFiles() throws {
        let output = try CommandRunner.temporaryDirectory()
        let result = try report(into: output)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Wrote \(output.path)/manifest.json"))
        let manifestBytes = try bytes(output.appendingPathComponent("manifest.json"))
        #expect(manifestBytes == (try bytes(Fixtures.url("reports/example/manifest.json"))), "equals the reference")
        let manifest = try ManifestReader.read(manifestBytes)
        let written = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0 != "manifest.json" }
        #expect(Set(manifest.files.map(\.name)) == Set(written))
        for file in manifest.files {
            let actual = ContentDigester.digest(try bytes(output.appendingPathComponent(file.name)))
            #expect(actual == ContentDigest(byteCount: file.byteCount, sha256: file.sha256), "\(file.name)")
        }
        #expect(
            manifest.clock
                == ManifestClock(time: try #require(Timestamp(iso8601: Fixtures.exampleNow)), source: .option)
        )
        #expect(manifest.signature == nil)
        let inventory = try #require(manifest.inputs.first)
        #expect(inventory.role == "inventory" && inventory.path == "examples/acme/inventory.yaml")
        #expect(inventory.sha256 == ContentDigester.digest(try bytes(Fixtures.url(inventory.path))).sha256)
        #expect(
            manifest.inputs.contains { $0.path == "templates/report.html.mustache" && $0.role == "bundled-template" }
        )

        let verified = try verify(output)
        #expect(verified.exitCode == 0, "stderr: \(verified.stderr)")
        #expect(verified.stdout.contains("OK: \(manifest.files.count) files match"))
    }

    @Test func withoutNowTheManifestNamesTheSystemClock() throws {
        let output = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run(["report", "examples/acme", "--output", output.path, "--format", "md"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let manifest = try ManifestReader.read(try bytes(output.appendingPathComponent("manifest.json")))
        #expect(manifest.clock.source == .system)
        #expect(manifest.files.map(\.name) == ["crosswalk-report.md", "crosswalk-summary.md", "executive-summary.md"])
    }

    @Test func sameInputsClockAndKeyGiveByteIdenticalManifests() throws {
        let keys = try keygen(in: try CommandRunner.temporaryDirectory())
        let first = try CommandRunner.temporaryDirectory()
        let second = try CommandRunner.temporaryDirectory()
        for output in [first, second] {
            let result = try report(into: output, extra: ["--sign", keys.private.path])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        }
        for name in ["manifest.json", "crosswalk-report.json"] {
            #expect(
                try bytes(first.appendingPathComponent(name)) == bytes(second.appendingPathComponent(name)),
                "\(name)"
            )
        }
        #if os(Linux)
            // Ed25519 as BoringSSL signs it is deterministic (RFC 8032); CryptoKit's is randomized.
            #expect(
                try bytes(first.appendingPathComponent("manifest.json.sig"))
                    == bytes(second.appendingPathComponent("manifest.json.sig"))
            )
        #endif
    }

    @Test func changingAnySingleByteOfAnyReportIsDetectedAndNamed() throws {
        let output = try CommandRunner.temporaryDirectory()
        #expect(try report(into: output).exitCode == 0)
        let manifest = try ManifestReader.read(try bytes(output.appendingPathComponent("manifest.json")))
        for file in manifest.files {
            let url = output.appendingPathComponent(file.name)
            let original = try bytes(url)
            // The first, a middle and the last byte.
            for index in [0, original.count / 2, original.count - 1] {
                var changed = original
                changed[index] ^= 0x01
                try Data(changed).write(to: url)
                let result = try verify(output)
                #expect(result.exitCode == Self.mismatch, "\(file.name) byte \(index)")
                let problems = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
                #expect(
                    problems == [
                        "\(url.path): error: changed: SHA-256 is \(ContentDigester.digest(changed).sha256), the manifest says \(file.sha256) (same size, \(original.count) bytes)"
                    ]
                )
                try Data(original).write(to: url)
            }
        }
        #expect(try verify(output).exitCode == 0, "restored")
    }

    @Test func anAddedAndARemovedFileAreNamed() throws {
        let output = try CommandRunner.temporaryDirectory()
        #expect(try report(into: output, extra: ["--format", "md,json"]).exitCode == 0)
        try FileManager.default.removeItem(at: output.appendingPathComponent("executive-summary.md"))
        try Data("=cmd".utf8).write(to: output.appendingPathComponent("extra.csv"))
        try FileManager.default.createDirectory(
            at: output.appendingPathComponent("sub"),
            withIntermediateDirectories: false
        )
        let result = try verify(output)
        #expect(result.exitCode == Self.mismatch)
        #expect(
            result.stderr.contains(
                "\(output.path)/executive-summary.md: error: removed: the manifest lists it, the folder does not hold it"
            )
        )
        #expect(result.stderr.contains("\(output.path)/extra.csv: error: added: a file the manifest does not list"))
        #expect(result.stderr.contains("\(output.path)/sub: error: added: a folder the manifest does not list"))
        #expect(result.stderr.contains("does not match its manifest: 3 problems"))
        #expect(!result.stderr.contains("crosswalk-report.md:"))
    }

    @Test func aSignedSetVerifiesWithItsKeyAndFailsWithAnother() throws {
        let keys = try keygen(in: try CommandRunner.temporaryDirectory())
        let otherKeys = try keygen(in: try CommandRunner.temporaryDirectory())
        let output = try CommandRunner.temporaryDirectory()
        #expect(try report(into: output, extra: ["--sign", keys.private.path]).exitCode == 0)
        let manifest = try ManifestReader.read(try bytes(output.appendingPathComponent("manifest.json")))
        let good = try verify(output, key: keys.public)
        #expect(good.exitCode == 0, "stderr: \(good.stderr)")
        #expect(good.stdout.contains("Signature valid"))
        #expect(try verify(output).stdout.contains("not checked: pass --key PUBFILE"))

        let wrong = try verify(output, key: otherKeys.public)
        #expect(wrong.exitCode == Self.mismatch)
        #expect(
            wrong.stderr.contains(
                "manifest.json.sig: error: wrong key: the manifest says it was signed by the key with SHA-256 \(try #require(manifest.signature).publicKeySHA256)"
            )
        )

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keys.private.path)
        let exposed = try report(into: output, extra: ["--sign", keys.private.path, "--format", "md"])
        #expect(exposed.exitCode == 0)
        #expect(exposed.stderr.contains("\(keys.private.path): warning: the private key can be read by other users"))
        #expect(try verify(output, key: keys.public).exitCode == 0)

        let privateAsPublic = try verify(output, key: keys.private)
        #expect(privateAsPublic.exitCode == 2)
        #expect(privateAsPublic.stderr.contains("this is a private key file"))
    }

    @Test func aTamperedManifestFailsTheSignatureCheck() throws {
        let keys = try keygen(in: try CommandRunner.temporaryDirectory())
        let output = try CommandRunner.temporaryDirectory()
        #expect(try report(into: output, extra: ["--sign", keys.private.path]).exitCode == 0)
        let url = output.appendingPathComponent("manifest.json")
        let original = try String(contentsOf: url, encoding: .utf8)
        // A change that keeps every file hash right: only the signature can catch it.
        try original.replacingOccurrences(of: "\"tool_version\": \"", with: "\"tool_version\": \"9").write(
            to: url,
            atomically: false,
            encoding: .utf8
        )
        #expect(try verify(output).exitCode == 0, "without a key a rewritten manifest cannot be told")
        let result = try verify(output, key: keys.public)
        #expect(result.exitCode == Self.mismatch)
        #expect(result.stderr.contains("manifest.json.sig: error: bad signature"))

        try original.write(to: url, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: output.appendingPathComponent("manifest.json.sig"))
        let unsigned = try verify(output, key: keys.public)
        #expect(unsigned.exitCode == Self.mismatch)
        #expect(unsigned.stderr.contains("manifest.json.sig: error: removed"))
    }

    /// Python's hashlib and the `cryptography` package's Ed25519 check the manifest and its
    /// signature as documented, without Crosswalk's code.
    @Test func anIndependentEd25519AndSHA256ImplementationAgree() throws {
        if !PythonClient.available("cryptography", "hashlib", "json") {
            #expect(!PythonClient.required, "the cryptography package is not installed (tools/requirements-tests.txt)")
            return
        }
        let keys = try keygen(in: try CommandRunner.temporaryDirectory())
        let output = try CommandRunner.temporaryDirectory()
        #expect(try report(into: output, extra: ["--sign", keys.private.path]).exitCode == 0)
        let script = """
            import base64, hashlib, json, os, sys
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
            folder, public_path = sys.argv[1], sys.argv[2]
            def payload(path, header):
                lines = open(path, "rb").read().decode("ascii").split("\\n")
                assert lines[0] == header and lines[2] == "" and len(lines) == 3, lines
                return base64.b64decode(lines[1], validate=True)
            manifest_bytes = open(os.path.join(folder, "manifest.json"), "rb").read()
            manifest = json.loads(manifest_bytes)
            assert list(manifest) == sorted(manifest), list(manifest)
            raw_key = payload(public_path, "crosswalk ed25519 public key v1")
            assert manifest["signature"]["public_key_sha256"] == hashlib.sha256(raw_key).hexdigest()
            signature = payload(os.path.join(folder, "manifest.json.sig"), "crosswalk ed25519 signature v1")
            Ed25519PublicKey.from_public_bytes(raw_key).verify(signature, manifest_bytes)
            for entry in manifest["files"]:
                data = open(os.path.join(folder, entry["name"]), "rb").read()
                assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["name"]
                assert len(data) == entry["bytes"], entry["name"]
            listed = {entry["name"] for entry in manifest["files"]} | {"manifest.json", "manifest.json.sig"}
            assert listed == set(os.listdir(folder)), sorted(set(os.listdir(folder)) ^ listed)
            try:
                Ed25519PublicKey.from_public_bytes(raw_key).verify(signature, manifest_bytes + b" ")
                print("a changed manifest still verifies")
            except Exception:
                print("ok", len(manifest["files"]))
            """
        let result = try PythonClient.run(script: script, arguments: [output.path, keys.public.path])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "ok \(ReportDocumentNames.all.count)\n")
    }

    @Test func anUnsignedRunRemovesAnEarlierSignature() throws {
        let keys = try keygen(in: try CommandRunner.temporaryDirectory())
        let output = try CommandRunner.temporaryDirectory()
        #expect(try report(into: output, extra: ["--sign", keys.private.path]).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("manifest.json.sig").path))
        let result = try report(into: output)
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("Removed \(output.path)/manifest.json.sig"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("manifest.json.sig").path))
        #expect(try verify(output).exitCode == 0)
    }

    @Test func keygenWritesAPrivateKeyOnlyTheOwnerCanReadAndRefusesToOverwrite() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let keys = try keygen(in: folder)
        let privateMode = try FileManager.default.attributesOfItem(atPath: keys.private.path)[.posixPermissions] as? Int
        #expect(privateMode == 0o600)
        let privateKey = try bytes(keys.private)
        let publicKey = try bytes(keys.public)

        let again = try CommandRunner.run(["keygen", "--out", keys.private.path])
        #expect(again.exitCode == 73)
        #expect(again.stderr.contains("\(keys.private.path): error: already exists; keygen never replaces a file"))
        #expect(try bytes(keys.private) == privateKey && bytes(keys.public) == publicKey)

        // Only the public key in the way: nothing is written either.
        try FileManager.default.removeItem(at: keys.private)
        #expect(try CommandRunner.run(["keygen", "--out", keys.private.path]).exitCode == 73)
        #expect(!FileManager.default.fileExists(atPath: keys.private.path))
    }

    @Test func signWithAPublicKeyOrGarbageIsAnInputErrorAndWritesNothing() throws {
        let keys = try keygen(in: try CommandRunner.temporaryDirectory())
        let output = try CommandRunner.temporaryDirectory().appendingPathComponent("out")
        let result = try report(into: output, extra: ["--sign", keys.public.path])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("--sign: this is a public key file"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func verifyWithoutAManifestChecksNothing() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let result = try verify(folder)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("\(folder.path)/manifest.json: error: no such file"))
    }

    @Test func aManifestReplacedByALinkIsAMismatch() throws {
        let output = try CommandRunner.temporaryDirectory()
        #expect(try report(into: output, extra: ["--format", "md"]).exitCode == 0)
        let manifest = output.appendingPathComponent("manifest.json")
        let elsewhere = try CommandRunner.temporaryDirectory().appendingPathComponent("manifest.json")
        try FileManager.default.moveItem(at: manifest, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: manifest, withDestinationURL: elsewhere)
        let result = try verify(output)
        #expect(result.exitCode == Self.mismatch)
        #expect(result.stderr.contains("\(manifest.path): error: replaced: a symbolic link"))
    }

    @Test func hostileInputNamesAreEscapedInTheManifest() throws {
        if !PythonClient.available("json") {
            #expect(!PythonClient.required, "no Python for the JSON check")
            return
        }
        let folder = try CommandRunner.temporaryDirectory()
        let name = "inv\"<script>\n=cmd|' -C calc'!A0\u{202E}\u{07}.yaml"
        let inventory = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Fixtures.url("examples/acme/inventory.yaml"), to: inventory)
        let output = folder.appendingPathComponent("out")
        let run = try CommandRunner.run(["report", inventory.path, "--output", output.path, "--format", "json"])
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let manifestURL = output.appendingPathComponent("manifest.json")
        let text = try String(contentsOf: manifestURL, encoding: .utf8)
        #expect(text.contains(#"inv\"<script>\n=cmd|' -C calc'!A0\#u{202E}\u0007.yaml"#))
        let read = try PythonClient.run(
            script:
                "import json, sys; print(json.load(open(sys.argv[1], encoding='utf-8'))['inputs'][0]['path'] == sys.argv[2])",
            arguments: [manifestURL.path, inventory.path]
        )
        #expect(read.stdout == "True\n", "stderr: \(read.stderr)")
        #expect(try verify(output).exitCode == 0)
    }

    /// Reports larger than several of the writer's 4 MiB buffers (written past the page cache
    /// after the first) reach the disk exactly as rendered: `verify` re-reads them and checks the
    /// hashes taken while they were rendered.
    @Test func aLargeInventorysSetVerifies() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let inventory = folder.appendingPathComponent("inventory.jsonl")
        try LargeInventory.write(identities: 10_000, to: inventory)
        let output = folder.appendingPathComponent("out")
        let run = try CommandRunner.run(["report", inventory.path, "--output", output.path, "--format", "json,xml,md"])
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let manifest = try ManifestReader.read(try bytes(output.appendingPathComponent("manifest.json")))
        #expect(manifest.files.count == 5)  // the JSON and XML reports and the three Markdown documents
        for name in ["crosswalk-report.json", "crosswalk-report.xml"] {
            let file = try #require(manifest.files.first { $0.name == name })
            let written = try bytes(output.appendingPathComponent(file.name))
            #expect(file.byteCount == written.count)
            #expect(written.count > 3 * (4 << 20), "\(name) spans several buffers (\(written.count) bytes)")
            #expect(written.count % (4 << 20) != 0, "\(name) ends in a partial buffer")
        }
        #expect(manifest.inputs.first?.byteCount == (try bytes(inventory)).count)
        #expect(try verify(output).exitCode == 0)
    }

    /// An inventory past the 16 MiB from which inputs are mapped rather than copied: its pages are
    /// mapped in ahead of the loader, a window at a time, and given back behind it, and the file
    /// is read again from the start for its hash. Every record is read, the last included, and the
    /// hash in the manifest is the file's as it is on disk.
    @Test func aMappedInventoryIsReadInFullAndHashedAsOnDisk() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let inventory = folder.appendingPathComponent("inventory.jsonl")
        let count = 6_000
        try LargeInventory.write(identities: count, notes: 6_000, to: inventory)
        #expect(try bytes(inventory).count > 32 << 20, "past the first window mapped in ahead")
        let output = folder.appendingPathComponent("out")
        let run = try CommandRunner.run(["report", inventory.path, "--output", output.path, "--format", "json"])
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let report = try JSONSerialization.jsonObject(
            with: Data(contentsOf: output.appendingPathComponent("crosswalk-report.json"))
        )
        let summary = (report as? [String: Any])?["inventory"] as? [String: Any]
        #expect(summary?["identities"] as? Int == count)
        let listed = ((report as? [String: Any])?["identities"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(listed?.contains("svc-\(count - 1)") == true, "the last record was read")
        let inputs = try CommandRunner.run(["verify", output.path, "--inputs"])
        #expect(inputs.exitCode == 0, "the inventory's hash is the file's: \(inputs.stdout) \(inputs.stderr)")
    }

    @Test func verifyInputsRehashesTheInputsAtTheirPaths() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let inventory = folder.appendingPathComponent("inventory.yaml")
        try FileManager.default.copyItem(at: Fixtures.url("examples/acme/inventory.yaml"), to: inventory)
        let output = folder.appendingPathComponent("out")
        let run = try CommandRunner.run(["report", inventory.path, "--output", output.path, "--format", "json"])
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        let good = try CommandRunner.run(["verify", output.path, "--inputs"])
        #expect(good.exitCode == 0, "stderr: \(good.stderr)")
        try Data("version: 1\n".utf8).write(to: inventory)
        let changed = try CommandRunner.run(["verify", output.path, "--inputs"])
        #expect(changed.exitCode == Self.mismatch)
        #expect(changed.stderr.contains("\(inventory.path): error: input changed"))
    }
}
