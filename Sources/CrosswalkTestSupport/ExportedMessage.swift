/// Rebuilds a result's sentence from a JSON or XML report the way docs/report-json.md tells a
/// consumer to, independently of the exporter's own code.
public enum ExportedMessage {
    /// `pattern` with its gaps `{name}` filled, in order, by `values` (`<missing>` for a gap
    /// without a value).
    public static func rebuild(_ pattern: String, _ values: [String]) -> String {
        var text = ""
        var rest = Substring(pattern)
        var values = values.makeIterator()
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            text += values.next() ?? "<missing>"
            rest = rest[rest.index(after: close)...]
        }
        return text + rest
    }
}
