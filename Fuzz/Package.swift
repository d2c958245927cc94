// swift-tools-version: 6.0
// libFuzzer targets for PlanCheck's parsers: one executable, `PlanCheckFuzz`, whose target is
// chosen by FUZZ_TARGET. A package of its own, so the normal `swift build` is unchanged; built
// with `-sanitize=fuzzer,address` by Scripts/fuzz.sh and Scripts/ci-fuzz.sh (docs/reliability.md).
//
// The library is compiled from the repository's own sources through symbolic links
// (Sources/PlanCheck, CYAML, CZlibSystem → ../../Sources/…) rather than by depending on the
// root package: a path dependency on the root would make SwiftPM resolve and check out every
// dependency of the root package (Hummingbird, SwiftNIO and a dozen more, for the server) that
// the fuzz build never compiles. So the PlanCheck target below must list the same dependencies
// and settings as in ../Package.swift; the CI fuzz step fails to build when they drift.
import PackageDescription

let package = Package(
    name: "PlanCheckFuzz",
    dependencies: [
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CZlibSystem", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "PlanCheck",
            dependencies: ["CYAML", "CZlibSystem", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        .executableTarget(name: "PlanCheckFuzz", dependencies: ["PlanCheck", "FuzzEntry"]),
        // The entry point SwiftPM's link expects (FuzzEntry.c says why).
        .target(name: "FuzzEntry"),
    ],
    swiftLanguageModes: [.v6]
)
