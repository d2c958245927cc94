// swift-tools-version: 6.0
// An app package that keeps its work-plan datasets next to its code and lets PlanCheck check
// them on every build (build-tool plugin) or on demand (`swift package plancheck check`).
import PackageDescription

let package = Package(
    name: "PlanExample",
    dependencies: [
        // In your package: .package(url: "https://…/PlanCheck.git", from: "0.1.0")
        .package(name: "PlanCheck", path: "../.."),
    ],
    targets: [
        .target(
            name: "PlanModel",
            // The plugin reads the datasets from disk; excluding them keeps SwiftPM from
            // warning about unhandled files.
            exclude: ["Plans"],
            plugins: [.plugin(name: "PlanCheckBuildToolPlugin", package: "PlanCheck")]
        ),
    ]
)
