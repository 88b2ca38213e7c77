import Crypto

/// A page's stylesheet, rendered from its `.css` template, with the hash its Content-Security-Policy
/// names (`style-src 'sha256-…'`) so that exactly this stylesheet, and nothing else, may style the
/// page.
///
/// The hash is computed from the rendered text at render time, so a replaced stylesheet template
/// gets a matching policy. The HTML templates must place ``text`` as the whole content of the
/// page's one `<style>` element, byte for byte.
struct HTMLStylesheet: Sendable {
    /// The stylesheet text.
    var text: String
    /// `sha256-` and the base64 SHA-256 of ``text``, as CSP writes a hash source.
    var hashSource: String

    /// Renders the template `name` (e.g. `report.css`). Throws a ``Diagnostic`` when the result
    /// could end the `<style>` element early.
    init(templates: ReportTemplates, name: String) throws {
        let text = try templates.render(name, NoTemplateValues())
        if text.lowercased().contains("</style") {
            throw Diagnostic(
                .error,
                file: templates.path(of: name, holding: "</style"),
                message: "the stylesheet contains '</style', which would end the <style> element; remove it"
            )
        }
        self.text = text
        self.hashSource = "sha256-" + Self.base64(Self.sha256(text))
    }

    /// The SHA-256 digest of `text`'s UTF-8 bytes.
    static func sha256(_ text: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(text.utf8)))
    }

    /// Standard base64 with padding (RFC 4648 §4).
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let first = UInt32(bytes[index])
            let second = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let third = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let triple = first << 16 | second << 8 | third
            output.append(alphabet[Int(triple >> 18 & 0x3F)])
            output.append(alphabet[Int(triple >> 12 & 0x3F)])
            output.append(remaining > 1 ? alphabet[Int(triple >> 6 & 0x3F)] : "=")
            output.append(remaining > 2 ? alphabet[Int(triple & 0x3F)] : "=")
            index += 3
        }
        return output
    }
}
