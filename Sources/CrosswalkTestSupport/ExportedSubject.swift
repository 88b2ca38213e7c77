/// Rebuilds a result's subject id from a JSON or XML report the way docs/report-json.md tells a
/// consumer to, independently of the exporter's own code.
public enum ExportedSubject {
    /// `subject` when the result states it; otherwise the id of its identity row, followed by `/`
    /// and `credential` when the result names one (nil when neither is there).
    public static func rebuild(subject: String?, identityID: String?, credential: String?) -> String? {
        if let subject { return subject }
        guard let identityID else { return nil }
        guard let credential else { return identityID }
        return identityID + "/" + credential
    }
}
