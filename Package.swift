// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Crosswalk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "crosswalk", targets: ["crosswalk"]),
        .library(name: "CrosswalkCore", targets: ["CrosswalkCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // The whole pipeline: load → normalise → evaluate → map → render. Values in memory only.
        .target(
            name: "CrosswalkCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            plugins: ["EmbedBundledResources"]
        ),
        // libxml2 from the system (Debian: libxml2-dev), for writing and schema-validating XML.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The XML report and its XSD validation: the one part of the pipeline that links libxml2.
        .target(name: "CrosswalkXML", dependencies: ["CrosswalkCore", "CLibXML2"]),
        // Atomic directory-entry swaps (renameat2 RENAME_EXCHANGE), which Glibc hides from Swift.
        .systemLibrary(name: "CAtomicRename"),
        // The thin command-line front end: files, terminal, exit codes.
        .executableTarget(
            name: "crosswalk",
            dependencies: [
                "CrosswalkCore",
                "CrosswalkXML",
                "CAtomicRename",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build tool: turns frameworks/, templates/ and schemas/ into Swift constants.
        .executableTarget(name: "crosswalk-embed"),
        .plugin(
            name: "EmbedBundledResources",
            capability: .buildTool(),
            dependencies: ["crosswalk-embed"]
        ),
        .target(name: "CrosswalkTestSupport", dependencies: ["CrosswalkCore"]),
        .testTarget(
            name: "CrosswalkCoreTests",
            dependencies: [
                "CrosswalkCore", "CrosswalkTestSupport", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "CrosswalkXMLTests",
            dependencies: ["CrosswalkCore", "CrosswalkXML", "CrosswalkTestSupport"]
        ),
        .testTarget(
            name: "CrosswalkEndToEndTests",
            dependencies: ["CrosswalkCore", "CrosswalkTestSupport"]
        ),
    ]
)

for target in package.targets where target.type != .plugin && target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
