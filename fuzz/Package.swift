// swift-tools-version: 6.0
// Fuzz targets for Crosswalk's loaders and templates (libFuzzer, Linux). Build and run them with
// `fuzz/run.sh` (see fuzz/README.md); they are not part of the main package's build or tests.
import PackageDescription

let targets: [(name: String, directory: String)] = [
    ("fuzz-inventory-json", "InventoryJSON"),
    ("fuzz-inventory-jsonl", "InventoryJSONLines"),
    ("fuzz-inventory-yaml", "InventoryYAML"),
    ("fuzz-policy", "Policy"),
    ("fuzz-catalog", "Catalog"),
    ("fuzz-template", "Template"),
]

let package = Package(
    name: "CrosswalkFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Crosswalk", path: "..")],
    targets: [
        // Declares libFuzzer's driver entry point for the executables' `main`.
        .target(name: "CFuzzerDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzerDriver", .product(name: "CrosswalkCore", package: "Crosswalk")]
        ),
    ]
        + targets.map { target in
            .executableTarget(
                name: target.name,
                dependencies: ["FuzzSupport", .product(name: "CrosswalkCore", package: "Crosswalk")],
                path: "Sources/\(target.directory)",
                // Coverage instrumentation plus the libFuzzer runtime; `main` calls its driver.
                swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])],
                linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]
            )
        }
)
