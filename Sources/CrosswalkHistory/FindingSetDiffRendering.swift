import CrosswalkCore
import Foundation

/// `crosswalk diff`'s two output formats: Markdown for people (every value escaped, since
/// subject ids and owners come from the inventory) and JSON for tools.
extension FindingSetDiff {
    /// Markdown: counts, then a table per list (new, resolved, unchanged) by control and subject.
    public var markdown: String {
        var lines = [
            "# Findings: \(MarkdownEscaping.escape(old)) → \(MarkdownEscaping.escape(new))",
            "",
            "\(newFindings.count) new, \(resolvedFindings.count) resolved, \(unchangedFindings.count) unchanged.",
        ]
        for (title, findings) in [
            ("New", newFindings), ("Resolved", resolvedFindings), ("Unchanged", unchangedFindings),
        ] {
            lines += ["", "## \(title) (\(findings.count))", ""]
            guard !findings.isEmpty else {
                lines.append("None.")
                continue
            }
            lines.append("| Control | Subject | Severity | Status | Owner |")
            lines.append("|---|---|---|---|---|")
            for finding in findings {
                let cells = [
                    finding.key.controlID, finding.key.subjectID, finding.severity.rawValue, finding.status.rawValue,
                    finding.owner ?? "—",
                ].map(Self.cell)
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON: `{old, new, counts: {new, resolved, unchanged}, new: [...], resolved, unchanged}`, each
    /// finding as `{control, subject, severity, status, owner}`; keys sorted.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(
            old: old,
            newRun: new,
            counts: Counts(
                new: newFindings.count,
                resolved: resolvedFindings.count,
                unchanged: unchangedFindings.count
            ),
            newFindings: newFindings.map(Entry.init),
            resolved: resolvedFindings.map(Entry.init),
            unchanged: unchangedFindings.map(Entry.init)
        )
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    /// A table cell: Markdown-escaped (pipes, markup and line breaks made inert).
    static func cell(_ text: String) -> String { MarkdownEscaping.escape(text) }

    private struct Document: Encodable {
        var old: String
        var newRun: String
        var counts: Counts
        var newFindings: [Entry]
        var resolved: [Entry]
        var unchanged: [Entry]

        enum CodingKeys: String, CodingKey {
            case old
            case newRun = "new_run"
            case counts
            case newFindings = "new"
            case resolved
            case unchanged
        }
    }

    private struct Counts: Encodable {
        var new: Int
        var resolved: Int
        var unchanged: Int
    }

    private struct Entry: Encodable {
        var control: String
        var subject: String
        var severity: String
        var status: String
        var owner: String?

        init(_ finding: SnapshotFinding) {
            control = finding.key.controlID
            subject = finding.key.subjectID
            severity = finding.severity.rawValue
            status = finding.status.rawValue
            owner = finding.owner
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(control, forKey: .control)
            try container.encode(subject, forKey: .subject)
            try container.encode(severity, forKey: .severity)
            try container.encode(status, forKey: .status)
            try container.encode(owner, forKey: .owner)
        }

        enum CodingKeys: String, CodingKey { case control, subject, severity, status, owner }
    }
}
