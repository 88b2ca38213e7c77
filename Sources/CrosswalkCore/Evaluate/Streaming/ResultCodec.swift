/// Writes findings and passing subjects into a ``ResultSpool`` stream as compact binary records,
/// and reads them back exactly: `u32 length` then the record. Strings are `u32 length` + UTF-8.
enum ResultCodec {
    static func encode(_ finding: Finding, into bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        encode(finding.subject, status: finding.status, into: &bytes)
        append(finding.message.template.pattern, to: &bytes)
        append(UInt32(finding.message.values.count), to: &bytes)
        for value in finding.message.values { append(value, to: &bytes) }
        append(UInt32(finding.evidence.count), to: &bytes)
        for evidence in finding.evidence {
            append(evidence.field, to: &bytes)
            append(evidence.observed, to: &bytes)
            append(evidence.expected, to: &bytes)
        }
        patchLength(at: start, in: &bytes)
    }

    static func encode(passing subject: SubjectReference, into bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        encode(subject, status: .pass, into: &bytes)
        patchLength(at: start, in: &bytes)
    }

    private static func encode(_ subject: SubjectReference, status: ResultStatus, into bytes: inout [UInt8]) {
        bytes.append(UInt8(SubjectKind.allCases.firstIndex(of: subject.kind) ?? 0))
        bytes.append(UInt8(ResultStatus.allCases.firstIndex(of: status) ?? 0))
        append(UInt32(bitPattern: subject.ordinal), to: &bytes)
        bytes.append((subject.identityID == nil ? 0 : 1) | (subject.isCredentialOfIdentity ? 2 : 0))
        if let identityID = subject.identityID { append(identityID, to: &bytes) }
        append(subject.storedID, to: &bytes)
        append(subject.storedName, to: &bytes)
    }

    private static func patchLength(at start: Int, in bytes: inout [UInt8]) {
        let length = UInt32(bytes.count - start - 4)
        for index in 0..<4 { bytes[start + index] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(index))) }
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for index in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(index)))) }
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            append(UInt32(utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Reads every record of `stream` in order: findings, or passing subjects (as findings with
    /// status pass, no message and no evidence).
    static func forEach(
        in spool: any ResultSpool,
        stream: Int,
        _ body: (Finding) throws -> Void
    ) throws {
        try forEach(in: spool, stream: stream, where: nil, body)
    }

    /// Reads the records of `stream` whose ``RecordHeader`` `include` accepts, in order; the others
    /// are skipped without being decoded.
    static func forEach(
        in spool: any ResultSpool,
        stream: Int,
        where include: ((RecordHeader) -> Bool)?,
        _ body: (Finding) throws -> Void
    ) throws {
        var carry: [UInt8] = []
        var templates = TemplateCache()
        try spool.read(stream) { chunk in
            // A record cut off at the end of a chunk waits in `carry` for the rest.
            if carry.isEmpty {
                var reader = Reader(bytes: chunk, include: include)
                while let finding = reader.next(&templates) { try body(finding) }
                if reader.offset < chunk.count { carry.append(contentsOf: chunk[reader.offset...]) }
            } else {
                carry.append(contentsOf: chunk)
                let consumed = try carry.withUnsafeBytes { buffer in
                    var reader = Reader(bytes: buffer, include: include)
                    while let finding = reader.next(&templates) { try body(finding) }
                    return reader.offset
                }
                carry.removeFirst(consumed)
            }
        }
    }

    /// What a record says before its strings: enough to decide whether to decode it.
    struct RecordHeader {
        var status: ResultStatus
        /// The ordinal of the subject's identity, or -1.
        var ordinal: Int32
        /// Whether the subject belongs to an identity (an identity or its credential).
        var hasIdentity: Bool
    }

    /// Decodes complete records from a buffer; stops before a record that is cut off.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        let include: ((RecordHeader) -> Bool)?
        var offset = 0

        init(bytes: UnsafeRawBufferPointer, include: ((RecordHeader) -> Bool)? = nil) {
            self.bytes = bytes
            self.include = include
        }

        mutating func next(_ templates: inout TemplateCache) -> Finding? {
            var length = 0
            var position = 0
            var status = ResultStatus.pass
            var ordinal: Int32 = -1
            var flags: UInt8 = 0
            while true {
                guard offset + 4 <= bytes.count else { return nil }
                length = Int(u32(at: offset))
                guard offset + 4 + length <= bytes.count else { return nil }
                position = offset + 4
                status = ResultStatus.allCases[Int(bytes[position + 1])]
                ordinal = Int32(bitPattern: u32(at: position + 2))
                flags = bytes[position + 6]
                guard let include,
                    !include(RecordHeader(status: status, ordinal: ordinal, hasIdentity: flags & 1 != 0))
                else { break }
                offset += 4 + length
            }
            let kind = SubjectKind.allCases[Int(bytes[position])]
            position += 7
            let identityID = flags & 1 != 0 ? string(&position) : nil
            var subject = SubjectReference(
                kind: kind,
                id: string(&position),
                name: string(&position),
                identityID: identityID,
                ordinal: ordinal
            )
            subject.isCredentialOfIdentity = flags & 2 != 0
            var finding = Finding(subject: subject, status: status, message: ResultMessage(TemplateCache.empty))
            if position < offset + 4 + length {
                let template = templates.template(string(&position))
                let valueCount = Int(u32(at: position))
                position += 4
                var values: [String] = []
                values.reserveCapacity(valueCount)
                for _ in 0..<valueCount { values.append(string(&position)) }
                finding.message = ResultMessage(template, values: values)
                let count = Int(u32(at: position))
                position += 4
                finding.evidence.reserveCapacity(count)
                for _ in 0..<count {
                    finding.evidence.append(
                        Evidence(field: string(&position), observed: string(&position), expected: string(&position))
                    )
                }
            }
            offset += 4 + length
            return finding
        }

        private func u32(at position: Int) -> UInt32 {
            var value: UInt32 = 0
            for index in 0..<4 { value |= UInt32(bytes[position + index]) << (8 * UInt32(index)) }
            return value
        }

        private func string(_ position: inout Int) -> String {
            let length = Int(u32(at: position))
            position += 4
            let text = String(
                decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]),
                as: UTF8.self
            )
            position += length
            return text
        }
    }
}

/// Decoded message templates by pattern, so every result of a control shares one template again.
struct TemplateCache {
    static let empty = MessageTemplate("")
    private var templates: [String: MessageTemplate] = [:]

    mutating func template(_ pattern: String) -> MessageTemplate {
        if let known = templates[pattern] { return known }
        let template = MessageTemplate(pattern)
        templates[pattern] = template
        return template
    }
}
