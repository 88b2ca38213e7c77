import CLibXML2
import CrosswalkCore

/// Turns libxml2's structured errors into compiler-style diagnostics while a document is read.
///
/// libxml2 calls ``handler`` with the ``context`` pointer (an unretained reference to the
/// collector, valid while the caller keeps the collector alive). Only the first
/// ``XMLSchemaValidator/maximumReportedProblems`` problems are kept, so a document with a million
/// bad results stays cheap; the rest are counted. Parser errors carry a line and column; schema
/// errors carry only the line, so their column is found afterwards: where the element the
/// message names starts on that line.
final class XMLProblemCollector {
    /// One problem as libxml2 reported it, before its column is known.
    private struct Problem: Equatable {
        var severity: Diagnostic.Severity
        var line: Int
        /// Nil when libxml2 gave none (schema errors).
        var column: Int?
        var message: String
    }

    let file: String
    let quietNamespace: String?
    private var kept: [Problem] = []
    private(set) var errorCount = 0
    private var droppedCount = 0
    private var sawFatalError = false

    init(file: String, quietNamespace: String?) {
        self.file = file
        self.quietNamespace = quietNamespace
    }

    /// The pointer libxml2 hands back to ``handler``.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<XMLProblemCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
    }

    /// Runs `body` with this collector as the calling thread's libxml2 structured error handler
    /// (libxml2 keeps that handler per thread), restoring the previous handler afterwards, and
    /// keeps the collector alive while libxml2 holds its unretained ``context``. The thread's
    /// generic error function is set to discard, so libxml2 prints nothing itself.
    func capturingThreadErrors<Result>(_ body: () throws -> Result) rethrows -> Result {
        crosswalk_silence_generic_errors()
        let previousHandler = __xmlStructuredError()?.pointee
        let previousContext = __xmlStructuredErrorContext()?.pointee
        xmlSetStructuredErrorFunc(context, handler)
        defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
        return try withExtendedLifetime(self) { try body() }
    }

    private func record(_ error: xmlError) {
        // A fatal parser error stops the parse; what libxml2 reports after it at the same place
        // ("attributes construct error", …) only repeats it.
        guard !sawFatalError else { return }
        if error.level == XML_ERR_FATAL { sawFatalError = true }
        let severity: Diagnostic.Severity = error.level == XML_ERR_WARNING ? .warning : .error
        guard kept.count < XMLSchemaValidator.maximumReportedProblems else {
            // Counted without building the message: a broken million-result report stays cheap.
            if severity == .error { errorCount += 1 }
            droppedCount += 1
            return
        }
        var message = XMLLibrary.string(error.message) ?? "libxml2 reported error \(error.code) without a message"
        if let quietNamespace { message = message.replacingAll("{\(quietNamespace)}", with: "") }
        while let last = message.last, last.isWhitespace { message.removeLast() }
        // Messages quote the document's text (attribute values, element names): make its
        // control and bidirectional characters visible.
        message = InertText.visible(message)
        keep(
            Problem(
                severity: severity,
                line: Int(error.line),
                column: error.int2 > 0 ? Int(error.int2) : nil,
                message: message
            )
        )
    }

    private func keep(_ problem: Problem) {
        // libxml2 reports some schema errors (keyrefs) twice in a row.
        guard problem != kept.last else { return }
        if problem.severity == .error { errorCount += 1 }
        kept.append(problem)
    }

    /// The problems as diagnostics, columns resolved against the document's `bytes`, followed by
    /// a count of those not kept.
    func diagnostics(in bytes: [UInt8]) -> [Diagnostic] {
        let lines = Set(kept.filter { $0.column == nil && $0.line > 0 }.map(\.line))
        let text = lines.isEmpty ? [:] : Self.lines(lines, of: bytes)
        var result = kept.map { problem -> Diagnostic in
            guard problem.line > 0 else { return Diagnostic(problem.severity, file: file, message: problem.message) }
            let column = problem.column ?? Self.column(of: problem.message, in: text[problem.line] ?? "")
            return Diagnostic(
                problem.severity,
                file: file,
                location: SourceLocation(line: problem.line, column: column),
                message: problem.message
            )
        }
        if droppedCount > 0 {
            result.append(
                Diagnostic(
                    .error,
                    file: file,
                    message: "\(droppedCount) more problems not shown (only the first \(kept.count) are listed)"
                )
            )
        }
        return result
    }

    /// The text of the wanted lines (1-based), in one pass over the document.
    private static func lines(_ wanted: Set<Int>, of bytes: [UInt8]) -> [Int: String] {
        var found: [Int: String] = [:]
        var line = 1
        var start = 0
        let last = wanted.max() ?? 0
        for index in bytes.indices where bytes[index] == 0x0A || index == bytes.count - 1 {
            if wanted.contains(line) {
                let end = bytes[index] == 0x0A ? index : index + 1
                found[line] = String(decoding: bytes[start..<end], as: UTF8.self)
            }
            line += 1
            start = index + 1
            if line > last { break }
        }
        return found
    }

    /// The 1-based column (in Unicode scalars) where the element a schema message names
    /// (`Element 'result': …`) starts on `line`, with or without a namespace prefix; else the
    /// line's first non-blank character.
    static func column(of message: String, in line: String) -> Int {
        let scalars = Array(line.unicodeScalars)
        if let name = elementName(in: message) {
            let delimiters: Set<Unicode.Scalar> = [" ", "\t", "\r", ">", "/"]
            for (index, scalar) in scalars.enumerated() where scalar == "<" {
                let tag = scalars[(index + 1)...].prefix { !delimiters.contains($0) }
                let local = tag.lastIndex(of: ":").map { tag[($0 + 1)...] } ?? tag[...]
                if String(String.UnicodeScalarView(local)) == name { return index + 1 }
            }
        }
        return (scalars.firstIndex { $0 != " " && $0 != "\t" } ?? 0) + 1
    }

    /// `result` from `Element 'result', attribute …` or `Element '{urn:other}result': …`.
    private static func elementName(in message: String) -> String? {
        guard message.hasPrefix("Element '") else { return nil }
        let rest = message.dropFirst("Element '".count)
        guard let end = rest.firstIndex(of: "'") else { return nil }
        let qualified = rest[..<end]
        if let brace = qualified.lastIndex(of: "}") { return String(qualified[qualified.index(after: brace)...]) }
        return String(qualified)
    }
}

extension String {
    /// `self` with every occurrence of `target` replaced (without Foundation).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
