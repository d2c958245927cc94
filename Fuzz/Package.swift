// swift-tools-version: 6.0
// libFuzzer targets for PlanCheck's parsers. A package of its own, so the normal `swift build`
// is unchanged; built with `-sanitize=fuzzer,address` by Scripts/fuzz.sh (docs/reliability.md).
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let planCheck = Target.Dependency.product(name: "PlanCheck", package: root.lastPathComponent.lowercased())

let package = Package(
    name: "PlanCheckFuzz",
    dependencies: [.package(path: "..")],
    targets: ["FuzzDataset", "FuzzExpression", "FuzzJSONPath", "FuzzRules", "FuzzDeadline"].map {
        .executableTarget(name: $0, dependencies: [planCheck, "FuzzEntry"])
    } + [
        // The entry points SwiftPM's link expects (FuzzEntry.c says why).
        .target(name: "FuzzEntry"),
    ],
    swiftLanguageModes: [.v6]
)
