import Foundation
import PackagePlugin

/// Checks the datasets a target holds on every build that touches them: files named
/// `*.plan.yaml`, `*.plan.yml` or `*.plan.json` anywhere in the target's folder, with the
/// `.plancheck.yml` found next to them (in the target's folder or below), else the nearest one
/// above it up to the package root. Findings print as compiler diagnostics (`--format xcode`),
/// so Xcode and SwiftPM point at the dataset lines; errors fail the build (`--fail-on error`).
///
/// Declare the dataset folder in the target's `exclude:` so SwiftPM does not warn about
/// unhandled files; the plugin finds the files on disk itself.
@main
struct PlanCheckBuildToolPlugin: BuildToolPlugin {
    static let datasetSuffixes = [".plan.yaml", ".plan.yml", ".plan.json"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        // Only source modules hold files (and `Target.directoryURL` needs tools 6.1).
        guard let module = target as? SwiftSourceModuleTarget else { return [] }
        let directory = module.directoryURL
        let files = Self.files(under: directory)
        let datasets = files.filter { url in Self.datasetSuffixes.contains { url.lastPathComponent.hasSuffix($0) } }
        guard !datasets.isEmpty else { return [] }
        guard let config = files.first(where: { $0.lastPathComponent == ".plancheck.yml" })
                ?? Self.configAbove(directory, root: context.package.directoryURL) else {
            Diagnostics.error("PlanCheck: target \(target.name) has datasets but no .plancheck.yml in its folder or above")
            return []
        }
        let tool = try (try? context.tool(named: "plancheck")) ?? context.tool(named: "PlanCheckCLI")
        let report = context.pluginWorkDirectoryURL.appending(path: "plancheck-\(target.name).json")
        // Rule files and collections may be any YAML next to the config: all of them are inputs,
        // so editing a rule reruns the check.
        let inputs = files.filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
        return [
            .buildCommand(
                displayName: "PlanCheck \(target.name) (\(datasets.count) dataset\(datasets.count == 1 ? "" : "s"))",
                executable: tool.url,
                arguments: ["check", "--config", config.path, "--fail-on", "error",
                            "--format", "xcode", "--format", "json", "--output", "-", "--output", report.path]
                    + datasets.map(\.path),
                inputFiles: inputs,
                outputFiles: [report]
            ),
        ]
    }

    static func files(under directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        var result: [URL] = []
        for case let url as URL in enumerator where !url.hasDirectoryPath { result.append(url) }
        return result.sorted { $0.path < $1.path }
    }

    static func configAbove(_ directory: URL, root: URL) -> URL? {
        var current = directory.deletingLastPathComponent()
        while current.path.hasPrefix(root.path) {
            let candidate = current.appending(path: ".plancheck.yml")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            if current.path == root.path { break }
            current = current.deletingLastPathComponent()
        }
        return nil
    }
}
