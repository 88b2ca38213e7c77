/// One result as its ``ResultSpool`` record holds it, read in place: its subject, status, id,
/// message template and values, and evidence, with every text a view of the record's UTF-8 bytes.
///
/// The JSON and XML reports copy each result's values from here into their output without
/// building a ``Finding`` and its strings (millions of results at scale); everything else reads
/// the decoded ``finding``. A value is valid only inside the closure it is passed to: its text
/// points into the spool's buffer.
struct EncodedResult {
    var kind: SubjectKind
    var status: ResultStatus
    /// The position of the subject's identity in the run's input order, or -1.
    var ordinal: Int32
    /// Whether the subject is a credential of the identity ``identityID`` names (its id is then
    /// that id, `/` and ``storedID``).
    var isCredentialOfIdentity: Bool
    /// ``SubjectReference/copiesItsIdentity``: the identity id and name are those of the
    /// identity at ``ordinal``.
    var copiesItsIdentity: Bool
    /// The UTF-8 id of the identity the subject belongs to; nil for roles and platforms.
    var identityID: UnsafeRawBufferPointer?
    /// The subject's id, or a credential's own id (``SubjectReference``'s stored id).
    var storedID: UnsafeRawBufferPointer
    /// The subject's name, or for a credential of an identity, the identity's name.
    var storedName: UnsafeRawBufferPointer
    /// The first 8 bytes of the finding id's hash; nil for a passing subject's record.
    var idPrefix: UInt64?
    /// The index of the message template in the control's table; nil for a passing subject's
    /// record or a number the table does not have (a damaged spool).
    var message: Int?
    /// How many values the message has (policy gaps included).
    var valueCount = 0
    /// How many pieces of evidence the result has.
    var evidenceCount = 0
    /// The record's values, each `u32 length` + UTF-8.
    var values = UnsafeRawBufferPointer(start: nil, count: 0)
    /// The record's evidence, each `u32 template number`, `u32 length` + UTF-8.
    var evidence = UnsafeRawBufferPointer(start: nil, count: 0)
    /// The evidence template numbers of the template map in force (``TemplateResolver``): the
    /// control-table index each number stands for; empty when numbers are the table's own.
    var evidenceMap: [Int] = []
    /// How many evidence templates the control's table has.
    var evidenceTemplateCount = 0

    /// Calls `body` with each of the message's values, in order, with its gap index.
    func forEachValue(_ body: (_ index: Int, _ value: UnsafeRawBufferPointer) throws -> Void) rethrows {
        var position = 0
        for index in 0..<valueCount { try body(index, Self.text(in: values, at: &position)) }
    }

    /// Calls `body` with each piece of evidence: the index of its template (field and expected
    /// value) in the control's table, or nil for a number the table does not have, and what was
    /// observed.
    func forEachEvidence(_ body: (_ template: Int?, _ observed: UnsafeRawBufferPointer) throws -> Void) rethrows {
        var position = 0
        for _ in 0..<evidenceCount {
            let number = Int(Self.u32(in: evidence, at: position))
            position += 4
            let index = TemplateResolver.index(of: number, through: evidenceMap, among: evidenceTemplateCount)
            try body(index, Self.text(in: evidence, at: &position))
        }
    }

    /// The subject as a value (the record's strings copied).
    var subject: SubjectReference {
        var subject = SubjectReference(
            kind: kind,
            id: String(decoding: storedID, as: UTF8.self),
            name: String(decoding: storedName, as: UTF8.self),
            identityID: identityID.map { String(decoding: $0, as: UTF8.self) },
            ordinal: ordinal
        )
        subject.isCredentialOfIdentity = isCredentialOfIdentity
        subject.copiesItsIdentity = copiesItsIdentity
        return subject
    }

    /// The result as a ``Finding`` (a passing subject's record gives a pass with no message and
    /// no evidence), sharing the control's `templates`.
    func finding(_ templates: ControlTemplates) -> Finding {
        var finding = Finding(subject: subject, status: status, message: ResultMessage(TemplateResolver.empty))
        guard idPrefix != nil else { return finding }
        finding.idPrefix = idPrefix
        let template = message.map { templates.messages.all[$0].template } ?? TemplateResolver.empty
        var texts: [String] = []
        texts.reserveCapacity(valueCount)
        forEachValue { _, value in texts.append(String(decoding: value, as: UTF8.self)) }
        // Only a damaged spool can name a template that does not take these values.
        if template.slots.count == texts.count { finding.message = ResultMessage(template, values: texts) }
        finding.evidence.reserveCapacity(evidenceCount)
        forEachEvidence { number, observed in
            let template = number.map { templates.evidence.all[$0] } ?? EvidenceTemplate(field: "", expected: "")
            finding.evidence.append(
                Evidence(
                    field: template.field,
                    observed: String(decoding: observed, as: UTF8.self),
                    expected: template.expected
                )
            )
        }
        return finding
    }

    static func u32(in bytes: UnsafeRawBufferPointer, at position: Int) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    /// The string at `position` (`u32 length` + UTF-8), moving `position` past it.
    static func text(in bytes: UnsafeRawBufferPointer, at position: inout Int) -> UnsafeRawBufferPointer {
        let length = Int(u32(in: bytes, at: position))
        position += 4
        let text = UnsafeRawBufferPointer(rebasing: bytes[position..<position + length])
        position += length
        return text
    }
}
