import Foundation
import Testing
import PlanCheck
@testable import PlanCheckServerCore

/// The real server on an ephemeral loopback port, spoken to over TCP.
@Suite struct LiveServerTests {
    @Test func healthRuleSetsPageAndDocument() async throws {
        try await LiveServer.with { client in
            let health = try await client.get("/healthz")
            #expect(health.status == 200)
            #expect(health.json?["status"] as? String == "ok")
            let sets = try await client.get("/api/v1/rulesets").json?["ruleSets"] as? [[String: Any]]
            #expect(sets?.compactMap { $0["name"] as? String } == ["office-basics", "shenzhen-2011", "ledger-xlsx", "audit-demo"])
            let page = try await client.get("/?lang=en")
            #expect(page.status == 200)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
            #expect(page.text.contains("<html lang=\"en\">"))
            #expect(try await client.get("/api/v1/openapi.json").json?["openapi"] as? String == "3.1.0")
            #expect(try await client.get("/assets/page.js").text.contains("use strict"))
        }
    }

    /// Every route in the table answers on the live router (none falls through to 404), and a
    /// known path with another method is 405 with `Allow`; errors carry the security headers.
    @Test func everyRouteIsRoutedAndOtherMethodsAre405() async throws {
        try await LiveServer.with { client in
            for route in ServerRoute.allCases {
                let answer = try await client.send(route.method, route.path)
                #expect(answer.status != 404, "\(route.method) \(route.path)")
                #expect(answer.status != 405, "\(route.method) \(route.path)")
                let other = route.method == "GET" ? "DELETE" : "GET"
                let refused = try await client.send(other, route.path)
                #expect(refused.status == 405, "\(other) \(route.path)")
                #expect(refused.header("Allow") == route.method)
                #expect(refused.json?["error"] != nil)
                #expect(refused.header("X-Content-Type-Options") == "nosniff")
            }
            let missing = try await client.get("/etc/passwd")
            #expect(missing.status == 404)
            #expect(missing.json?["error"] != nil)
        }
    }

    @Test func checkOverHTTPMatchesTheCLI() async throws {
        let folder = repositoryRoot + "/Examples/shenzhen-2011"
        let cli = try CLI.run(["check", "plan.yaml", "units.yaml", "--format", "json"], in: folder)
        let body = try MultipartBody.files(in: folder, ["plan.yaml", "units.yaml"], fields: ["ruleset": "shenzhen-2011"])
        try await LiveServer.with { client in
            let answer = try await client.post("/api/v1/check", body)
            #expect(answer.status == 200)
            #expect(answer.text == cli.stdout)
            let download = try await client.post("/api/v1/check", try MultipartBody.files(in: folder, ["plan.yaml"], fields: ["format": "sarif"]))
            #expect(download.header("Content-Type") == "application/sarif+json; charset=utf-8")
            #expect(download.header("Content-Disposition")?.hasPrefix("attachment; filename=\"plancheck-findings.sarif\"") == true)
        }
    }

    /// Plan documents over HTTP: import answers the CLI's bytes, a hostile .docx a located 422,
    /// and the reviewed .docx comes as a download named after the plan.
    @Test func planDocumentsOverHTTP() async throws {
        let folder = repositoryRoot + "/Examples/plan-documents"
        let cli = try CLI.run(["import", "plan.docx", "--format", "json"], in: folder)
        let plan = try MultipartBody.files(in: folder, ["plan.docx"])
        var damaged = MultipartBody()
        damaged.file("plan.docx", Array(try FileReader.read(folder + "/plan.docx").prefix(4096)))
        let truncated = damaged
        try await LiveServer.with { client in
            let imported = try await client.post("/api/v1/import", plan)
            #expect(imported.status == 200)
            #expect(imported.text == cli.stdout)
            for path in ["/api/v1/check", "/api/v1/review", "/api/v1/import"] {
                let refused = try await client.post(path, truncated)
                #expect(refused.status == 422, "\(path)")
                #expect(refused.header("Content-Type") == "application/json; charset=utf-8")
                let error = refused.json?["error"] as? [String: Any]
                #expect((error?["inputErrors"] as? [[String: Any]])?.first?["file"] as? String == "plan.docx")
            }
            let review = try await client.post("/api/v1/review", plan)
            #expect(review.status == 200)
            #expect(review.header("Content-Type") == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(review.header("Content-Disposition")?.hasPrefix("attachment; filename=\"plan-reviewed.docx\"") == true)
            #expect(review.body.starts(with: Array("PK".utf8)))
            #expect(try await client.get("/healthz").status == 200)
        }
    }

    /// Bad requests get 4xx answers and the server keeps serving the next one.
    @Test func badRequestsThenAGoodOne() async throws {
        var small = ServerLimits()
        small.maxRequestBytes = 64 << 10
        try await LiveServer.with(limits: small) { client in
            #expect(try await client.send("POST", "/api/v1/check", headers: ["Content-Type": "application/json"], body: Array("{}".utf8)).status == 415)
            var big = MultipartBody()
            big.file("big.yaml", String(repeating: "# padding\n", count: 10_000))
            let tooLarge = try await client.post("/api/v1/check", big)
            #expect(tooLarge.status == 413)
            #expect(tooLarge.json?["error"] != nil)
            var traversal = MultipartBody()
            traversal.file("../../plan.yaml", "tasks: []\n")
            #expect(try await client.post("/api/v1/check", traversal).status == 400)
            var truncated = MultipartBody()
            truncated.file("plan.yaml", "tasks: []\n")
            let cut = Array(truncated.bytes.dropLast(20))
            #expect(try await client.send("POST", "/api/v1/check", headers: ["Content-Type": MultipartBody.contentType], body: cut).status == 400)
            var good = MultipartBody()
            good.file("plan.yaml", "tasks:\n  - {id: T1, title: 测试}\n")
            good.field("ruleset", "office-basics")
            let answer = try await client.post("/api/v1/check", good)
            #expect(answer.status == 200)
            #expect((answer.json?["findings"] as? [Any])?.isEmpty == false)
        }
    }

    /// A request announcing 2 GiB is refused from its headers, before its body is read.
    @Test func announcedHugeBodyIs413() async throws {
        try await LiveServer.with { client in
            let answer = try await client.send("POST", "/api/v1/check",
                                               headers: ["Content-Type": MultipartBody.contentType, "Content-Length": String(2 << 30)],
                                               body: Array("--x".utf8))
            #expect(answer.status == 413)
            #expect(try await client.get("/healthz").status == 200)
        }
    }

    /// Several clients at once get the same answer a single client gets.
    @Test func concurrentChecksAgree() async throws {
        let folder = repositoryRoot + "/Examples/shenzhen-2011"
        let body = try MultipartBody.files(in: folder, ["plan.yaml", "units.yaml"], fields: ["asOf": "2011-12-31"])
        try await LiveServer.with { client in
            let expected = try await client.post("/api/v1/check", body)
            #expect(expected.status == 200)
            let answers = try await withThrowingTaskGroup(of: HTTPTestClient.Response.self) { group in
                for _ in 0..<8 { group.addTask { try await client.post("/api/v1/check", body) } }
                var all: [HTTPTestClient.Response] = []
                for try await answer in group { all.append(answer) }
                return all
            }
            #expect(answers.count == 8)
            #expect(answers.allSatisfy { $0.status == 200 && $0.body == expected.body })
        }
    }
}
