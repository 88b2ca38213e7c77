import CrosswalkCore

/// The `tests`, `failures`, `errors` and `skipped` counts of the JUnit report: one test per
/// control; failing controls fail, not-assessed ones are errors, not-applicable ones are skipped.
struct JUnitCounts {
    var tests = 0
    var failures = 0
    var errors = 0
    var skipped = 0

    init(_ outcomes: [ControlOutcome]) {
        tests = outcomes.count
        for outcome in outcomes {
            switch outcome.status {
            case .pass: break
            case .fail: failures += 1
            case .notAssessed: errors += 1
            case .notApplicable: skipped += 1
            }
        }
    }

    /// Writes the counts as attributes of the open element, with `time="0"`: a report set is
    /// deterministic, and how long the run took is not part of it.
    func write(to xml: XMLStreamWriter) throws {
        try xml.attribute("tests", tests)
        try xml.attribute("failures", failures)
        try xml.attribute("errors", errors)
        try xml.attribute("skipped", skipped)
        try xml.attribute("time", "0")
    }
}
