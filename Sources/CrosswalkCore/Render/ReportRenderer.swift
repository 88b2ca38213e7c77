/// Render stage, one document: writes a ``GapReport`` as one report file. Every format has one
/// renderer type; ``RendererRegistry`` lists them.
public protocol ReportRenderer: Sendable {
    /// The document this renderer writes.
    var document: ReportDocument { get }
    /// Writes the whole document to `sink`.
    func render(_ report: GapReport, to sink: any ReportSink) throws
}

extension ReportRenderer {
    /// Renders into memory: for tests and small reports.
    public func render(_ report: GapReport) throws -> [UInt8] {
        let sink = MemorySink()
        try render(report, to: sink)
        return sink.bytes
    }
}
