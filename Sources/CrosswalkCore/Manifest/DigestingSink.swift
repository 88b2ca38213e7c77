/// A ``ReportSink`` that passes every byte on to another sink and hashes it on the way, so the
/// manifest records the SHA-256 of exactly what a renderer wrote, without reading the file again.
public final class DigestingSink: ReportSink {
    private let destination: any ReportSink
    private var digester = ContentDigester()

    public init(forwardingTo destination: any ReportSink) {
        self.destination = destination
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try destination.write(bytes)
        digester.update(bytes)
    }

    /// The size and hash of everything written so far.
    public var digest: ContentDigest { digester.finish() }
}
