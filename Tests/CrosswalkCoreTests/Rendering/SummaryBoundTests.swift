import CrosswalkTestSupport
import Foundation
import Testing

@testable import CrosswalkCore

/// `crosswalk-summary.md` stays under 60,000 characters whatever the inventory: many identities,
/// many owners, and names, ids and owners as long and as costly to escape as they come.
@Suite struct SummaryBoundTests {
    /// A JSON Lines inventory of `count` identities spread over `owners` owners, every name, id and
    /// owner long and made of characters Markdown escaping lengthens most.
    static func hostileInventory(identities count: Int, owners: Int) -> String {
        let hostile = String(repeating: "&&&<|`[@&&&", count: 40)
        var text = #"{"version":1,"organization":"\#(hostile)"}"# + "\n"
        for index in 0..<count {
            let owner = "\(hostile)-owner-\(index % owners)"
            text += """
                {"id":"\(hostile)-\(index)","name":"\(hostile) \(index)","kind":"service-account",\
                "platform":"aws","owner":"\(owner)","environment":"production","status":"active",\
                "created":"2024-01-01T00:00:00Z","authentication":"api-key","credentials":[{"id":\
                "\(hostile)-key-\(index)","type":"api-key","created":"2024-01-01T00:00:00Z","storage":"env-var"}]}

                """
        }
        return text
    }

    @Test func aLargeHostileInventoryStaysUnderTheBudgetWithItsStructureIntact() throws {
        let inventory = Self.hostileInventory(identities: 20_000, owners: 3_000)
        let report = try CrosswalkPipeline().run(
            CrosswalkPipeline.Request(
                inventoryFiles: [InputFile(path: "inventory.jsonl", bytes: Array(inventory.utf8))],
                now: try #require(Timestamp(iso8601: Fixtures.exampleNow))
            )
        )
        #expect(report.inventorySummary.identityCount == 20_000)
        let text = try SummaryMarkdownTests.render(report)
        #expect(text.count < 60_000)
        #expect(text.count > 12_000, "hostile values fill the page: the caps, not short values, keep it small")
        #expect(text.utf16.count < SummaryView.characterBudget)

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for heading in [
            "# Non-human identity security: summary", "## Where we stand", "## Top gaps", "## Findings by owner",
        ] {
            #expect(lines.contains(heading))
        }
        let owners = lines.filter { $0.hasPrefix("### ") }
        #expect(owners.count == SummaryView.ownerLimit)
        #expect(lines.contains { $0.hasPrefix("…and ") && $0.contains("more owners with") })
        // Every table row keeps its columns: no unescaped `|` from a value.
        for line in lines where line.hasPrefix("| ") {
            let cells = Self.unescapedPipes(line)
            #expect(cells == 5, "row keeps its columns: \(line.prefix(120))")
        }
        let findingRows = lines.filter { $0.hasPrefix("| CW-") }
        #expect(findingRows.count == SummaryView.ownerLimit * SummaryView.findingsPerOwner)
        #expect(!text.contains("<"), "no raw markup")
        #expect(Set(owners).count == owners.count, "owners cut in the middle stay apart")
        #expect(lines.last(where: { !$0.isEmpty })?.hasPrefix("Every finding, with its evidence") == true)
    }

    /// The `|` in `line` that are not escaped with a backslash.
    static func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                count += 1
            }
        }
        return count
    }
}
