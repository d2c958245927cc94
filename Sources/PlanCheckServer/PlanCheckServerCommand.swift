import ArgumentParser
import Foundation
import Hummingbird
import PlanCheck
import PlanCheckServerCore

/// `plancheck-server --config FILE [--host 127.0.0.1] [--port 8080]` (docs/server.md).
@main
struct PlanCheckServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plancheck-server",
        abstract: "The PlanCheck web page and HTTP API for an office intranet.",
        discussion: """
        Serves the page at / and the API at /api/v1 (OpenAPI document: /api/v1/openapi.json). \
        The configuration names the rule sets users may choose and the upload limits; users \
        cannot upload rules, and external checker plugins never run. See docs/server.md.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The server configuration (rule sets, limits).", valueName: "file"))
    var config: String

    @Option(name: .long, help: ArgumentHelp("The address to listen on; 0.0.0.0 for every interface.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port, printed at start).", valueName: "port"))
    var port = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535") }
    }

    func run() async throws {
        let server: ServerSetup
        do {
            // The library's plan-document readers and review copy: import, .docx checks and the reviewed .docx.
            server = try ServerSetup.load(configPath: config, documents: PlanDocumentFeatures())
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
        let app = server.application(host: host, port: port) { port in
            // Printed for scripts (and the port-0 case): the page's address.
            let line = "plancheck-server: listening on http://\(host):\(port)/ with \(server.service.catalog.entries.count) rule set(s)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        try await app.runService()
    }
}
