/// Reads a document's `version` key and rejects versions this build does not understand.
enum DocumentVersion {
    static func check(_ object: ObjectReader, supported: Int64, what: String) throws {
        let version = try object.required("version", "the \(what) format version, 1").integer()
        guard version == supported else {
            throw Diagnostic(
                .error,
                file: object.file,
                location: object.optional("version")?.node.location,
                keyPath: "version",
                message: "unsupported \(what) version \(version); this build of Crosswalk reads version \(supported)"
            )
        }
    }
}
