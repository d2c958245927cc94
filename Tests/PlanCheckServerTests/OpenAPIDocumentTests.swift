import Foundation
import Testing
@testable import PlanCheckServerCore

/// The OpenAPI document is the routes' contract: every route is in it and nothing else is.
@Suite struct OpenAPIDocumentTests {
    static var document: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(EmbeddedAssets.openAPI.utf8))) as? [String: Any] ?? [:]
    }

    @Test func documentedOperationsAreExactlyTheRoutes() throws {
        let paths = try #require(Self.document["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys where ["get", "post", "put", "delete", "patch", "head", "options"].contains(method) {
                documented.insert(method.uppercased() + " " + path)
            }
        }
        let routed = Set(ServerRoute.allCases.map { $0.method + " " + $0.path })
        #expect(documented == routed)
        #expect(Self.document["openapi"] as? String == "3.1.0")
    }

    /// The upload fields the parser accepts are the ones the document describes.
    @Test func uploadFieldsMatchTheParser() throws {
        let paths = try #require(Self.document["paths"] as? [String: [String: Any]])
        for route in ServerRoute.allCases where route.takesUpload {
            let operation = try #require(paths[route.path]?["post"] as? [String: Any])
            let body = try #require(operation["requestBody"] as? [String: Any])
            let content = try #require(body["content"] as? [String: Any])
            let form = try #require(content["multipart/form-data"] as? [String: Any])
            let schema = try #require(form["schema"] as? [String: Any])
            let properties = try #require(schema["properties"] as? [String: Any])
            #expect(Set(properties.keys).isSubset(of: Set(["file"] + UploadForm.textFields)))
            #expect(properties["file"] != nil)
            let responses = try #require(operation["responses"] as? [String: Any])
            #expect(Set(responses.keys).isSuperset(of: ["200", "400", "413", "415", "422", "503"]))
            // The shipped server reads every plan document it accepts: no operation answers 501.
            #expect(responses["501"] == nil)
        }
    }

    @Test func formatsMatchTheRenderers() throws {
        func formats(_ path: String) throws -> [String] {
            let paths = try #require(Self.document["paths"] as? [String: [String: Any]])
            let operation = try #require(paths[path]?["post"] as? [String: Any])
            let properties = (((((operation["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["multipart/form-data"] as? [String: Any])?["schema"] as? [String: Any])?["properties"] as? [String: Any])
            return try #require((properties?["format"] as? [String: Any])?["enum"] as? [String])
        }
        #expect(try formats("/api/v1/check") == PlanCheckService.checkFormats)
        #expect(try formats("/api/v1/audit") == PlanCheckService.auditFormats)
    }

    /// The binary carries the assets: the generated file must match Assets/ (regenerate with
    /// `python3 Scripts/generate-server-assets.py`).
    @Test func embeddedAssetsAreCurrent() throws {
        let folder = repositoryRoot + "/Sources/PlanCheckServerCore/Assets/"
        func read(_ name: String) throws -> String {
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + name)), as: UTF8.self)
        }
        func trimmed(_ text: String) -> String { text.hasSuffix("\n") ? String(text.dropLast()) : text }
        #expect(EmbeddedAssets.openAPI == trimmed(try read("openapi.json")))
        #expect(EmbeddedAssets.pageCSS == trimmed(try read("page.css")))
        #expect(EmbeddedAssets.pageScript == trimmed(try read("page.js")))
    }
}
