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
        append(UInt32(0), to: &bytes)
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
        append(UInt32(0), to: &bytes)
        encode(subject, status: .pass, into: &bytes)
        patchLength(at: start, in: &bytes)
    }

    /// A template map: the records after it number their message templates by position in
    /// `messages` and their evidence templates by position in `evidence`, whose elements are the
    /// numbers in the control's table. Empty lists restore the control's own numbering.
    static func encodeTemplateMap(messages: [Int], evidence: [Int], into bytes: inout [UInt8]) {
        let start = bytes.count
        append(UInt32(0), to: &bytes)
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
        bytes.append(
            (subject.identityID == nil ? 0 : 1) | (subject.isCredentialOfIdentity ? 2 : 0)
                | (subject.copiesItsIdentity ? 4 : 0)
        )
        if let identityID = subject.identityID { append(identityID, to: &bytes) }
        append(subject.storedID, to: &bytes)
        append(subject.storedName, to: &bytes)
    }

    private static func patchLength(at start: Int, in bytes: inout [UInt8]) {
        let length = UInt32(bytes.count - start - 4)
        bytes.withUnsafeMutableBytes { $0.storeBytes(of: length.littleEndian, toByteOffset: start, as: UInt32.self) }
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
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
        try forEach(in: spool, stream: stream, templates: templates, where: nil) { try body($0.finding(templates)) }
    }

    /// Reads the records of `stream` whose ``RecordHeader`` `include` accepts, in order, in place;
    /// the others are skipped without being read further.
    static func forEach(
        in spool: any ResultSpool,
        stream: Int,
        templates: ControlTemplates,
        where include: ((RecordHeader) -> Bool)?,
        _ body: (EncodedResult) throws -> Void
    ) throws {
        var carry: [UInt8] = []
        var templates = TemplateResolver(templates)
        try spool.read(stream) { chunk in
            // A record cut off at the end of a chunk waits in `carry`; the next chunk completes
            // it, and the rest of that chunk is read in place (not copied after it).
            var start = 0
            if !carry.isEmpty {
                if carry.count < 4 {
                    let taken = min(4 - carry.count, chunk.count)
                    carry.append(contentsOf: chunk[..<taken])
                    start = taken
                }
                guard carry.count >= 4 else { return }
                let needed = 4 + carry.withUnsafeBytes { Int(EncodedResult.u32(in: $0, at: 0)) } - carry.count
                let taken = min(needed, chunk.count - start)
                carry.append(contentsOf: chunk[start..<(start + taken)])
                start += taken
                guard taken == needed else { return }
                try carry.withUnsafeBytes { buffer in
                    var reader = Reader(bytes: buffer, include: include)
                    while let result = reader.next(&templates) { try body(result) }
                }
                carry.removeAll(keepingCapacity: true)
            }
            let rest = UnsafeRawBufferPointer(rebasing: chunk[start...])
            var reader = Reader(bytes: rest, include: include)
            while let result = reader.next(&templates) { try body(result) }
            if reader.offset < rest.count { carry.append(contentsOf: rest[reader.offset...]) }
        }
    }

    /// Encodes `findings`, results of the control with id `control`, numbering their templates as
    /// `templates` does, and calls `body` with each read back in place: the in-memory findings
    /// read exactly as a spool's.
    static func forEach(
        encoding findings: [Finding],
        control: String,
        templates: ControlTemplates,
        _ body: (EncodedResult) throws -> Void
    ) throws {
        var numbering = templates
        var bytes: [UInt8] = []
        for finding in findings {
            bytes.removeAll(keepingCapacity: true)
            encode(finding, control: control, templates: &numbering, into: &bytes)
            try read(bytes, templates: numbering, body)
        }
    }

    /// Encodes passing `subjects` and calls `body` with each read back in place.
    static func forEach(
        encodingPassing subjects: [SubjectReference],
        templates: ControlTemplates,
        _ body: (EncodedResult) throws -> Void
    ) throws {
        var bytes: [UInt8] = []
        for subject in subjects {
            bytes.removeAll(keepingCapacity: true)
            encode(passing: subject, into: &bytes)
            try read(bytes, templates: templates, body)
        }
    }

    private static func read(
        _ bytes: [UInt8],
        templates: ControlTemplates,
        _ body: (EncodedResult) throws -> Void
    )
        throws
    {
        var resolver = TemplateResolver(templates)
        try bytes.withUnsafeBytes { buffer in
            var reader = Reader(bytes: buffer)
            while let result = reader.next(&resolver) { try body(result) }
        }
    }

    /// What a record says before its strings: enough to decide whether to read it.
    struct RecordHeader {
        var status: ResultStatus
        /// The ordinal of the subject's identity, or -1.
        var ordinal: Int32
        /// Whether the subject belongs to an identity (an identity or its credential).
        var hasIdentity: Bool
    }

    /// Reads complete records from a buffer in place; stops before a record that is cut off.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        let include: ((RecordHeader) -> Bool)?
        var offset = 0

        init(bytes: UnsafeRawBufferPointer, include: ((RecordHeader) -> Bool)? = nil) {
            self.bytes = bytes
            self.include = include
        }

        mutating func next(_ templates: inout TemplateResolver) -> EncodedResult? {
            var length = 0
            var position = 0
            var status = ResultStatus.pass
            var ordinal: Int32 = -1
            var flags: UInt8 = 0
            while true {
                guard offset + 4 <= bytes.count else { return nil }
                length = Int(EncodedResult.u32(in: bytes, at: offset))
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
                ordinal = Int32(bitPattern: EncodedResult.u32(in: bytes, at: position + 2))
                flags = bytes[position + 6]
                guard let include,
                    !include(RecordHeader(status: status, ordinal: ordinal, hasIdentity: flags & 1 != 0))
                else { break }
                offset += 4 + length
            }
            let end = offset + 4 + length
            let kind = SubjectKind.allCases[Int(bytes[position])]
            position += 7
            let identityID = flags & 1 != 0 ? EncodedResult.text(in: bytes, at: &position) : nil
            let storedID = EncodedResult.text(in: bytes, at: &position)
            let storedName = EncodedResult.text(in: bytes, at: &position)
            var result = EncodedResult(
                kind: kind,
                status: status,
                ordinal: ordinal,
                isCredentialOfIdentity: flags & 2 != 0,
                copiesItsIdentity: flags & 4 != 0,
                identityID: identityID,
                storedID: storedID,
                storedName: storedName,
                evidenceMap: templates.evidenceMap,
                evidenceTemplateCount: templates.templates.evidence.all.count
            )
            if position < end {
                result.idPrefix =
                    UInt64(EncodedResult.u32(in: bytes, at: position))
                    | UInt64(EncodedResult.u32(in: bytes, at: position + 4)) << 32
                result.message = templates.messageIndex(Int(EncodedResult.u32(in: bytes, at: position + 8)))
                result.valueCount = Int(EncodedResult.u32(in: bytes, at: position + 12))
                position += 16
                let valuesStart = position
                for _ in 0..<result.valueCount { _ = EncodedResult.text(in: bytes, at: &position) }
                result.values = UnsafeRawBufferPointer(rebasing: bytes[valuesStart..<position])
                result.evidenceCount = Int(EncodedResult.u32(in: bytes, at: position))
                result.evidence = UnsafeRawBufferPointer(rebasing: bytes[(position + 4)..<end])
            }
            offset = end
            return result
        }

        private func numbers(_ position: inout Int) -> [Int] {
            let count = Int(EncodedResult.u32(in: bytes, at: position))
            position += 4
            var numbers: [Int] = []
            numbers.reserveCapacity(count)
            for _ in 0..<count {
                numbers.append(Int(EncodedResult.u32(in: bytes, at: position)))
                position += 4
            }
            return numbers
        }
    }
}

/// Resolves the template numbers of records to one control's templates, through the template
/// map in force (``ResultCodec/encodeTemplateMap(messages:evidence:into:)``). A number with no
/// template (a damaged spool) resolves to nil, and reads as an empty template rather than a crash.
struct TemplateResolver {
    static let empty = MessageTemplate("")
    let templates: ControlTemplates
    var messageMap: [Int] = []
    var evidenceMap: [Int] = []

    init(_ templates: ControlTemplates) { self.templates = templates }

    /// The index in the control's table of the message template a record numbers `number`.
    func messageIndex(_ number: Int) -> Int? {
        Self.index(of: number, through: messageMap, among: templates.messages.all.count)
    }

    /// The index a record's template `number` stands for through `map` (empty: the number itself),
    /// or nil when the table's `count` templates have none such.
    static func index(of number: Int, through map: [Int], among count: Int) -> Int? {
        let index = number < map.count ? map[number] : number
        return index < count ? index : nil
    }
}
