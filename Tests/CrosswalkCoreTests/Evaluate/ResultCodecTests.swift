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
        for finding in Self.findings() { ResultCodec.encode(finding, into: &bytes) }
        try spool.append(bytes, to: 3)
        var decoded: [Finding] = []
        try ResultCodec.forEach(in: spool, stream: 3) { decoded.append($0) }
        #expect(decoded == Self.findings())
        #expect(decoded.map(\.message.text) == Self.findings().map(\.message.text))
        #expect(decoded.map(\.subject.id) == Self.findings().map(\.subject.id))
        #expect(decoded.map(\.subject.name) == Self.findings().map(\.subject.name))
    }
}
