// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// jemalloc (Debian: libjemalloc-dev) replaces the C library's allocator in `crosswalk` when the
/// machine has it: a large run allocates and frees millions of small values on several threads,
/// and the C library's allocator spends much of the run doing so (docs/performance.md). Without
/// it, `crosswalk` builds and runs the same, only slower. `CROSSWALK_SYSTEM_MALLOC=1` builds
/// without it on a machine that has it (to compare).
let linksJemalloc =
    ProcessInfo.processInfo.environment["CROSSWALK_SYSTEM_MALLOC"] != "1" && hasSystemLibrary("libjemalloc.so")

/// The system's libcrypto (OpenSSL 3; Debian: libssl-dev) hashes finding ids when the machine has
/// it: one SHA-256 of a short message per finding, millions per run, in a context on the stack.
/// swift-crypto, which hashes everything else, allocates and frees a context for every message,
/// which cost about three times the hashing itself (docs/performance.md). Without it,
/// finding ids are hashed by swift-crypto: the same ids, only slower. `CROSSWALK_NO_LIBCRYPTO=1`
/// builds without it on a machine that has it (to compare).
/// `sha.h` is what the module includes; `core_names.h` exists from OpenSSL 3 on.
let usesLibcrypto =
    ProcessInfo.processInfo.environment["CROSSWALK_NO_LIBCRYPTO"] != "1"
    && ["/usr/include/openssl/sha.h", "/usr/include/openssl/core_names.h"]
        .allSatisfy { FileManager.default.fileExists(atPath: $0) }
    && hasSystemLibrary("libcrypto.so")

/// The define CrosswalkCore and its tests compile the libcrypto path under.
let libcryptoSettings: [SwiftSetting] = usesLibcrypto ? [.define("CROSSWALK_LIBCRYPTO")] : []

/// Whether a shared library of that file name is in one of the usual library folders.
func hasSystemLibrary(_ file: String) -> Bool {
    ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib"]
        .contains { FileManager.default.fileExists(atPath: $0 + "/" + file) }
}

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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.1"),
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
                .product(name: "Algorithms", package: "swift-algorithms"),
            ] + (usesLibcrypto ? ["CLibCrypto"] : []),
            swiftSettings: libcryptoSettings,
            plugins: ["EmbedBundledResources"]
        ),
        // The system's libcrypto, when the machine has it (usesLibcrypto above).
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // libxml2 from the system (Debian: libxml2-dev), for writing and schema-validating XML.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The XML report and its XSD validation: the one part of the pipeline that links libxml2.
        .target(name: "CrosswalkXML", dependencies: ["CrosswalkCore", "CLibXML2"]),
        // The run history in SQLite (through GRDB): the one part of the tool that links SQLite.
        .target(
            name: "CrosswalkHistory",
            dependencies: ["CrosswalkCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Simulated nightly runs into a history database (benchmarks/history.sh); not shipped.
        .executableTarget(
            name: "history-benchmark",
            dependencies: ["CrosswalkCore", "CrosswalkHistory"],
            path: "benchmarks/history-benchmark"
        ),
        // Atomic directory-entry swaps (renameat2 RENAME_EXCHANGE), which Glibc hides from Swift.
        .systemLibrary(name: "CAtomicRename"),
        // The thin command-line front end: files, terminal, exit codes.
        .executableTarget(
            name: "crosswalk",
            dependencies: [
                "CrosswalkCore",
                "CrosswalkXML",
                "CAtomicRename",
                "CrosswalkHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: linksJemalloc ? [.linkedLibrary("jemalloc")] : []
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
            ],
            swiftSettings: libcryptoSettings
        ),
        .testTarget(
            name: "CrosswalkXMLTests",
            dependencies: ["CrosswalkCore", "CrosswalkXML", "CrosswalkTestSupport"]
        ),
        .testTarget(
            name: "CrosswalkHistoryTests",
            dependencies: [
                "CrosswalkCore", "CrosswalkHistory", "CrosswalkTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
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
