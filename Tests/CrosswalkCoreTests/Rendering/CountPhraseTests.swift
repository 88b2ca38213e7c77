import CrosswalkTestSupport
import Testing

@testable import CrosswalkCore

/// Counts in reports read as people write them: the right plural, digits grouped by thousands.
struct CountPhraseTests {
    @Test func pluralsAndThousandsSeparators() {
        #expect(ReportText.counted(1, "AI agent", "AI agents") == "1 AI agent")
        #expect(ReportText.counted(0, "AI agent", "AI agents") == "0 AI agents")
        #expect(ReportText.counted(1_000_000, "identity", "identities") == "1,000,000 identities")
        #expect(ReportText.number(999) == "999")
        #expect(ReportText.number(1000) == "1,000")
        #expect(ReportText.number(-12_345) == "-12,345")
    }

    @Test func aReportOverOneAgentSaysSo() throws {
        let inventory = """
            version: 1
            identities:
              - {id: bot, kind: agent, platform: aws}
            """
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.yaml", text: inventory)],
                now: ImportFixtures.evaluationTime
            )
        )
        let view = ReportView(report)
        #expect(view.identityPhrase == "1 identity")
        #expect(view.nonHumanIdentityPhrase == "1 non-human identity")
        #expect(view.agentPhrase == "1 AI agent")
        #expect(view.credentialPhrase == "0 credentials")
        #expect(view.platformPhrase == "1 platform")
        let markdown = String(
            decoding: try RendererRegistry(templates: ReportTemplates()).render(report, as: .markdownReport),
            as: UTF8.self
        )
        #expect(markdown.contains("from 1 identity (1 AI agent, 0 credentials) on 1 platform (aws)"))
    }
}
