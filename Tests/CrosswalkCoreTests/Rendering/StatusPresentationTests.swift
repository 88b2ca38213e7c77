import CrosswalkTestSupport
import Testing

@testable import CrosswalkCore

/// The one table of how statuses and severities look: complete, unambiguous, in step with the
/// stylesheet, and the only source of the classes the HTML writes.
@Suite struct StatusPresentationTests {
    static let entryStatuses = EntryStatus.allCases.map { ("entry \($0.rawValue)", StatusPresentation.of($0)) }
    static let resultStatuses = ResultStatus.allCases.map { ("result \($0.rawValue)", StatusPresentation.of($0)) }
    static let controlStatuses: [ControlStatus] = [.pass, .fail, .notAssessed, .notApplicable]
    static let severities = Severity.allCases.map { ("severity \($0.rawValue)", StatusPresentation.of($0)) }

    @Test(arguments: entryStatuses + resultStatuses)
    func everyStatusHasASymbolWordsAndAClass(_ name: String, _ presentation: StatusPresentation) {
        #expect(!presentation.symbol.isEmpty, "\(name)")
        #expect(presentation.word.contains { $0.isLetter }, "\(name): shown in words, not colour alone")
        #expect(presentation.label == presentation.symbol + " " + presentation.word, "\(name)")
        #expect(presentation.cssClass.wholeMatch(of: /st-[a-z]+(-[a-z]+)*/) != nil, "\(name)")
        #expect(!presentation.chartSymbol.isEmpty, "\(name)")
        #expect(
            presentation.fill.wholeMatch(of: /#[0-9a-f]{6}/) != nil
                && presentation.ink.wholeMatch(of: /#[0-9a-f]{6}/) != nil
        )
    }

    @Test(arguments: severities)
    func everySeverityIsAWordWithAClass(_ name: String, _ presentation: StatusPresentation) {
        #expect(presentation.symbol.isEmpty && presentation.label == presentation.word, "\(name)")
        #expect(presentation.cssClass == "sev-" + presentation.word.lowercased(), "\(name)")
    }

    @Test(arguments: [entryStatuses, resultStatuses, severities])
    func labelsAndClassesAreDistinctWithinAKind(_ table: [(String, StatusPresentation)]) {
        #expect(Set(table.map(\.1.label)).count == table.count)
        #expect(Set(table.map(\.1.cssClass)).count == table.count)
    }

    @Test(arguments: controlStatuses)
    func controlStatusLooksLikeTheResultStatusOfTheSameName(_ status: ControlStatus) throws {
        let result = try #require(ResultStatus(rawValue: status.rawValue))
        #expect(StatusPresentation.of(status) == StatusPresentation.of(result))
    }

    @Test(arguments: EntryStatus.allCases)
    func entryWordsMatchTheLabelsOfTheDataExports(_ status: EntryStatus) {
        // JSON and XML write `EntryStatus.label`; the human reports must say the same words.
        #expect(StatusPresentation.of(status).word == status.label)
    }

    @Test func theStylesheetStylesEveryClass() throws {
        let css = try Fixtures.text("templates/html-base.css.mustache")
        let classes =
            (Self.entryStatuses + Self.resultStatuses + Self.severities).map(\.1.cssClass)
            + [Posture.strong, .mixed, .weak, nil].map(StatusPresentation.postureClass)
        for cssClass in Set(classes) {
            #expect(css.contains(".\(cssClass) ") || css.contains(".\(cssClass),"), "\(cssClass) is styled")
        }
    }

    /// Every status class in the page is the one the table gives the typed status of its row; none
    /// is a fallback for a label the page could not read.
    @Test func htmlTakesEachRowsClassFromItsTypedStatus() throws {
        let report = try ReferenceReportTests.exampleReport()
        let view = ReportView(report)
        for (framework, assessment) in zip(view.frameworks, report.frameworks) {
            for (row, entry) in zip(framework.entries, assessment.entries) {
                #expect(row.statusClass == StatusPresentation.of(entry.status).cssClass)
                #expect(row.status == StatusPresentation.of(entry.status).label)
            }
        }
        for (section, outcome) in zip(view.controls, report.evaluation.outcomes) {
            #expect(section.statusClass == StatusPresentation.of(outcome.status).cssClass)
            #expect(section.severityClass == StatusPresentation.of(outcome.definition.severity).cssClass)
            for (row, finding) in zip(section.findings, outcome.findings) {
                #expect(row.statusClass == StatusPresentation.of(finding.status).cssClass)
            }
        }
        let html = String(
            decoding: try RendererRegistry(templates: ReportTemplates()).render(report, as: .htmlReport),
            as: UTF8.self
        )
        for match in html.matches(of: /class="([^"]*)"/) {
            #expect(!match.output.1.contains("unknown"), "\(match.output.0)")
        }
        let known = Set((Self.entryStatuses + Self.resultStatuses).map { $0.1.label + "|" + $0.1.cssClass })
        for match in html.matches(of: /<span class="status ([^"]*)">([^<]*)<\/span>/) {
            #expect(known.contains("\(match.output.2)|\(match.output.1)"), "\(match.output.0)")
        }
    }
}
