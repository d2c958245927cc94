import Foundation
import Testing
import PlanCheck

/// The page in headless Chromium, driven like a user: the real `plancheck-server` binary on a
/// free port, files put into the file input, the button pressed, the findings awaited. The page
/// must show what `plancheck check` reports. Screenshots go to a temporary folder, or to docs/
/// with PLANCHECK_UPDATE_SCREENSHOTS=1. Skips with a message without Chromium or websocket-client.
@Suite struct PageInChromiumTests {
    static let serverBinary: String? = {
        let folder = FileSystem.directory(of: CommandLine.arguments[0])
        for candidate in [folder + "/plancheck-server", FileSystem.directory(of: folder) + "/plancheck-server", repositoryRoot + "/.build/debug/plancheck-server"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }()

    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var hasWebSocketClient: Bool {
        (try? run("/usr/bin/env", ["python3", "-c", "import websocket"]).status) == 0
    }

    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func uploadShowsTheCLIFindings() throws {
        guard Self.chromium != nil else {
            print("skipped: Chromium is not installed (apt-get install -y chromium)")
            return
        }
        guard Self.hasWebSocketClient else {
            print("skipped: python3 with websocket-client is needed to drive Chromium (pip install websocket-client)")
            return
        }
        let binary = try #require(Self.serverBinary, "plancheck-server was not built next to the tests")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: binary)
        server.arguments = ["--config", repositoryRoot + "/Examples/server/server.yml", "--port", "0"]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        // The first line names the address: "plancheck-server: listening on http://127.0.0.1:PORT/ …".
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        let url = try #require(text.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init), "no address in: \(text)")

        let folder = repositoryRoot + "/Examples/shenzhen-2011"
        let shots = ProcessInfo.processInfo.environment["PLANCHECK_UPDATE_SCREENSHOTS"] == "1"
            ? repositoryRoot + "/docs/server-page" : NSTemporaryDirectory() + "plancheck-page-\(UUID().uuidString)"
        let script = FileSystem.directory(of: #filePath) + "/page_screenshot.py"
        let result = try Self.run("/usr/bin/env", ["python3", script, url, "shenzhen-2011", "2011-12-31", shots, "1280,390",
                                                   folder + "/plan.yaml", folder + "/units.yaml"])
        #expect(result.status == 0, "\(result.stdout)")
        let page = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])

        let cli = try CLI.run(["check", "plan.yaml", "units.yaml", "--format", "json", "--as-of", "2011-12-31"], in: folder)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Int])
        #expect(page["findings"] as? Int == (report["findings"] as? [Any])?.count)
        #expect(page["errors"] as? Int == summary["errors"])
        #expect(page["warnings"] as? Int == summary["warnings"])
        #expect(page["info"] as? Int == summary["info"])
        #expect(page["files"] as? Int == summary["files"])
        // Each finding says where it is as the CLI's `place` does, without the file the card names.
        let cliPlaces = ((report["findings"] as? [[String: Any]]) ?? []).compactMap { finding -> String? in
            guard let place = finding["place"] as? String, let file = finding["file"] as? String else { return nil }
            return String(place.dropFirst(file.count + 1))
        }
        let pagePlaces = (page["places"] as? [String] ?? []).map { String($0.split(separator: " ").last ?? "") }
        #expect(pagePlaces.sorted() == cliPlaces.sorted())
        let paths = page["shots"] as? [String] ?? []
        #expect(paths.count == 2)
        for path in paths {
            #expect((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 > 10_000)
            if !shots.hasPrefix(repositoryRoot) { try? FileManager.default.removeItem(atPath: path) }
        }
    }
}
