import Foundation
import Synchronization
import Testing
import PlanCheck
@testable import PlanCheckServerCore

/// The seam the plan-document features plug into: this build answers 501, and a conforming
/// implementation receives staged paths whose folder is gone after the answer and whose names
/// come back as the uploaded ones.
@Suite struct DocumentSeamTests {
    final class RecordingFeatures: DocumentFeatures {
        let seen = Mutex<[String]>([])
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

    @Test func thisBuildAnswers501() {
        let service = ExampleServer.service()
        for answer in [service.answer(body(["方案.docx"]), { $0.importPlan }), service.answer(body(["方案.docx"]), { $0.review })] {
            #expect(answer.status == 501)
            #expect(answer.errorMessage?.hasSuffix("is not available in this build") == true)
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
        let answer = service.answer(body(["深圳方案.docx"]), { $0.review })
        #expect(answer.status == 200)
        #expect(answer.downloadName == "深圳方案-reviewed.docx")
    }
}
