import Foundation
import Hummingbird
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
@testable import PlanCheckServer
@testable import PlanCheckServerCore

/// The real server, in this process, on an ephemeral loopback port: started for one test body
/// and shut down after it.
enum LiveServer {
    static func with<R: Sendable>(limits: ServerLimits? = nil, _ body: @Sendable (HTTPTestClient) async throws -> R) async throws -> R {
        let ports = AsyncStream<Int>.makeStream()
        let app = ServerSetup(service: ExampleServer.service(limits: limits))
            .application(host: "127.0.0.1", port: 0) { port in ports.continuation.yield(port) }
        let server = Task { try await app.run() }
        defer { server.cancel() }
        var iterator = ports.stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw HTTPTestClient.Failure("the server did not start") }
        let result = try await body(HTTPTestClient(port: port))
        server.cancel()
        _ = await server.result
        return result
    }
}

/// A minimal HTTP/1.1 client over a blocking socket: one request per connection
/// (`Connection: close`), the whole answer read to the end. Enough to send what real clients
/// send — and what hostile ones do, such as a `Content-Length` the body never reaches.
struct HTTPTestClient: Sendable {
    let port: Int

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    func get(_ path: String) async throws -> Response { try await send("GET", path) }

    func post(_ path: String, _ body: MultipartBody) async throws -> Response {
        try await send("POST", path, headers: ["Content-Type": MultipartBody.contentType], body: body.bytes)
    }

    /// Sends one request; `headers` may override Content-Length (to announce more than is sent).
    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8] = []) async throws -> Response {
        let port = self.port
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.exchange(port: port, method: method, path: path, headers: headers, body: body) })
            }
        }
    }

    static func exchange(port: Int, method: String, path: String, headers: [String: String], body: [UInt8]) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket() failed") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure("cannot connect to port \(port)") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        var fields = headers
        if fields["Content-Length"] == nil, method != "GET" || !body.isEmpty { fields["Content-Length"] = String(body.count) }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let request = Array(head.utf8) + body
        var sent = 0
        while sent < request.count {
            let n = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break } // the server may answer and close before reading everything
            sent += n
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n <= 0 { break }
            answer += buffer[0..<n]
        }
        return try parse(answer)
    }

    static func parse(_ bytes: [UInt8]) throws -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            throw Failure("no HTTP response (\(bytes.count) bytes)")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure("bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = try dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = (index..<bytes.count - 1).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }),
                  let size = Int(String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";")[0], radix: 16) else {
                throw Failure("bad chunked body")
            }
            if size == 0 { break }
            out += bytes[(lineEnd + 2)..<(lineEnd + 2 + size)]
            index = lineEnd + 2 + size + 2
        }
        return out
    }
}
