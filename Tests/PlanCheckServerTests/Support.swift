import Foundation
import NIOCore
import PlanCheck
@testable import PlanCheckServerCore

/// The repository root (tests read Examples/ from it).
let repositoryRoot: String = {
    var path = FileSystem.directory(of: #filePath)
    while path != "/" && !FileManager.default.fileExists(atPath: path + "/Package.swift") {
        path = FileSystem.directory(of: path)
    }
    return path
}()

/// The example server configuration, loaded once for the whole suite.
enum ExampleServer {
    static let configPath = repositoryRoot + "/Examples/server/server.yml"

    static let configuration: ServerConfiguration = try! ServerConfiguration.load(path: configPath)
    static let catalog: RuleSetCatalog = try! RuleSetCatalog.load(configuration)

    static func service(documents: any DocumentFeatures = PlanDocumentFeatures(), limits: ServerLimits? = nil) -> PlanCheckService {
        PlanCheckService(catalog: catalog, limits: limits ?? configuration.limits, documents: documents)
    }
}

/// Builds multipart/form-data bodies the way browsers and curl do.
struct MultipartBody {
    static let boundary = "----PlanCheckTestBoundary7MA4YWxkTrZu0gW"
    static var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    var parts: [(headers: String, body: [UInt8])] = []

    mutating func file(_ name: String, _ bytes: [UInt8], field: String = "file") {
        parts.append(("Content-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream", bytes))
    }

    mutating func file(_ name: String, _ text: String) { file(name, Array(text.utf8)) }

    mutating func field(_ name: String, _ value: String) {
        parts.append(("Content-Disposition: form-data; name=\"\(name)\"", Array(value.utf8)))
    }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        for part in parts {
            out += Array("--\(Self.boundary)\r\n\(part.headers)\r\n\r\n".utf8)
            out += part.body
            out += Array("\r\n".utf8)
        }
        out += Array("--\(Self.boundary)--\r\n".utf8)
        return out
    }

    var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }

    /// The files of `folder` named by `names`, as `file` parts, plus fields.
    static func files(in folder: String, _ names: [String], fields: [String: String] = [:]) throws -> MultipartBody {
        var body = MultipartBody()
        for name in names { body.file(name, try FileReader.read(folder + "/" + name)) }
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) { body.field(key, value) }
        return body
    }
}

extension PlanCheckService {
    /// Parses `body` as the server would and runs `command` on it.
    func answer(_ body: MultipartBody, _ command: (PlanCheckService) -> (UploadForm) throws(APIError) -> APIAnswer) -> APIAnswer {
        do throws(APIError) {
            let form = try MultipartFormParser(limits: limits).parse(body: body.buffer, contentType: MultipartBody.contentType)
            return try command(self)(form)
        } catch {
            return error.answer
        }
    }
}

extension APIAnswer {
    var text: String { String(decoding: body, as: UTF8.self) }

    var jsonObject: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }

    var errorMessage: String? { (jsonObject?["error"] as? [String: Any])?["message"] as? String }
}

/// The `plancheck` binary built next to the tests, for comparing answers with the CLI's output.
enum CLI {
    static let binary: String? = {
        let folder = FileSystem.directory(of: CommandLine.arguments[0])
        for candidate in [folder + "/plancheck", FileSystem.directory(of: folder) + "/plancheck", repositoryRoot + "/.build/debug/plancheck"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }()

    /// Runs `plancheck ARGUMENTS` in `directory`; returns its standard output and exit status.
    static func run(_ arguments: [String], in directory: String) throws -> (status: Int32, stdout: String) {
        guard let binary else { throw CLIMissing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    struct CLIMissing: Error, CustomStringConvertible {
        var description: String { "the plancheck binary was not built next to the tests" }
    }
}
