/// One way a report folder differs from its manifest, or its signature fails.
public enum ManifestProblem: Sendable, Equatable, CustomStringConvertible {
    /// A listed file whose bytes differ from what was written.
    case changed(name: String, expected: ContentDigest, actual: ContentDigest)
    /// A listed file that is gone.
    case removed(name: String)
    /// A listed name that is now a folder, a symbolic link or something else than a file.
    case replaced(name: String, by: ManifestFolderEntry.Kind)
    /// An entry the manifest does not list.
    case added(name: String, kind: ManifestFolderEntry.Kind)
    /// `--key` was given but there is no `manifest.json.sig`.
    case signatureMissing
    /// `manifest.json.sig` is not a Crosswalk signature file.
    case signatureUnreadable
    /// The signature does not check with the key given. `signedBy` is the key fingerprint the
    /// manifest names, when it names one other than the given key's.
    case signatureInvalid(givenKey: String, signedBy: String?)

    public var name: String? {
        switch self {
        case .changed(let name, _, _), .removed(let name), .replaced(let name, _), .added(let name, _):
            return name
        case .signatureMissing, .signatureUnreadable, .signatureInvalid:
            return ReportManifest.signatureFileName
        }
    }

    public var description: String {
        switch self {
        case .changed(_, let expected, let actual):
            let size =
                expected.byteCount == actual.byteCount
                ? "same size, \(actual.byteCount) bytes"
                : "\(expected.byteCount) bytes written, \(actual.byteCount) now"
            return "changed: SHA-256 is \(actual.sha256), the manifest says \(expected.sha256) (\(size))"
        case .removed:
            return "removed: the manifest lists it, the folder does not hold it"
        case .replaced(_, let kind):
            return "replaced: the manifest lists a file, the folder holds \(Self.phrase(kind))"
        case .added(_, let kind):
            return "added: \(Self.phrase(kind)) the manifest does not list"
        case .signatureMissing:
            return "missing: --key was given but the folder holds no signature"
        case .signatureUnreadable:
            return "not a Crosswalk Ed25519 signature file"
        case .signatureInvalid(let given, let signedBy?):
            return
                "wrong key: the manifest says it was signed by the key with SHA-256 \(signedBy); --key is \(given), and the signature does not check with it"
        case .signatureInvalid:
            return
                "bad signature: manifest.json or its signature was changed after signing, or --key is not the signer's key"
        }
    }

    private static func phrase(_ kind: ManifestFolderEntry.Kind) -> String {
        switch kind {
        case .file: return "a file"
        case .folder: return "a folder"
        case .symbolicLink: return "a symbolic link"
        case .other: return "a special file"
        }
    }
}
