/// The `changes` record of the machine-readable reports: what changed since the previous
/// recorded run (``RunChanges``), written only when the run had one to compare with.
extension ReportExporter {
    func writeChanges(_ writer: some ExportWriter) throws {
        guard let changes = report.changes else { return }
        try writer.beginRecord("changes")
        try writer.field("previous_run", .identifier(changes.previous.id))
        try writer.field("previous_generated_at", .identifier(changes.previous.generatedAt.iso8601))
        try writer.field("new_failures_count", .integer(changes.newFailureCount))
        try writer.field("resolved_count", .integer(changes.resolvedCount))
        try writer.field("regressions_count", .integer(changes.regressionCount))
        try writer.field("unchanged_count", .integer(changes.unchangedCount))
        try writeChangedFindings(writer, "new_failures", changes.newFailures)
        try writeChangedFindings(writer, "resolved_failures", changes.resolvedFailures)
        try writeChangedFindings(writer, "regressions", changes.regressions)
        try writer.beginList("score_changes", item: "score_change")
        for change in changes.scoreChanges {
            try writer.beginRecord("score_change")
            try writer.field("catalog", .identifier(change.catalogID))
            try writer.field("previous", change.previous.map(ExportValue.decimal))
            try writer.field("current", change.current.map(ExportValue.decimal))
            try writer.field("points", change.pointChange.map(ExportValue.decimal))
            try writer.endRecord()
        }
        try writer.endList()
        try writer.beginList("mean_time_to_resolve", item: "resolution_time")
        for time in changes.meanTimeToResolve {
            try writer.beginRecord("resolution_time")
            try writer.field("severity", .identifier(time.severity.rawValue))
            try writer.field("resolved", .integer(time.resolvedCount))
            try writer.field("mean_days", .decimal(time.meanDays))
            try writer.endRecord()
        }
        try writer.endList()
        try writer.beginList("trend", item: "trend_point")
        for point in changes.trend {
            try writer.beginRecord("trend_point")
            try writer.field("run", .identifier(point.run.id))
            try writer.field("generated_at", .identifier(point.run.generatedAt.iso8601))
            try writer.beginList("scores", item: "score")
            for catalogID in point.scores.keys.sorted() {
                try writer.beginRecord("score")
                try writer.field("catalog", .identifier(catalogID))
                try writer.field("score", point.scores[catalogID].map(ExportValue.decimal))
                try writer.endRecord()
            }
            try writer.endList()
            try writer.endRecord()
        }
        try writer.endList()
        try writer.endRecord()
    }

    private func writeChangedFindings(
        _ writer: some ExportWriter,
        _ name: ExportName,
        _ findings: [ChangedFinding]
    ) throws {
        try writer.beginList(name, item: "changed_finding")
        for finding in findings {
            try writer.beginRecord("changed_finding")
            try writer.field("control", .identifier(finding.key.controlID))
            try writer.field("subject", .identifier(finding.key.subjectID))
            try writer.field("severity", .identifier(finding.severity.rawValue))
            try writer.field("status", .identifier(finding.status.rawValue))
            try writer.field("first_seen", .identifier(finding.firstSeen.iso8601))
            try writer.field("owner", .text(finding.owner))
            try writer.endRecord()
        }
        try writer.endList()
    }
}
