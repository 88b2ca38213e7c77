/// Writes findings and passing subjects into a ``ResultSpool`` stream as compact binary records,
/// and reads them back exactly: `u32 length` then the record. Strings are `u32 length` + UTF-8.
///
/// A finding's message and evidence templates are written as their numbers in the table of the
/// batch that recorded it (``ControlTemplates``), not as text: the sentence, the field and the
/// expected value are stated once per control, and reading a record back shares them instead of
/// copying them. Where a batch numbered its templates differently from the control's table, the
/// control's accumulator writes a *template map* record before the batch's records
/// (``encodeTemplateMap(messages:evidence:into:)``) saying which control template each number
/// stands for; readers resolve the numbers through the map in force and the control's table.
enum ResultCodec {
    /// The first byte of a template map record, where other records have a subject kind.
    static let templateMapMarker: UInt8 = 0xFF

    /// Encodes `finding`, a result of the control with id `control`, with its finding id, numbering
    /// its templates in `templates` (adding those not yet there).
    static func encode(
        _ finding: Finding,
        control: String,
        templates: inout ControlTemplates,
        into bytes: inout [UInt8]
    ) {
        let start = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        encode(finding.subject, status: finding.status, into: &bytes)
        append(finding.idPrefix ?? FindingID.digestPrefix(of: finding, control: control), to: &bytes)
        append(UInt32(templates.messages.index(of: BoundMessageTemplate(finding.message))), to: &bytes)
        append(UInt32(finding.message.values.count), to: &bytes)
        for value in finding.message.values { append(value, to: &bytes) }
        append(UInt32(finding.evidence.count), to: &bytes)
        for evidence in finding.evidence {
            let template = EvidenceTemplate(field: evidence.field, expected: evidence.expected)
            append(UInt32(templates.evidence.index(of: template)), to: &bytes)
            append(evidence.observed, to: &bytes)
        }
        patchLength(at: start, in: &bytes)
    }

    static func encode(passing subject: SubjectReference, into bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        encode(subject, status: .pass, into: &bytes)
        patchLength(at: start, in: &bytes)
    }

    /// A template map: the records after it number their message templates by position in
    /// `messages` and their evidence templates by position in `evidence`, whose elements are the
    /// numbers in the control's table. Empty lists restore the control's own numbering.
    static func encodeTemplateMap(messages: [Int], evidence: [Int], into bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        bytes.append(templateMapMarker)
        append(UInt32(messages.count), to: &bytes)
        for number in messages { append(UInt32(number), to: &bytes) }
        append(UInt32(evidence.count), to: &bytes)
        for number in evidence { append(UInt32(number), to: &bytes) }
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

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for index in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
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
        templates: ControlTemplates,
        _ body: (Finding) throws -> Void
    ) throws {
        try forEach(in: spool, stream: stream, templates: templates, where: nil, body)
    }

    /// Reads the records of `stream` whose ``RecordHeader`` `include` accepts, in order; the others
    /// are skipped without being decoded.
    static func forEach(
        in spool: any ResultSpool,
        stream: Int,
        templates: ControlTemplates,
        where include: ((RecordHeader) -> Bool)?,
        _ body: (Finding) throws -> Void
    ) throws {
        var carry: [UInt8] = []
        var templates = TemplateResolver(templates)
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

        mutating func next(_ templates: inout TemplateResolver) -> Finding? {
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
                if bytes[position] == ResultCodec.templateMapMarker {
                    position += 1
                    templates.messageMap = numbers(&position)
                    templates.evidenceMap = numbers(&position)
                    offset += 4 + length
                    continue
                }
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
            var finding = Finding(subject: subject, status: status, message: ResultMessage(TemplateResolver.empty))
            if position < offset + 4 + length {
                finding.idPrefix = UInt64(u32(at: position)) | UInt64(u32(at: position + 4)) << 32
                position += 8
                let template = templates.message(Int(u32(at: position)))
                let valueCount = Int(u32(at: position + 4))
                position += 8
                var values: [String] = []
                values.reserveCapacity(valueCount)
                for _ in 0..<valueCount { values.append(string(&position)) }
                // Only a damaged spool can name a template that does not take these values.
                finding.message =
                    template.slots.count == values.count
                    ? ResultMessage(template, values: values) : ResultMessage(TemplateResolver.empty)
                let count = Int(u32(at: position))
                position += 4
                finding.evidence.reserveCapacity(count)
                for _ in 0..<count {
                    let template = templates.evidence(Int(u32(at: position)))
                    position += 4
                    finding.evidence.append(
                        Evidence(field: template.field, observed: string(&position), expected: template.expected)
                    )
                }
            }
            offset += 4 + length
            return finding
        }

        private func numbers(_ position: inout Int) -> [Int] {
            let count = Int(u32(at: position))
            position += 4
            var numbers: [Int] = []
            numbers.reserveCapacity(count)
            for _ in 0..<count {
                numbers.append(Int(u32(at: position)))
                position += 4
            }
            return numbers
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

/// Resolves the template numbers of records to one control's templates, through the template
/// map in force (``ResultCodec/encodeTemplateMap(messages:evidence:into:)``). A number with no
/// template (a damaged spool) gives an empty template rather than a crash.
struct TemplateResolver {
    static let empty = MessageTemplate("")
    let templates: ControlTemplates
    var messageMap: [Int] = []
    var evidenceMap: [Int] = []

    init(_ templates: ControlTemplates) { self.templates = templates }

    func message(_ number: Int) -> MessageTemplate {
        let index = number < messageMap.count ? messageMap[number] : number
        let all = templates.messages.all
        return index < all.count ? all[index].template : Self.empty
    }

    func evidence(_ number: Int) -> EvidenceTemplate {
        let index = number < evidenceMap.count ? evidenceMap[number] : number
        let all = templates.evidence.all
        return index < all.count ? all[index] : EvidenceTemplate(field: "", expected: "")
    }
}
