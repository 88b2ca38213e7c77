import Mustache

/// An input file with its size and digest, for the provenance section (key `inputs`).
struct InputRow: TemplateView {
    /// `inventory`, `policy` or `catalog`.
    var role: String
    var path: String
    var bytes: String
    var sha256: String

    init(_ input: InputDigest) {
        role = input.role.rawValue
        path = input.path
        bytes = String(input.byteCount)
        sha256 = input.sha256
    }
}

extension InputRow: MustacheParent {
    /// The value of the template key `key`: the stored property of that name, found without
    /// reflection (tests check that every property is listed).
    func child(named key: String) -> Any? {
        switch key {
        case "role": role
        case "path": path
        case "bytes": bytes
        case "sha256": sha256
        default: nil
        }
    }
}
