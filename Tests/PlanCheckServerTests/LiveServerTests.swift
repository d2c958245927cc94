import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import PlanCheck
@testable import PlanCheckServer
@testable import PlanCheckServerCore

/// The real server on an ephemeral loopback port, spoken to over TCP.
@Suite struct LiveServerTests {
    static func app(limits: ServerLimits? = nil) -> some ApplicationProtocol {
        ServerSetup(service: ExampleServer.service(limits: limits)).application(host: "127.0.0.1", port: 0)
    }

    static func upload(_ body: MultipartBody) -> (HTTPFields, ByteBuffer) {
        var headers = HTTPFields()
        headers[.contentType] = MultipartBody.contentType
        return (headers, body.buffer)
    }

    static func json(_ buffer: ByteBuffer) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any]
    }

    @Test func healthRuleSetsPageAndDocument() async throws {
        try await Self.app().test(.live) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.json(response.body)?["status"] as? String == "ok")
            }
            try await client.execute(uri: "/api/v1/rulesets", method: .get) { response in
                let sets = Self.json(response.body)?["ruleSets"] as? [[String: Any]]
                #expect(sets?.compactMap { $0["name"] as? String } == ["office-basics", "shenzhen-2011", "ledger-xlsx", "audit-demo"])
            }
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                #expect(String(buffer: response.body).contains("<html lang=\"en\">"))
            }
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(Self.json(response.body)?["openapi"] as? String == "3.1.0")
            }
        }
    }

    /// Every route in the table answers on the live router (none falls through to 404), and a
    /// known path with another method is 405 with `Allow`.
    @Test func everyRouteIsRoutedAndOtherMethodsAre405() async throws {
        try await Self.app().test(.live) { client in
            for route in ServerRoute.allCases {
                let method = HTTPRequest.Method(route.method)!
                try await client.execute(uri: route.path, method: method, body: route.takesUpload ? ByteBuffer() : nil) { response in
                    #expect(response.status.code != 404, "\(route.method) \(route.path)")
                    #expect(response.status.code != 405, "\(route.method) \(route.path)")
                }
                let other: HTTPRequest.Method = route.method == "GET" ? .delete : .get
                try await client.execute(uri: route.path, method: other) { response in
                    #expect(response.status.code == 405, "\(other) \(route.path)")
                    #expect(response.headers[HTTPField.Name("Allow")!] == route.method)
                    #expect(Self.json(response.body)?["error"] != nil)
                }
            }
            try await client.execute(uri: "/etc/passwd", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(Self.json(response.body)?["error"] != nil)
            }
        }
    }

    @Test func checkOverHTTPMatchesTheCLI() async throws {
        let folder = repositoryRoot + "/Examples/shenzhen-2011"
        let cli = try CLI.run(["check", "plan.yaml", "units.yaml", "--format", "json"], in: folder)
        let (headers, body) = Self.upload(try MultipartBody.files(in: folder, ["plan.yaml", "units.yaml"], fields: ["ruleset": "shenzhen-2011"]))
        try await Self.app().test(.live) { client in
            try await client.execute(uri: "/api/v1/check", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == cli.stdout)
            }
        }
    }

    /// Bad requests get 4xx answers and the server keeps serving the next one.
    @Test func badRequestsThenAGoodOne() async throws {
        var small = ServerLimits()
        small.maxRequestBytes = 64 << 10
        try await Self.app(limits: small).test(.live) { client in
            var json = HTTPFields()
            json[.contentType] = "application/json"
            try await client.execute(uri: "/api/v1/check", method: .post, headers: json, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status.code == 415)
            }
            var big = MultipartBody()
            big.file("big.yaml", String(repeating: "# padding\n", count: 10_000))
            let (headers, body) = Self.upload(big)
            try await client.execute(uri: "/api/v1/check", method: .post, headers: headers, body: body) { response in
                #expect(response.status.code == 413)
            }
            var traversal = MultipartBody()
            traversal.file("../../plan.yaml", "tasks: []\n")
            let (h2, b2) = Self.upload(traversal)
            try await client.execute(uri: "/api/v1/check", method: .post, headers: h2, body: b2) { response in
                #expect(response.status.code == 400)
            }
            var good = MultipartBody()
            good.file("plan.yaml", "tasks:\n  - {id: T1, title: 测试}\n")
            good.field("ruleset", "office-basics")
            let (h3, b3) = Self.upload(good)
            try await client.execute(uri: "/api/v1/check", method: .post, headers: h3, body: b3) { response in
                #expect(response.status == .ok)
                #expect((Self.json(response.body)?["findings"] as? [Any])?.isEmpty == false)
            }
        }
    }

    /// A request that announces 2 GiB is refused from its headers, before any body is read.
    @Test func announcedHugeBodyIs413() async throws {
        try await Self.app().test(.live) { client in
            var headers = HTTPFields()
            headers[.contentType] = MultipartBody.contentType
            headers[.contentLength] = String(2 << 30)
            try await client.execute(uri: "/api/v1/check", method: .post, headers: headers, body: ByteBuffer(string: "--x")) { response in
                #expect(response.status.code == 413)
            }
        }
    }

    /// Several clients at once get the same answers a single client gets.
    @Test func concurrentChecksAgree() async throws {
        let folder = repositoryRoot + "/Examples/shenzhen-2011"
        let (headers, body) = Self.upload(try MultipartBody.files(in: folder, ["plan.yaml", "units.yaml"], fields: ["asOf": "2011-12-31"]))
        try await Self.app().test(.live) { client in
            let port = try #require(client.port)
            let expected = try await client.execute(uri: "/api/v1/check", method: .post, headers: headers, body: body) { response in
                String(buffer: response.body)
            }
            let answers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let other = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60)))
                        other.connect()
                        let response = try await other.execute(TestClient.Request("/api/v1/check", method: .post, headers: headers, body: body))
                        try await other.shutdown()
                        return response.body.map { String(buffer: $0) } ?? ""
                    }
                }
                var all: [String] = []
                for try await answer in group { all.append(answer) }
                return all
            }
            #expect(answers.count == 8)
            #expect(answers.allSatisfy { $0 == expected })
        }
    }
}
