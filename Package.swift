// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PlanCheck",
    products: [
        .executable(name: "plancheck", targets: ["PlanCheckCLI"]),
        // The library third parties import to write their own checkers.
        .library(name: "PlanCheck", targets: ["PlanCheck"]),
        // `swift package plancheck …` in packages that depend on PlanCheck.
        .plugin(name: "PlanCheckCommandPlugin", targets: ["PlanCheckCommandPlugin"]),
        // Checks a target's datasets (*.plan.yaml) on every build; errors fail the build.
        .plugin(name: "PlanCheckBuildToolPlugin", targets: ["PlanCheckBuildToolPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Writes the review copy's .docx (reading untrusted archives is Loading/OOXML's own reader).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // zlib's inflate and crc32 for the ZIP reader of XLSX/DOCX files (Loading/OOXML).
        .systemLibrary(
            name: "CZlibSystem",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(
            name: "PlanCheck",
            dependencies: ["CYAML", "CZlibSystem", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        .executableTarget(
            name: "PlanCheckCLI",
            dependencies: [
                "PlanCheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .plugin(
            name: "PlanCheckCommandPlugin",
            capability: .command(intent: .custom(verb: "plancheck", description: "Run plancheck (check, baseline, rules, init) on this package.")),
            dependencies: ["PlanCheckCLI"]
        ),
        .plugin(
            name: "PlanCheckBuildToolPlugin",
            capability: .buildTool(),
            dependencies: ["PlanCheckCLI"]
        ),
        .testTarget(
            name: "PlanCheckTests",
            dependencies: ["PlanCheck"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
