import ArgumentParser
import CrosswalkCore
import Foundation

/// `crosswalk importers`: lists the platform export kinds `--import` and `crosswalk import` read.
struct ImportersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "importers",
        abstract: "List the platform export kinds that --import KIND=PATH reads, and how to produce each."
    )

    @Flag(name: .long, help: "Print the list as JSON.")
    var json = false

    func run() throws {
        let kinds = ImportRegistry.kinds
        if json {
            let listing = kinds.map {
                KindListing(
                    kind: $0.name,
                    platform: $0.platform.rawValue,
                    summary: $0.summary,
                    producedBy: $0.producedBy
                )
            }
            Terminal.printJSON(try JSONOutput.encode(listing))
            return
        }
        for platform in ImportPlatform.allCases {
            let mine = kinds.filter { $0.platform == platform }
            guard !mine.isEmpty else { continue }
            Terminal.printLine(platform.title)
            for kind in mine {
                Terminal.printLine("  \(kind.name)")
                Terminal.printLine("      \(kind.summary)")
                Terminal.printLine("      from: \(kind.producedBy)")
            }
        }
        Terminal.printLine("auto")
        Terminal.printLine(
            "      Detects the kind from the file's shape when only one kind fits, and says which it chose."
        )
    }

    struct KindListing: Encodable {
        var kind: String
        var platform: String
        var summary: String
        var producedBy: String
    }
}
