import CrosswalkCore
import CrosswalkTestSupport
import Foundation
import Testing

/// How reports present priorities: critical findings with owners, key figures, Crosswalk-assigned
/// entry ids, and no waiver status while waivers are not an input.
@Suite struct PriorityRenderingTests {
    static func render(_ report: GapReport, _ document: ReportDocument) throws -> String {
        String(decoding: try RendererRegistry(templates: ReportTemplates()).render(report, as: document), as: UTF8.self)
    }

    static let humanDocuments: [ReportDocument] = [
        .markdownReport, .markdownExecutiveSummary, .htmlReport, .htmlExecutiveSummary,
    ]

    /// `count` active keys detected as exposed, each on its own identity; the owner of the first
    /// is hostile text.
    static func exposedKeys(_ count: Int) throws -> GapReport {
        var yaml = "version: 1\nidentities:\n"
        for index in 1...count {
            let owner = index == 1 ? #""<script>x</script> | team""# : "team-\(index)"
            yaml += """
                  - id: svc-\(index < 10 ? "0" : "")\(index)
                    kind: service-account
                    owner: \(owner)
                    credentials:
                      - {id: key, type: access-key, created: 2026-10-01T00:00:00Z, storage: secret-manager, exposures: [{detected: 2026-10-20T00:00:00Z}]}

                """
        }
        return try PrioritiesTests.report(yaml)
    }

    // MARK: - Critical findings and key figures

    @Test func executiveSummaryNamesTheExposedCredentialAndItsOwner() throws {
        let text = try Self.render(try PrioritiesTests.exampleReport(), .markdownExecutiveSummary)
        #expect(
            text.contains(
                "- **access-key-2024-07 (svc-billing-etl)** (credential), owned by **billing-data\u{2060}@acme-financial.example**: Credential detected as exposed once is still active.\n- **Refund drafting sub-agent** (identity), owned by **support-engineering**:"
            )
        )
        #expect(
            text.contains(
                "- **1** credential detected as exposed is not revoked (revoke it first: access-key-2024-07 (svc-billing-etl))."
            )
        )
        #expect(
            text.contains(
                "- **86%** of active AI agents use a platform-managed workload identity and no static secret (18 of 21)."
            )
        )
    }

    @Test func criticalFindingsSitAboveTheKeyFiguresInEveryHumanReadableReport() throws {
        let report = try PrioritiesTests.exampleReport()
        for document in Self.humanDocuments {
            let text = try Self.render(report, document)
            // Headings: `## Critical findings` in Markdown, `>Critical findings</h2>` in HTML.
            let critical = try #require(text.firstMatch(of: /(# |>)Critical findings(\n|<\/h)/), "\(document)")
            let rest = text[critical.range.upperBound...]
            let figures = try #require(rest.firstMatch(of: /(# |>)Key figures(\n|<\/h)/), "\(document)")
            let exposed = try #require(rest.range(of: "access-key-2024-07"))
            #expect(exposed.lowerBound < figures.range.lowerBound, "\(document) lists the key before the figures")
        }
    }

    /// The full reports list twenty, the one-page executive summaries three.
    @Test func reportsListTwentyCriticalFindingsAndCountTheRest() throws {
        let report = try Self.exposedKeys(23)
        #expect(report.criticalFindings.count == 23)
        let summary = try Self.render(report, .markdownExecutiveSummary)
        #expect(summary.components(separatedBy: ": Credential detected as exposed once is still active.").count == 4)
        #expect(summary.contains("- …and 20 more in the [full report](crosswalk-report.md#critical-findings).\n"))
        let full = try Self.render(report, .markdownReport)
        #expect(full.contains("…and 3 more; crosswalk-report.json and crosswalk-report.xml list every one."))
        let html = try Self.render(report, .htmlExecutiveSummary)
        #expect(
            html.contains(
                #"<li class="more">…and 20 more in the <a href="crosswalk-report.html#critical-findings">full report</a>.</li>"#
            )
        )
        let json = try Self.render(report, .jsonReport)
        #expect(json.components(separatedBy: #""control":"CW-CRED-05""#).count - 1 >= 23 * 2)
    }

    @Test func hostileOwnersAreEscapedInCriticalFindings() throws {
        let report = try Self.exposedKeys(1)
        for document in [ReportDocument.htmlReport, .htmlExecutiveSummary] {
            let html = HTMLReportTests.withoutOwnScript(try Self.render(report, document))
            #expect(!html.contains("<script>"), "\(document)")
            #expect(html.contains("&lt;script&gt;x&lt;/script&gt; | team"), "\(document)")
        }
        let markdown = try Self.render(report, .markdownReport)
        #expect(markdown.contains(#"| &lt;script&gt;x&lt;/script&gt; \| team |"#))
    }

    @Test func aRunWithoutCriticalFailuresSaysSo() throws {
        let report = try PrioritiesTests.report("version: 1\nidentities:\n  - {id: svc, kind: service-account}\n")
        for document in Self.humanDocuments {
            #expect(try Self.render(report, document).contains("No critical control fails."), "\(document)")
        }
    }

    // MARK: - Crosswalk-assigned ids

    @Test(arguments: humanDocuments)
    func maestroIdsAreMarkedAsCrosswalksOwn(_ document: ReportDocument) throws {
        let rendered = try Self.render(try PrioritiesTests.exampleReport(), document)
        // Only what a reader sees: anchors and links carry ids without the mark.
        let text = rendered.replacing(/<[^>]*>/, with: "")
        // The executive summaries name no framework entry (their gaps link to the full report).
        let isExecutive = document == .markdownExecutiveSummary || document == .htmlExecutiveSummary
        #expect(text.contains("L7-03 (Crosswalk id)") != isExecutive)
        #expect(!text.contains("PR.AA-01 (Crosswalk id)"))
        // Wherever a MAESTRO threat id is shown, the mark follows it.
        let unmarked = text.matches(of: /\b(L[1-7]-[0-9]{2}|XL-0[1-5])\b(?! \(Crosswalk id\))/).map {
            String($0.output.0)
        }
        #expect(unmarked.isEmpty, "unmarked: \(Set(unmarked).sorted())")
    }

    @Test func jsonMarksCrosswalkIdsWhereverAnEntryIdIsGiven() throws {
        let text = try Self.render(try PrioritiesTests.exampleReport(), .jsonReport)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let catalogs = try #require(json["catalogs"] as? [[String: Any]])
        #expect(
            Dictionary(uniqueKeysWithValues: catalogs.map { ($0["id"] as? String ?? "", $0["entry_ids"] as? String) })
                == [
                    "owasp-agentic-top10-2026": "official", "owasp-nhi-top10-2025": "official",
                    "owasp-agentic-threats-2025": "official", "csa-maestro": "crosswalk", "nist-ai-rmf-1.0": "official",
                    "nist-csf-2.0": "official",
                ]
        )
        var references: [(catalog: String, marked: Bool)] = []
        for framework in json["frameworks"] as? [[String: Any]] ?? [] {
            for entry in framework["entries"] as? [[String: Any]] ?? [] {
                references.append((framework["catalog"] as? String ?? "", entry["crosswalk_id"] as? Bool ?? false))
            }
        }
        for control in json["controls"] as? [[String: Any]] ?? [] {
            for mapping in control["mappings"] as? [[String: Any]] ?? [] {
                references.append((mapping["catalog"] as? String ?? "", mapping["crosswalk_id"] as? Bool ?? false))
            }
        }
        for gap in json["top_gaps"] as? [[String: Any]] ?? [] {
            for entry in (gap["entries"] as? [[String: Any]] ?? [])
                + (gap["entries_with_gaps"] as? [[String: Any]] ?? [])
            {
                references.append((entry["catalog"] as? String ?? "", entry["crosswalk_id"] as? Bool ?? false))
            }
        }
        #expect(references.filter { $0.catalog == "csa-maestro" }.count > 100)
        #expect(references.allSatisfy { $0.marked == ($0.catalog == "csa-maestro") })
    }

    // MARK: - No waiver status

    @Test(arguments: humanDocuments)
    func noAcceptedStatusIsShownWhileWaiversAreNotAnInput(_ document: ReportDocument) throws {
        let text = try Self.render(try PrioritiesTests.exampleReport(), document)
        #expect(!text.contains("Accepted"))
        #expect(!text.contains("☑"))
        #expect(!text.contains("st-accepted\""), "no accepted badge")
    }
}
