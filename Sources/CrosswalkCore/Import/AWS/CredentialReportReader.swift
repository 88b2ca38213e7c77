import CSV

/// Reads the IAM credential report in any of its three forms: the raw CSV, the
/// `aws iam get-credential-report` JSON with `Content` in base64 (as the CLI prints it), or the
/// same JSON with `Content` already decoded (as some tools store it).
///
/// Columns are found by header name; a missing column is an error for the file, extra columns are
/// ignored. A malformed row is skipped with a warning naming its line, and the rest is read.
enum CredentialReportReader {
    /// Whether the document is a credential report: CSV whose header names `user`, `arn` and
    /// `access_key_1_active`, or a JSON (or YAML) object with a `Content` string and a
    /// `ReportFormat` of `text/csv` (or, without one, a `GeneratedTime`).
    static func looksLikeCredentialReport(_ document: ImportDocument) -> Bool {
        switch shape(of: document) {
        case .csv:
            let header = firstSignificantBytes(of: document.file, count: 4096).prefix { $0 != 0x0A && $0 != 0x0D }
            let names = Set(
                String(decoding: header, as: UTF8.self).split(separator: ",").map {
                    String($0).trimmedOfSpaces.lowercased()
                }
            )
            return names.isSuperset(of: ["user", "arn", "access_key_1_active"])
        case .envelope:
            guard let tree = document.treeIfParsable, tree.isObject, tree["Content"]?.text != nil else { return false }
            if let format = tree["ReportFormat"]?.text { return format.lowercased() == "text/csv" }
            return tree["GeneratedTime"] != nil
        }
    }

    /// The report as CSV text, or the JSON (or YAML) envelope around it.
    private enum Shape {
        case csv
        case envelope
    }

    /// A file starting with `{`, or named `.json`, `.yaml` or `.yml`, is an envelope; anything
    /// else is read as CSV.
    private static func shape(of document: ImportDocument) -> Shape {
        if firstSignificantBytes(of: document.file, count: 1) == [UInt8(ascii: "{")] { return .envelope }
        switch document.file.format {
        case .json?, .yaml?: return .envelope
        default: return .csv
        }
    }

    /// The rows of one report file; problems go to `log`.
    static func read(_ document: ImportDocument, as kind: ImportKind, log: inout ImportLog) -> [CredentialReportRow] {
        guard shape(of: document) == .envelope else {
            let place = RowPlace(document: document, kind: kind, content: nil)
            return readCSV(document.text, place: place, log: &log)
        }
        let tree: SourceNode
        do {
            tree = try document.tree()
        } catch let diagnostic as Diagnostic {
            log.add(diagnostic)
            return []
        } catch {
            log.error(document.path, "could not be parsed: \(error)")
            return []
        }
        guard tree.isObject, let content = tree["Content"] else {
            log.error(
                document.path,
                at: tree.location,
                "not a credential report: expected an object with Content (the CSV, in base64 or as text)"
            )
            return []
        }
        guard case .string(let encoded) = content.value else {
            log.error(
                document.path,
                at: content.location,
                keyPath: "Content",
                "expected the report's CSV as a string, found \(content.typeDescription)"
            )
            return []
        }
        if let format = tree["ReportFormat"]?.text, format.lowercased() != "text/csv" {
            log.warning(
                document.path,
                at: tree["ReportFormat"]?.location,
                keyPath: "ReportFormat",
                "unknown report format \(quoted(format)); read as CSV"
            )
        }
        let csv: String
        let trimmed = encoded.trimmedOfSpaces
        // Base64 has no commas: text with one is the CSV itself.
        if trimmed.isEmpty || trimmed.utf8.contains(UInt8(ascii: ",")) {
            csv = encoded
        } else if let bytes = Base64Text.decode(trimmed) {
            var decoded = bytes[...]
            if decoded.starts(with: [0xEF, 0xBB, 0xBF]) { decoded = decoded.dropFirst(3) }
            csv = String(decoding: decoded, as: UTF8.self)
        } else {
            log.error(
                document.path,
                at: content.location,
                keyPath: "Content",
                "is neither the report's CSV text nor base64"
            )
            return []
        }
        let place = RowPlace(document: document, kind: kind, content: content.location)
        return readCSV(csv, place: place, log: &log)
    }

    /// Reads the CSV text: the header, then one row per user.
    private static func readCSV(_ text: String, place: RowPlace, log: inout ImportLog) -> [CredentialReportRow] {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text)
        } catch {
            place.error(line: 1, "could not be read as CSV: \(error)", log: &log)
            return []
        }
        guard let header = reader.next(), header.contains(where: { !$0.trimmedOfSpaces.isEmpty }) else {
            place.warning(line: 1, "the export is empty: the credential report has no header and no rows", log: &log)
            return []
        }
        var positions: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            let key = name.trimmedOfSpaces.lowercased()
            if positions[key] == nil { positions[key] = index }
        }
        let missing = CredentialReportColumn.allCases.filter { positions[$0.rawValue] == nil }
        guard missing.isEmpty else {
            place.error(
                line: 1,
                "not a credential report: missing column\(missing.count == 1 ? "" : "s") "
                    + missing.map(\.rawValue).joined(separator: ", ")
                    + " (the report has 22 columns, found by header name)",
                log: &log
            )
            return []
        }
        var parser = RowParser(
            columns: Dictionary(
                uniqueKeysWithValues: CredentialReportColumn.allCases.map { ($0, positions[$0.rawValue] ?? 0) }
            ),
            width: header.count,
            place: place
        )
        var rows: [CredentialReportRow] = []
        var seen: Set<String> = []
        var line = 1 + header.reduce(1) { $0 + $1.utf8.count(where: { $0 == 0x0A }) }
        while let fields = reader.next() {
            let rowLine = line
            line += fields.reduce(1) { $0 + $1.utf8.count(where: { $0 == 0x0A }) }
            if fields.allSatisfy({ $0.trimmedOfSpaces.isEmpty }) { continue }
            guard let row = parser.row(fields, line: rowLine, log: &log) else { continue }
            guard seen.insert(row.arn).inserted else {
                place.warning(
                    line: rowLine,
                    "user \(quoted(row.arn)) is listed twice; the later row is skipped",
                    log: &log
                )
                continue
            }
            rows.append(row)
        }
        if rows.isEmpty, parser.skipped == 0 {
            place.warning(line: 1, "the export is empty: the credential report lists no users", log: &log)
        }
        return rows
    }

    /// The first `count` bytes after a byte-order mark and leading white space.
    private static func firstSignificantBytes(of file: InputFile, count: Int) -> [UInt8] {
        file.withUnsafeBytes { bytes in
            var start = 0
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
            return Array(bytes[start..<min(bytes.count, start + count)])
        }
    }

    static func quoted(_ text: String) -> String {
        Diagnostic.quoted(text)
    }
}

/// Where the rows of one report sit: lines of the CSV file, or lines of the CSV inside the JSON
/// envelope's `Content` (whose diagnostics point at `Content`).
private struct RowPlace {
    let document: ImportDocument
    let kind: ImportKind
    /// The `Content` string's location when the CSV came inside the JSON envelope.
    let content: SourceLocation?
    let inEnvelope: Bool

    init(document: ImportDocument, kind: ImportKind, content: SourceLocation?) {
        self.document = document
        self.kind = kind
        self.content = content
        self.inEnvelope = content != nil
    }

    func origin(line: Int) -> RecordOrigin {
        RecordOrigin(
            kind: kind.name,
            file: document.path,
            record: inEnvelope ? "Content, line \(line)" : "line \(line)"
        )
    }

    func warning(line: Int, _ message: String, log: inout ImportLog) {
        if inEnvelope {
            log.warning(document.path, at: content, keyPath: "Content, CSV line \(line)", message)
        } else {
            log.warning(document.path, at: SourceLocation(line: line, column: 1), message)
        }
    }

    func error(line: Int, _ message: String, log: inout ImportLog) {
        if inEnvelope {
            log.error(document.path, at: content, keyPath: "Content, CSV line \(line)", message)
        } else {
            log.error(document.path, at: SourceLocation(line: line, column: 1), message)
        }
    }
}

/// Turns the fields of one CSV row into a ``CredentialReportRow``, warning once per distinct
/// unreadable value of a column (a report of 100,000 rows with one odd value gives one warning).
private struct RowParser {
    /// The field index of each column.
    let columns: [CredentialReportColumn: Int]
    /// The header's field count.
    let width: Int
    let place: RowPlace
    private var warned: Set<String> = []
    private(set) var skipped = 0

    init(columns: [CredentialReportColumn: Int], width: Int, place: RowPlace) {
        self.columns = columns
        self.width = width
        self.place = place
    }

    mutating func row(_ fields: [String], line: Int, log: inout ImportLog) -> CredentialReportRow? {
        guard fields.count == width else {
            skipped += 1
            place.warning(
                line: line,
                "row skipped: it has \(fields.count) field\(fields.count == 1 ? "" : "s"), the header has \(width)",
                log: &log
            )
            return nil
        }
        let user = value(.user, fields).trimmedOfSpaces
        let arn = value(.arn, fields).trimmedOfSpaces
        guard !user.isEmpty, arn.hasPrefix("arn:") else {
            skipped += 1
            place.warning(
                line: line,
                user.isEmpty
                    ? "row skipped: user is empty"
                    : "row skipped: arn \(CredentialReportReader.quoted(arn)) is not an ARN",
                log: &log
            )
            return nil
        }
        let keys = (1...2).map { number in
            let columns = CredentialReportColumn.accessKey(number)
            return CredentialReportRow.AccessKey(
                number: number,
                active: flag(columns.active, fields, line: line, log: &log),
                lastRotated: time(columns.lastRotated, fields, line: line, log: &log),
                lastUsed: time(columns.lastUsedDate, fields, line: line, log: &log),
                lastUsedRegion: text(columns.lastUsedRegion, fields),
                lastUsedService: text(columns.lastUsedService, fields)
            )
        }
        let certificates = (1...2).map { number in
            let columns = CredentialReportColumn.certificate(number)
            return CredentialReportRow.SigningCertificate(
                number: number,
                active: flag(columns.active, fields, line: line, log: &log),
                lastRotated: time(columns.lastRotated, fields, line: line, log: &log)
            )
        }
        let lastUseColumns: [CredentialReportColumn] = [
            .passwordLastUsed, .accessKey1LastUsedDate, .accessKey2LastUsedDate,
        ]
        var row = CredentialReportRow(
            user: user,
            arn: arn,
            created: time(.userCreationTime, fields, line: line, log: &log),
            passwordEnabled: flag(.passwordEnabled, fields, line: line, log: &log),
            passwordLastUsed: time(.passwordLastUsed, fields, line: line, log: &log),
            passwordLastChanged: time(.passwordLastChanged, fields, line: line, log: &log),
            passwordNextRotation: time(.passwordNextRotation, fields, line: line, log: &log),
            mfaActive: flag(.mfaActive, fields, line: line, log: &log),
            accessKeys: keys,
            certificates: certificates,
            origin: place.origin(line: line)
        )
        row.hasUnreadableLastUse = lastUseColumns.contains { ExportTime(value($0, fields)) == .invalid }
        return row
    }

    private func value(_ column: CredentialReportColumn, _ fields: [String]) -> String {
        fields[columns[column] ?? 0]
    }

    /// A free-text column (region, service), nil for a sentinel.
    private func text(_ column: CredentialReportColumn, _ fields: [String]) -> String? {
        let text = value(column, fields).trimmedOfSpaces
        return ExportTime.sentinels.contains(text.lowercased()) ? nil : text
    }

    /// `true`/`false` in any case; `N/A` and `not_supported` are unknown (nil). Anything else is
    /// unknown too, with a warning; an unreadable `*_active` counts as active, so no key is lost.
    private mutating func flag(
        _ column: CredentialReportColumn,
        _ fields: [String],
        line: Int,
        log: inout ImportLog
    ) -> Bool? {
        let text = value(column, fields).trimmedOfSpaces
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        case "n/a", "not_supported", "no_information", "": return nil
        default:
            let isActiveFlag = column != .passwordEnabled && column != .mfaActive
            warnOnce(
                column,
                text,
                line: line,
                "\(column.rawValue) \(CredentialReportReader.quoted(text)) is not true or false; "
                    + (isActiveFlag ? "read as active" : "read as unknown"),
                log: &log
            )
            return isActiveFlag ? true : nil
        }
    }

    /// A time stamp; sentinels are no date, unreadable text is no date with a warning.
    private mutating func time(
        _ column: CredentialReportColumn,
        _ fields: [String],
        line: Int,
        log: inout ImportLog
    ) -> Timestamp? {
        let text = value(column, fields)
        switch ExportTime(text) {
        case .time(let time): return time
        case .none: return nil
        case .invalid:
            warnOnce(
                column,
                text,
                line: line,
                "\(column.rawValue) \(CredentialReportReader.quoted(text)) is not a time stamp; read as no date",
                log: &log
            )
            return nil
        }
    }

    private mutating func warnOnce(
        _ column: CredentialReportColumn,
        _ text: String,
        line: Int,
        _ message: String,
        log: inout ImportLog
    ) {
        guard warned.insert("\(column.rawValue)=\(text)").inserted else { return }
        place.warning(line: line, message + " (further rows with this value are read the same way)", log: &log)
    }
}
