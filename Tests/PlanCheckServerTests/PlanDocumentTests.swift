import Foundation
import Testing
import PlanCheck
import ZIPFoundation
@testable import PlanCheckServerCore

/// Plan documents through the API: import, check and the reviewed .docx answer what the CLI
/// writes for the same files (Examples/plan-documents, the Shenzhen 2011 programme as .txt and .docx).
@Suite struct PlanDocumentTests {
    static let folder = repositoryRoot + "/Examples/plan-documents"

    /// The example's own configuration as the only rule set, as `plancheck` run in its folder sees it.
    static func service() throws -> PlanCheckService {
        let configuration = try Configuration.load(path: folder + "/.plancheck.yml")
        let entry = RuleSetCatalog.Entry(name: "plan-documents", label: .init(zh: "方案", en: "plans"), project: try Project(configuration: configuration))
        return PlanCheckService(catalog: RuleSetCatalog(entries: [entry], defaultName: "plan-documents"), limits: ServerLimits())
    }

    @Test(arguments: [["plan.txt"], ["plan.docx"], ["plan.txt", "plan.docx", "tasks.docx"]])
    func importMatchesTheCLI(names: [String]) throws {
        let cli = try CLI.run(["import"] + names + ["--format", "json"], in: Self.folder)
        #expect(cli.status == 0)
        let answer = ExampleServer.service().answer(try MultipartBody.files(in: Self.folder, names), { $0.importPlan })
        #expect(answer.status == 200)
        #expect(answer.contentType.hasPrefix("application/json"))
        #expect(answer.text == cli.stdout)
        #expect(cli.stdout.contains("\"tasks\""))
    }

    @Test func importRefusesDatasetsAndLocatesUnreadableDocuments() throws {
        let service = ExampleServer.service()
        var yaml = MultipartBody()
        yaml.file("plan.yaml", "tasks: []\n")
        #expect(service.answer(yaml, { $0.importPlan }).status == 400)

        var broken = try MultipartBody.files(in: Self.folder, ["plan.txt"])
        broken.file("方案.docx", "not a zip")
        let answer = service.answer(broken, { $0.importPlan })
        #expect(answer.status == 422)
        let errors = try #require(((answer.jsonObject?["error"] as? [String: Any])?["inputErrors"]) as? [[String: Any]])
        #expect(errors.map { $0["file"] as? String } == ["方案.docx"])
    }

    /// `check` reads .docx, .txt and .md through the library's `DatasetLoader`, as the CLI does.
    @Test(arguments: ["plan.docx", "plan.txt", "tasks.docx"])
    func checkMatchesTheCLI(name: String) throws {
        let cli = try CLI.run(["check", name, "--format", "json"], in: Self.folder)
        let answer = try Self.service().answer(try MultipartBody.files(in: Self.folder, [name]), { $0.check })
        #expect(answer.status == 200)
        #expect(answer.text == cli.stdout)
        #expect(cli.stdout.contains("\"rule\""))
    }

    /// The reviewed .docx is a Word package whose comments are this plan's findings, the same
    /// comments `plancheck review` writes.
    @Test func reviewedDocumentCommentsAreTheFindings() throws {
        let service = try Self.service()
        let answer = service.answer(try MultipartBody.files(in: Self.folder, ["plan.docx"], fields: ["lang": "en"]), { $0.review })
        #expect(answer.status == 200)
        #expect(answer.downloadName == "plan-reviewed.docx")
        let comments = try Self.part("word/comments.xml", of: answer.body)
        let texts = Self.commentTexts(comments)

        let check = service.answer(try MultipartBody.files(in: Self.folder, ["plan.docx"]), { $0.check })
        let findings = try #require(check.jsonObject?["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        #expect(texts.count == findings.count)
        for finding in findings {
            let rule = try #require(finding["rule"] as? String)
            #expect(texts.contains { $0.contains(rule) }, "no comment names \(rule)")
        }
        #expect(try Self.part("word/document.xml", of: answer.body).contains("commentReference"))

        let output = try TemporaryFolder()
        let cli = try CLI.run(["review", "plan.docx", "--lang", "en", "--output", output.path + "/reviewed.docx"], in: Self.folder)
        #expect(cli.status == 0)
        let cliComments = try Self.part("word/comments.xml", of: FileReader.read(output.path + "/reviewed.docx"))
        #expect(comments == cliComments)
    }

    static func part(_ path: String, of package: [UInt8]) throws -> String {
        let archive = try Archive(data: Data(package), accessMode: .read)
        let entry = try #require(archive[path])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of each PlanCheck comment in `word/comments.xml`.
    static func commentTexts(_ xml: String) -> [String] {
        xml.components(separatedBy: "<w:comment ").dropFirst()
            .filter { $0.contains("w:author=\"PlanCheck\"") }
            .map { $0.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression) }
    }
}
