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
