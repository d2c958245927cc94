// swift-tools-version: 5.9
// An external PlanCheck checker written in Swift (protocol plancheck-plugin/1, docs/plugins.md).
// Build: swift build -c release --package-path Examples/plugins/swift-owner-check
import PackageDescription

let package = Package(
    name: "owner-check",
    targets: [.executableTarget(name: "owner-check", path: "Sources/owner-check")]
)
