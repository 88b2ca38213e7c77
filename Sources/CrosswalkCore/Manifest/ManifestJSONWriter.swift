/// Writes a ``ReportManifest`` as canonical JSON: the same manifest always gives the same bytes,
/// so a signature over them can be checked and two runs compared with `cmp`.
///
/// The form (docs/report-manifest.md): UTF-8; object keys sorted by their bytes; the top-level
/// object with one member per line, indented by two spaces; each input and file as a one-line
/// object on a line of its own, indented by four; `": "` after keys and `", "` between members of
/// one-line objects; integers in decimal; strings with `"`, `\` and control characters (below
/// U+0020, and U+007F) escaped (`\n`, `\r`, `\t`, else `\u00XX`), every other character as it is;
/// a final line feed.
public enum ManifestJSONWriter {
    public static func encode(_ manifest: ReportManifest) -> [UInt8] {
        var out = "{\n"
        out += "  \"clock\": {\"source\": \(string(manifest.clock.source.rawValue)), "
        out += "\"time\": \(string(manifest.clock.time.iso8601))},\n"
        out += "  \"files\": " + list(manifest.files.map(fileObject)) + ",\n"
        out += "  \"format\": \(string(ReportManifest.format)),\n"
        out += "  \"inputs\": " + list(manifest.inputs.map(inputObject)) + ",\n"
        out += "  \"signature\": " + (manifest.signature.map(signatureObject) ?? "null") + ",\n"
        out += "  \"tool\": \"crosswalk\",\n"
        out += "  \"tool_version\": \(string(manifest.toolVersion))\n"
        out += "}\n"
        return Array(out.utf8)
    }

    private static func list(_ objects: [String]) -> String {
        guard !objects.isEmpty else { return "[]" }
        return "[\n" + objects.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]"
    }

    private static func fileObject(_ file: ManifestFile) -> String {
        "{\"bytes\": \(file.byteCount), \"name\": \(string(file.name)), \"sha256\": \(string(file.sha256))}"
    }

    private static func inputObject(_ input: ManifestInput) -> String {
        "{\"bytes\": \(input.byteCount), \"path\": \(string(input.path)), \"role\": \(string(input.role)), "
            + "\"sha256\": \(string(input.sha256))}"
    }

    private static func signatureObject(_ signature: ManifestSignatureInfo) -> String {
        "{\"algorithm\": \(string(signature.algorithm)), \"file\": \(string(signature.file)), "
            + "\"public_key_sha256\": \(string(signature.publicKeySHA256))}"
    }

    private static let hexDigits = Array("0123456789abcdef")

    /// A JSON string literal of `text`.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u00"
                out.append(hexDigits[Int(scalar.value >> 4)])
                out.append(hexDigits[Int(scalar.value & 0x0F)])
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
