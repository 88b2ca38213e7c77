/// Reads `manifest.json` back into a ``ReportManifest``. Strict: an unknown `format`, a missing
/// or mistyped member, a hash that is not 64 lowercase hexadecimal digits, a duplicate file, or a
/// file name that could point outside the report folder (empty, `.`, `..`, containing `/` or NUL,
/// or the manifest's own names) is refused, so a forged manifest cannot make `crosswalk verify`
/// read files elsewhere.
public enum ManifestReader {
    public static func read(_ bytes: [UInt8]) throws(ManifestReadError) -> ReportManifest {
        let root: SourceNode
        do {
            root = try JSONSourceParser.parse(bytes)
        } catch {
            throw ManifestReadError(
                "not JSON: line \(error.location.line), column \(error.location.column): \(error.message)"
            )
        }
        let members = try object(root, "the manifest")
        let format = try string(members, "format", in: "the manifest")
        guard format == ReportManifest.format else {
            throw ManifestReadError("format is '\(format)', not '\(ReportManifest.format)'")
        }
        let clockMembers = try object(try member(members, "clock", in: "the manifest"), "clock")
        let sourceText = try string(clockMembers, "source", in: "clock")
        guard let source = ManifestClock.Source(rawValue: sourceText) else {
            throw ManifestReadError("clock.source is '\(sourceText)', not '--now' or 'system'")
        }
        let timeText = try string(clockMembers, "time", in: "clock")
        guard let time = Timestamp(iso8601: timeText) else {
            throw ManifestReadError("clock.time is '\(timeText)', not an ISO 8601 time")
        }
        let files = try list(members, "files").enumerated().map { index, node throws(ManifestReadError) in
            let place = "files[\(index)]"
            let fields = try object(node, place)
            let name = try string(fields, "name", in: place)
            try checkFileName(name, place: place)
            return ManifestFile(
                name: name,
                byteCount: try byteCount(fields, in: place),
                sha256: try sha256(fields, "sha256", in: place)
            )
        }
        var seen = Set<String>()
        for file in files where !seen.insert(file.name).inserted {
            throw ManifestReadError("files lists '\(file.name)' twice")
        }
        let inputs = try list(members, "inputs").enumerated().map { index, node throws(ManifestReadError) in
            let place = "inputs[\(index)]"
            let fields = try object(node, place)
            return ManifestInput(
                role: try string(fields, "role", in: place),
                path: try string(fields, "path", in: place),
                byteCount: try byteCount(fields, in: place),
                sha256: try sha256(fields, "sha256", in: place)
            )
        }
        var signature: ManifestSignatureInfo?
        let signatureNode = try member(members, "signature", in: "the manifest")
        if case .null = signatureNode.value {
            signature = nil
        } else {
            let fields = try object(signatureNode, "signature")
            let algorithm = try string(fields, "algorithm", in: "signature")
            let file = try string(fields, "file", in: "signature")
            guard algorithm == ManifestSignatureInfo.ed25519, file == ReportManifest.signatureFileName else {
                throw ManifestReadError(
                    "signature is \(algorithm) in \(file); this version checks only ed25519 in \(ReportManifest.signatureFileName)"
                )
            }
            signature = ManifestSignatureInfo(publicKeySHA256: try sha256(fields, "public_key_sha256", in: "signature"))
        }
        return ReportManifest(
            toolVersion: try string(members, "tool_version", in: "the manifest"),
            clock: ManifestClock(time: time, source: source),
            inputs: inputs,
            files: files,
            signature: signature
        )
    }

    private static func checkFileName(_ name: String, place: String) throws(ManifestReadError) {
        let unsafe =
            name.isEmpty || name == "." || name == ".." || name.contains("/") || name.contains("\u{0}")
            || ReportManifest.ownFileNames.contains(name)
        if unsafe { throw ManifestReadError("\(place).name '\(name)' is not the name of a report in the folder") }
    }

    private static func object(_ node: SourceNode, _ place: String) throws(ManifestReadError) -> [SourceNode.Member] {
        guard case .object(let members) = node.value else {
            throw ManifestReadError("\(place) is \(node.typeDescription), not an object")
        }
        return members
    }

    private static func member(
        _ members: [SourceNode.Member],
        _ key: String,
        in place: String
    ) throws(ManifestReadError) -> SourceNode {
        let matching = members.filter { $0.key == key }
        guard matching.count == 1, let found = matching.first else {
            throw ManifestReadError(
                matching.isEmpty ? "\(place) has no '\(key)'" : "\(place) has '\(key)' more than once"
            )
        }
        return found.value
    }

    private static func string(
        _ members: [SourceNode.Member],
        _ key: String,
        in place: String
    ) throws(ManifestReadError) -> String {
        let node = try member(members, key, in: place)
        guard case .string(let text) = node.value else {
            throw ManifestReadError("\(place).\(key) is \(node.typeDescription), not a string")
        }
        return text
    }

    private static func list(_ members: [SourceNode.Member], _ key: String) throws(ManifestReadError) -> [SourceNode] {
        let node = try member(members, key, in: "the manifest")
        guard case .array(let items) = node.value else {
            throw ManifestReadError("\(key) is \(node.typeDescription), not a list")
        }
        return items
    }

    private static func byteCount(_ members: [SourceNode.Member], in place: String) throws(ManifestReadError) -> Int {
        let node = try member(members, "bytes", in: place)
        guard case .integer(let value) = node.value, value >= 0, let count = Int(exactly: value) else {
            throw ManifestReadError("\(place).bytes is not a byte count")
        }
        return count
    }

    private static func sha256(
        _ members: [SourceNode.Member],
        _ key: String,
        in place: String
    ) throws(ManifestReadError) -> String {
        let text = try string(members, key, in: place)
        let isHash =
            text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
        guard isHash else { throw ManifestReadError("\(place).\(key) is not a SHA-256 in lowercase hexadecimal") }
        return text
    }
}
