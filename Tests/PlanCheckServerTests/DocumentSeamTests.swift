import Foundation
import Testing
import PlanCheck
@testable import PlanCheckServerCore

/// The seam the plan-document features plug into: the server's default is the library's
/// readers; a conforming implementation receives staged paths whose folder is gone after the
/// answer and whose names come back as the uploaded ones (errors included); features that do
/// not read .docx or .md make those uploads an honest 501.
@Suite struct DocumentSeamTests {
    final class RecordingFeatures: DocumentFeatures {
        let seen = Locked<[String]>([])
        var checkableDocumentExtensions: Set<String> { ["docx", "md"] }

        func importJSON(files: [String], options: RequestOptions, project: Project) throws(APIError) -> String {
            seen.withLock { $0 += files }
            #expect(files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
            return "{\"files\":[" + files.map { "\"\($0)\"" }.joined(separator: ",") + "]}\n"
        }

        func reviewedDocument(file: String, findings: CheckResult, options: RequestOptions, project: Project) throws(APIError) -> [UInt8] {
            seen.withLock { $0.append(file) }
            return Array("reviewed \(findings.files.count)".utf8)
        }
    }

    func body(_ names: [String]) -> MultipartBody {
        var body = MultipartBody()
        for name in names { body.file(name, "第一章 总则\n") }
        return body
    }

    /// Features without document readers (a server built for datasets only).
    struct DatasetsOnly: DocumentFeatures {
        var checkableDocumentExtensions: Set<String> { [] }
        func importJSON(files: [String], options: RequestOptions, project: Project) throws(APIError) -> String {
            throw APIError(501, "no import here")
        }
        func reviewedDocument(file: String, findings: CheckResult, options: RequestOptions, project: Project) throws(APIError) -> [UInt8] {
            throw APIError(501, "no review here")
        }
    }

    /// Features whose review copy fails, naming the staged file as the library's errors do.
    struct FailingReview: DocumentFeatures {
        var checkableDocumentExtensions: Set<String> { ["docx"] }
        func importJSON(files: [String], options: RequestOptions, project: Project) throws(APIError) -> String {
            throw APIError(422, "cannot import \(files[0])", inputErrors: [LoadError(file: files[0], line: 3, column: 1, message: "in \(files[0])")])
        }
        func reviewedDocument(file: String, findings: CheckResult, options: RequestOptions, project: Project) throws(APIError) -> [UInt8] {
            throw APIError(422, "cannot review \(file)", inputErrors: [LoadError(file: file, line: 3, column: 1, message: "in \(file)")])
        }
    }

    @Test func theDefaultServiceReadsPlanDocuments() {
        let service = ExampleServer.service()
        #expect(service.documents is PlanDocumentFeatures)
        let answer = service.answer(body(["方案.txt"]), { $0.importPlan })
        #expect(answer.status == 200)
        #expect(answer.jsonObject?["notes"] != nil)
        #expect(service.answer(body(["方案.md"]), { $0.check }).status == 200)
    }

    @Test func featuresWithoutReadersRefuseDocuments() {
        let service = ExampleServer.service(documents: DatasetsOnly())
        let requests: [(String, (PlanCheckService) -> (UploadForm) throws(APIError) -> APIAnswer)] = [
            ("方案.docx", { $0.check }), ("方案.md", { $0.check }), ("方案.md", { $0.audit }), ("方案.docx", { $0.review }),
        ]
        for (name, command) in requests {
            let answer = service.answer(body([name]), command)
            #expect(answer.status == 501)
            #expect(answer.errorMessage == "`\(name)`: this server does not read .\(name.split(separator: ".").last!) plan documents")
        }
    }

    @Test func errorsOfTheFeaturesNameTheUploadedFile() throws {
        let service = ExampleServer.service(documents: FailingReview())
        let plan = try MultipartBody.files(in: repositoryRoot + "/Examples/plan-documents", ["plan.docx"])
        for answer in [service.answer(plan, { $0.review }), service.answer(plan, { $0.importPlan })] {
            #expect(answer.status == 422)
            #expect(answer.errorMessage?.hasSuffix(" plan.docx") == true)
            let errors = try #require((answer.jsonObject?["error"] as? [String: Any])?["inputErrors"] as? [[String: Any]])
            #expect(errors.first?["file"] as? String == "plan.docx")
            #expect(errors.first?["message"] as? String == "in plan.docx")
        }
    }

    @Test func importGetsStagedFilesAndAnswersUploadedNames() throws {
        let features = RecordingFeatures()
        let service = ExampleServer.service(documents: features)
        let answer = service.answer(body(["方案.md", "附件.txt"]), { $0.importPlan })
        #expect(answer.status == 200)
        #expect(answer.text == "{\"files\":[\"方案.md\",\"附件.txt\"]}\n")
        let staged = features.seen.withLock { $0 }
        #expect(staged.count == 2)
        #expect(staged.allSatisfy { !FileManager.default.fileExists(atPath: FileSystem.directory(of: $0)) })
    }

    @Test func reviewTakesOneDocx() {
        let service = ExampleServer.service(documents: RecordingFeatures())
        #expect(service.answer(body(["a.docx", "b.docx"]), { $0.review }).status == 400)
        #expect(service.answer(body(["a.md"]), { $0.review }).status == 400)
        var plan = MultipartBody()
        plan.file("深圳方案.docx", try! FileReader.read(repositoryRoot + "/Examples/plan-documents/plan.docx"))
        let answer = service.answer(plan, { $0.review })
        #expect(answer.status == 200)
        #expect(answer.downloadName == "深圳方案-reviewed.docx")
    }
}
