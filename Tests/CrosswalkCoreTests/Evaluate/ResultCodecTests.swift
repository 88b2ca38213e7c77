import Testing

@testable import CrosswalkCore

/// A spool that hands its streams back in small chunks, as a file read in pieces does, so records
/// are cut at every possible place.
final class ChunkedSpool: ResultSpool, @unchecked Sendable {
    private let inner = MemoryResultSpool()
    let chunkSize: Int

    init(chunkSize: Int) { self.chunkSize = chunkSize }

    func append(_ bytes: [UInt8], to stream: Int) throws { try inner.append(bytes, to: stream) }

    func read(_ stream: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var all: [UInt8] = []
        try inner.read(stream) { all.append(contentsOf: $0) }
        var start = 0
        while start < all.count {
            let end = min(start + chunkSize, all.count)
            try all[start..<end].withUnsafeBytes { try body($0) }
            start = end
        }
    }
}

@Suite struct ResultCodecTests {
    static let template = MessageTemplate("Secret {what} {days} days ago; ünïcode ✓ {limit}.")

    static func findings() -> [Finding] {
        (0..<40).map { index in
            let holder = Identity(
                id: "id-\(index)",
                name: "Holder \(index) «\(String(repeating: "x", count: index))»",
                kind: .agent
            )
            let subject =
                index.isMultiple(of: 2)
                ? SubjectReference.credential(Credential(id: "key-\(index)", type: .apiKey), of: holder)
                : SubjectReference.identity(holder)
            return Finding(
                subject: subject,
                status: index.isMultiple(of: 3) ? .notAssessed : .fail,
                message: template("rotated", "\(index)", "90"),
                evidence: (0..<(index % 3)).map {
                    Evidence(field: "credentials[].f\($0)", observed: "observed \(index) \($0)\n\t", expected: "≤ 90")
                }
            )
        }
    }

    @Test(arguments: [1, 2, 7, 64, 1 << 20])
    func recordsCutAcrossChunksComeBackExactly(_ chunkSize: Int) throws {
        let spool = ChunkedSpool(chunkSize: chunkSize)
        var bytes: [UInt8] = []
        var templates = ControlTemplates()
        for finding in Self.findings() {
            ResultCodec.encode(finding, control: "CW-TEST", templates: &templates, into: &bytes)
        }
        try spool.append(bytes, to: 3)
        var decoded: [Finding] = []
        try ResultCodec.forEach(in: spool, stream: 3, templates: templates) { decoded.append($0) }
        #expect(decoded == Self.findings())
        #expect(decoded.map(\.message.text) == Self.findings().map(\.message.text))
        #expect(decoded.map(\.subject.id) == Self.findings().map(\.subject.id))
        #expect(decoded.map(\.subject.name) == Self.findings().map(\.subject.name))
        #expect(decoded.allSatisfy { $0.message.template === Self.template }, "templates are shared, not copied")
        let ids = decoded.map { FindingID.of($0, control: "CW-TEST") }
        #expect(decoded.allSatisfy { $0.idPrefix != nil }, "each record carries its finding id")
        #expect(
            ids
                == Self.findings().map {
                    FindingID.make(
                        control: "CW-TEST",
                        subject: $0.subject.id,
                        evidenceKey: $0.evidence.first?.field ?? ""
                    )
                }
        )
        let pattern = Array(Self.template.pattern.utf8)
        #expect(!bytes.indices.contains { bytes[$0...].starts(with: pattern) }, "no record repeats the sentence")
    }

    /// Batches number their templates in order of first use; a control's accumulator writes a
    /// template map where a batch's numbering differs from the control's, and reading resolves
    /// every record to the right sentence and evidence, whatever the chunking.
    /// An identity's id is its subject id and its identity id: its record states it once, and it
    /// reads back as both. A credential's record states the identity id and its own id.
    @Test func anIdentityIDThatIsTheSubjectIDIsWrittenOnce() throws {
        let holder = Identity(id: "payments-agent-0042", name: "Payments agent", kind: .agent)
        func record(_ subject: SubjectReference) -> [UInt8] {
            var bytes: [UInt8] = []
            var templates = ControlTemplates()
            let finding = Finding(subject: subject, status: .fail, message: Self.template("a", "1", "2"), evidence: [])
            ResultCodec.encode(finding, control: "CW-TEST", templates: &templates, into: &bytes)
            return bytes
        }
        func occurrences(of text: String, in bytes: [UInt8]) -> Int {
            let needle = Array(text.utf8)
            return (0...(bytes.count - needle.count)).filter { Array(bytes[$0..<($0 + needle.count)]) == needle }.count
        }
        let identity = SubjectReference.identity(holder)
        let credential = SubjectReference.credential(Credential(id: "key-7", type: .apiKey), of: holder)
        #expect(occurrences(of: holder.id, in: record(identity)) == 1)
        #expect(occurrences(of: holder.id, in: record(credential)) == 1)
        #expect(occurrences(of: "key-7", in: record(credential)) == 1)
        for subject in [identity, credential] {
            let spool = MemoryResultSpool()
            try spool.append(record(subject), to: 0)
            var read: [SubjectReference] = []
            try ResultCodec.forEach(in: spool, stream: 0, templates: ControlTemplates()) { read.append($0.subject) }
            #expect(read == [subject])
            #expect(read.first?.identityID == holder.id)
        }
    }

    @Test(arguments: [1, 5, 1 << 20])
    func batchesNumberingTemplatesDifferentlyReadBackThroughTemplateMaps(_ chunkSize: Int) throws {
        let first = MessageTemplate("First {a}.")
        let second = MessageTemplate("Second {b}.")
        let holder = Identity(id: "holder", name: "Holder", kind: .agent)
        func finding(_ template: MessageTemplate, _ value: String, field: String) -> Finding {
            Finding(
                subject: .identity(holder),
                status: .fail,
                message: template(value),
                evidence: [Evidence(field: field, observed: value, expected: "expected \(field)")]
            )
        }
        let batches: [[Finding]] = [
            [finding(first, "1", field: "x"), finding(second, "2", field: "y")],
            [finding(second, "3", field: "y"), finding(first, "4", field: "x")],
            [finding(second, "5", field: "z")],
            [finding(first, "6", field: "x"), finding(second, "7", field: "y")],
        ]
        let spool = ChunkedSpool(chunkSize: chunkSize)
        var accumulator = ControlAccumulator(
            control: ControlRegistry.all[0],
            position: 0,
            keepPassing: false,
            spool: spool
        )
        var failing: [UInt64] = []
        for batch in batches {
            var recorder = ResultRecorder(keepPassing: false)
            for finding in batch { recorder.fail(finding.subject, finding.message, evidence: finding.evidence) }
            try accumulator.merge(
                RecorderDigest(recorder, control: "CW-TEST", keepPassing: false),
                failingControls: &failing
            )
        }
        try accumulator.flushAll()
        let outcome = accumulator.finish(scope: AIAgentScope()) { _ in nil }
        var decoded: [Finding] = []
        try outcome.forEachFinding { decoded.append($0) }
        #expect(decoded.map(\.message.text) == batches.flatMap { $0 }.map(\.message.text))
        #expect(decoded.map(\.evidence) == batches.flatMap { $0 }.map(\.evidence))
        #expect(outcome.templates.messages.all.map(\.pattern) == ["First {a}.", "Second {b}."])
    }

    /// Records naming templates the reader does not have (a damaged or mismatched spool) come
    /// back with an empty message instead of stopping the run.
    @Test func recordsNamingUnknownTemplatesReadBackWithAnEmptyMessage() throws {
        let spool = MemoryResultSpool()
        var bytes: [UInt8] = []
        var templates = ControlTemplates()
        for finding in Self.findings() {
            ResultCodec.encode(finding, control: "CW-TEST", templates: &templates, into: &bytes)
        }
        try spool.append(bytes, to: 0)
        var decoded: [Finding] = []
        try ResultCodec.forEach(in: spool, stream: 0, templates: ControlTemplates()) { decoded.append($0) }
        #expect(decoded.map(\.subject.id) == Self.findings().map(\.subject.id))
        #expect(decoded.allSatisfy { $0.message.text.isEmpty })
    }

    /// A subject built from an identity of a run says so through the spool, which lets the JSON
    /// and XML reports take its id and name from the identity table; any change to the subject
    /// afterwards, or an identity outside a run, takes that back.
    @Test func aSubjectCopyingItsIdentitySaysSoThroughTheSpoolUntilItChanges() throws {
        var holder = Identity(id: "holder", name: "Holder", kind: .agent)
        #expect(!SubjectReference.identity(holder).copiesItsIdentity, "no ordinal: not in a run")
        holder.ordinal = 4
        let key = Credential(id: "key", type: .apiKey)
        let subjects = [SubjectReference.identity(holder), .credential(key, of: holder), .platform("aws")]
        #expect(subjects.map(\.copiesItsIdentity) == [true, true, false])
        var bytes: [UInt8] = []
        for subject in subjects { ResultCodec.encode(passing: subject, into: &bytes) }
        let spool = MemoryResultSpool()
        try spool.append(bytes, to: 0)
        var decoded: [SubjectReference] = []
        try ResultCodec.forEach(in: spool, stream: 0, templates: ControlTemplates()) { decoded.append($0.subject) }
        #expect(decoded == subjects)
        #expect(decoded.map(\.copiesItsIdentity) == [true, true, false])
        for change in [
            { (subject: inout SubjectReference) in subject.storedName = "Other" },
            { $0.storedID = "other" },
            { $0.identityID = "other" },
            { $0.ordinal = 5 },
            { $0.kind = .role },
        ] {
            var subject = subjects[0]
            change(&subject)
            #expect(!subject.copiesItsIdentity)
        }
    }
}
