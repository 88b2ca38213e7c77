/// Checks a report folder against its manifest: every listed file present with the recorded
/// size and SHA-256, nothing else in the folder (but the manifest, its signature and the tool's
/// own hidden working names), and, given a public key, the manifest's Ed25519 signature.
public enum ManifestVerifier {
    /// Hidden names a `crosswalk report` run uses while it works in the folder: the output lock
    /// and staging folders left by a killed run (the next run removes them). They are not reports,
    /// so they are neither listed nor counted as added.
    public static func isWorkingName(_ name: String) -> Bool {
        name == ".crosswalk.lock" || name.hasPrefix(".crosswalk-staging-")
    }

    /// Problems with the signature: `signatureFile` is the bytes of `manifest.json.sig`, nil when
    /// absent; `signedBy` the key fingerprint the manifest names, when it could be read.
    public static func checkSignature(
        manifestBytes: [UInt8],
        signatureFile: [UInt8]?,
        key: ManifestVerificationKey,
        signedBy: String?
    ) -> [ManifestProblem] {
        guard let signatureFile else { return [.signatureMissing] }
        switch key.isValid(signatureFile: signatureFile, for: manifestBytes) {
        case nil: return [.signatureUnreadable]
        case true?: return []
        case false?:
            let other = signedBy.flatMap { $0 == key.fingerprint ? nil : $0 }
            return [.signatureInvalid(givenKey: key.fingerprint, signedBy: other)]
        }
    }

    /// Problems with the files, sorted by name: changed, removed, replaced and added entries.
    public static func compare(_ manifest: ReportManifest, with entries: [ManifestFolderEntry]) -> [ManifestProblem] {
        var problems: [ManifestProblem] = []
        var found: [String: ManifestFolderEntry.Kind] = [:]
        for entry in entries { found[entry.name] = entry.kind }
        let listed = Set(manifest.files.map(\.name))
        for file in manifest.files {
            switch found[file.name] {
            case nil:
                problems.append(.removed(name: file.name))
            case .file(let digest?):
                let expected = ContentDigest(byteCount: file.byteCount, sha256: file.sha256)
                if digest != expected { problems.append(.changed(name: file.name, expected: expected, actual: digest)) }
            case .file(nil):
                problems.append(.removed(name: file.name))
            case let kind?:
                problems.append(.replaced(name: file.name, by: kind))
            }
        }
        for entry in entries where !listed.contains(entry.name) && !isWorkingName(entry.name) {
            if entry.name == ReportManifest.fileName { continue }
            if entry.name == ReportManifest.signatureFileName && manifest.signature != nil { continue }
            problems.append(.added(name: entry.name, kind: entry.kind))
        }
        if manifest.signature != nil && found[ReportManifest.signatureFileName] == nil {
            problems.append(.removed(name: ReportManifest.signatureFileName))
        }
        return problems.sorted { ($0.name ?? "").utf8.lexicographicallyPrecedes(($1.name ?? "").utf8) }
    }
}
