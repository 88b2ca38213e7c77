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
        _ finding: borrowing Finding,
        control: String,
        templates: inout ControlTemplates,
        into bytes: inout [UInt8]
    ) {
        // Millions of records: the record's length is worked out first, the array grown once,
        // and every part copied into place, rather than appended piece by piece.
        let message = templates.messages.index(of: BoundMessageTemplate(finding.message))
        let idPrefix = finding.idPrefix ?? FindingID.digestPrefix(of: finding, control: control)
        var length = subjectLength(finding.subject) + 8 + 4 + 4 + 4
        for value in finding.message.values { length += 4 + value.utf8.count }
        for item in finding.evidence { length += 8 + item.observed.utf8.count }
        RecordWriter.append(4 + length, to: &bytes) { writer in
            writer.write(UInt32(length))
            writer.write(finding.subject, status: finding.status)
            writer.write(UInt32(truncatingIfNeeded: idPrefix))
            writer.write(UInt32(truncatingIfNeeded: idPrefix >> 32))
            writer.write(UInt32(message))
            writer.write(UInt32(finding.message.values.count))
            for value in finding.message.values { writer.write(value) }
            writer.write(UInt32(finding.evidence.count))
            for item in finding.evidence {
                let template = EvidenceTemplate(field: item.field, expected: item.expected)
                writer.write(UInt32(templates.evidence.index(of: template)))
                writer.write(item.observed)
            }
        }
    }

    static func encode(passing subject: SubjectReference, into bytes: inout [UInt8]) {
        let length = subjectLength(subject)
        RecordWriter.append(4 + length, to: &bytes) { writer in
            writer.write(UInt32(length))
            writer.write(subject, status: .pass)
        }
    }

    /// A template map: the records after it number their message templates by position in
    /// `messages` and their evidence templates by position in `evidence`, whose elements are the
    /// numbers in the control's table. Empty lists restore the control's own numbering.
    static func encodeTemplateMap(messages: [Int], evidence: [Int], into bytes: inout [UInt8]) {
        let length = 1 + 4 + 4 * messages.count + 4 + 4 * evidence.count
        RecordWriter.append(4 + length, to: &bytes) { writer in
            writer.write(UInt32(length))
            writer.write(templateMapMarker)
            writer.write(UInt32(messages.count))
            for number in messages { writer.write(UInt32(number)) }
            writer.write(UInt32(evidence.count))
            for number in evidence { writer.write(UInt32(number)) }
        }
    }

    /// The bytes `subject` takes in a record: kind, status, ordinal, flags and its strings (the
    /// identity id only when it is not the subject's own id, as it is for an identity).
    private static func subjectLength(_ subject: borrowing SubjectReference) -> Int {
        var length = 7 + 4 + subject.storedID.utf8.count + 4 + subject.storedName.utf8.count
        if let identityID = subject.identityID, identityID != subject.storedID { length += 4 + identityID.utf8.count }
        return length
    }

    /// Record flags: the subject belongs to an identity; it is a credential of that identity; its
    /// id and name are the identity's (``SubjectReference/copiesItsIdentity``); its identity id is
    /// its own id, written once.
    private static let hasIdentity: UInt8 = 1
    private static let credentialOfIdentity: UInt8 = 2
    private static let copiesIdentity: UInt8 = 4
    private static let identityIDIsStoredID: UInt8 = 8

    /// Writes one record into room added at the end of an array: the array grows once, by the
    /// record's length, and the record is copied into place through one pointer.
    private struct RecordWriter {
        private var position: UnsafeMutableRawPointer
        private let end: UnsafeMutableRawPointer

        /// Adds `count` bytes at the end of `bytes` and calls `body` to write exactly that many.
        static func append(_ count: Int, to bytes: inout [UInt8], _ body: (inout RecordWriter) -> Void) {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: count))
            bytes.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress.map({ $0 + start }) else { return }
                var writer = RecordWriter(position: base, end: base + count)
                body(&writer)
                precondition(writer.position == writer.end, "a spool record's length was worked out wrongly")
            }
        }

        private init(position: UnsafeMutableRawPointer, end: UnsafeMutableRawPointer) {
            self.position = position
            self.end = end
        }

        mutating func write(_ byte: UInt8) {
            precondition(position < end)
            position.storeBytes(of: byte, as: UInt8.self)
            position += 1
        }

        mutating func write(_ value: UInt32) {
            precondition(end - position >= 4)
            position.storeBytes(of: value.littleEndian, as: UInt32.self)
            position += 4
        }

        /// `u32 length` + UTF-8.
        mutating func write(_ text: String) {
            let utf8 = text.utf8
            let count = utf8.count
            write(UInt32(count))
            precondition(end - position >= count)
            guard count > 0 else { return }
            let target = position
            let copied: Void? = utf8.withContiguousStorageIfAvailable { source in
                if let from = source.baseAddress { target.copyMemory(from: from, byteCount: count) }
            }
            if copied == nil {
                for (offset, byte) in utf8.enumerated() {
                    target.storeBytes(of: byte, toByteOffset: offset, as: UInt8.self)
                }
            }
            position += count
        }

        mutating func write(_ subject: borrowing SubjectReference, status: ResultStatus) {
            write(UInt8(ResultCodec.number(of: subject.kind)))
            write(UInt8(ResultCodec.number(of: status)))
            write(UInt32(bitPattern: subject.ordinal))
            let identityID = subject.identityID
            let ownID = identityID == subject.storedID
            let flags: UInt8 =
                (identityID == nil ? 0 : ResultCodec.hasIdentity)
                | (subject.isCredentialOfIdentity ? ResultCodec.credentialOfIdentity : 0)
                | (subject.copiesItsIdentity ? ResultCodec.copiesIdentity : 0)
                | (ownID ? ResultCodec.identityIDIsStoredID : 0)
            write(flags)
            if let identityID, !ownID { write(identityID) }
            write(subject.storedID)
            write(subject.storedName)
        }
    }

    /// The kinds and statuses as records number them (their declaration order), held once.
    private static let kinds = SubjectKind.allCases
    private static let statuses = ResultStatus.allCases

    private static func number(of kind: SubjectKind) -> Int { kinds.firstIndex(of: kind) ?? 0 }
    private static func number(of status: ResultStatus) -> Int { statuses.firstIndex(of: status) ?? 0 }

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
                status = ResultCodec.statuses[Int(bytes[position + 1])]
                ordinal = Int32(bitPattern: EncodedResult.u32(in: bytes, at: position + 2))
                flags = bytes[position + 6]
                guard let include,
                    !include(
                        RecordHeader(
                            status: status,
                            ordinal: ordinal,
                            hasIdentity: flags & ResultCodec.hasIdentity != 0
                        )
                    )
                else { break }
                offset += 4 + length
            }
            let end = offset + 4 + length
            let kind = ResultCodec.kinds[Int(bytes[position])]
            position += 7
            let ownID = flags & ResultCodec.identityIDIsStoredID != 0
            let hasIdentity = flags & ResultCodec.hasIdentity != 0
            let identityID = hasIdentity && !ownID ? EncodedResult.text(in: bytes, at: &position) : nil
            let storedID = EncodedResult.text(in: bytes, at: &position)
            let storedName = EncodedResult.text(in: bytes, at: &position)
            var result = EncodedResult(
                kind: kind,
                status: status,
                ordinal: ordinal,
                isCredentialOfIdentity: flags & ResultCodec.credentialOfIdentity != 0,
                copiesItsIdentity: flags & ResultCodec.copiesIdentity != 0,
                identityID: hasIdentity && ownID ? storedID : identityID,
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
