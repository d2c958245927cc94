import Foundation
import PackagePlugin

/// `swift package plancheck [check|baseline|rules|init] …`: runs the plancheck tool in the
/// package's folder with the arguments as given. Thin on purpose: everything lives in the tool.
@main
struct PlanCheckCommandPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try PlanCheckTool.find(in: context)
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        // Exit code 1 (findings) and 2 (input errors) both fail the command.
        if process.terminationStatus != 0 {
            throw PlanCheckTool.Failure(status: process.terminationStatus)
        }
    }
}

enum PlanCheckTool {
    /// The tool is the `plancheck` executable product (built from source for the plugin).
    static func find(in context: PluginContext) throws -> URL {
        if let tool = try? context.tool(named: "plancheck") { return tool.url }
        return try context.tool(named: "PlanCheckCLI").url
    }

    struct Failure: Error, CustomStringConvertible {
        var status: Int32
        var description: String { "plancheck exited with status \(status)" }
    }
}
