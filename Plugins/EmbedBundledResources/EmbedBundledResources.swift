import Foundation
import PackagePlugin

/// Build-tool plugin that embeds the bundled catalogs, mappings and report templates into the
/// core library, so the built `crosswalk` binary never looks for data files at run time.
///
/// Every file under the package's `frameworks/`, `templates/` and `schemas/` folders becomes an entry of the
/// generated `BundledResourceFiles.all` table.
@main
struct EmbedBundledResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = ["frameworks", "templates", "schemas"]
        var inputs: [URL] = []
        for folder in folders {
            inputs += Self.files(under: root.appending(path: folder))
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledResourceFiles.swift")
        var arguments = [output.path(percentEncoded: false), root.path(percentEncoded: false)]
        arguments += inputs.map { $0.path(percentEncoded: false) }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) bundled resource files",
                executable: try context.tool(named: "crosswalk-embed").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private static func files(under folder: URL) -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder,
                includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles]
            )
        else { return [] }
        var result: [URL] = []
        for case let url as URL in enumerator {
            let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
            if isFile { result.append(url) }
        }
        return result.sorted { $0.path < $1.path }
    }
}
