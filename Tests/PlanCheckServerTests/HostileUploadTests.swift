import Foundation
import Testing
import PlanCheck
import ZIPFoundation
@testable import PlanCheckServerCore

/// Untrusted uploads: each gets a 4xx answer naming the problem, and no staged file survives.
@Suite struct HostileUploadTests {
    /// Each test stages under a parent folder of its own, which must be empty after every request.
    let parent: TemporaryFolder
    let service: PlanCheckService

    init() throws {
        parent = try TemporaryFolder()
        let base = ExampleServer.service()
        service = PlanCheckService(catalog: base.catalog, limits: base.limits, stagingParent: parent.path)
    }

    func stagedFolders() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? ["unreadable"] }

    func check(_ name: String, _ bytes: [UInt8]) -> APIAnswer {
        var body = MultipartBody()
        body.file(name, bytes)
        return service.answer(body, { $0.check })
    }

    @Test func deeplyNestedYAMLIs422() {
        let answer = check("deep.yaml", Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8))
        #expect(answer.status == 422)
        #expect(answer.text.contains("deep.yaml"))
        #expect(stagedFolders().isEmpty)
    }

    @Test func aliasBombIs422() {
        var lines = [#"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        for i in 1..<10 {
            let name = String(UnicodeScalar(UInt8(97 + i))), previous = String(UnicodeScalar(UInt8(96 + i)))
            lines.append("\(name): &\(name) [" + Array(repeating: "*" + previous, count: 9).joined(separator: ",") + "]")
        }
        let answer = check("bomb.yaml", Array(lines.joined(separator: "\n").utf8))
        #expect(answer.status == 422)
    }

    /// A workbook whose ZIP headers declare 3 GiB (the zip-bomb shape) is refused before inflating.
    @Test func zipBombIs422() throws {
        let bytes = try FileReader.read(repositoryRoot + "/Tests/PlanCheckTests/Fixtures/tabular/declared-huge.xlsx")
        let answer = check("ledger.xlsx", bytes)
        #expect(answer.status == 422)
        #expect(answer.text.contains("zip bomb"))
        #expect(stagedFolders().isEmpty)
    }

    /// An external entity in a workbook part is never resolved: the file cannot be read (422)
    /// and nothing of the entity's target reaches the answer.
    @Test func xxeWorkbookNeverResolvesTheEntity() throws {
        let answer = check("ledger.xlsx", try Self.workbook(sharedStrings: """
            <?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>id</t></si><si><t>&xxe;</t></si></sst>
            """))
        #expect(!answer.text.contains("root:"))
        #expect(answer.status == 422)
        #expect(answer.text.contains("DOCTYPE"))
    }

    @Test func notAWorkbookIs422() {
        let answer = check("ledger.xlsx", Array("this is not a zip file".utf8))
        #expect(answer.status == 422)
        #expect(answer.text.contains("ledger.xlsx"))
    }

    @Test func invalidUTF8Is422() {
        let answer = check("plan.yaml", [0x74, 0x3A, 0x20, 0xFF, 0xFE, 0x0A])
        #expect(answer.status == 422)
    }

    /// Hostile Word plans, to check and to review: a located 422 naming the uploaded file, no
    /// staged file left, and the next request is served.
    @Test(arguments: HostileDocx.allCases)
    func hostileDocxIs422(_ kind: HostileDocx) throws {
        let bytes = try kind.bytes()
        let commands: [(PlanCheckService) -> (UploadForm) throws(APIError) -> APIAnswer] = [{ $0.check }, { $0.review }]
        for command in commands {
            var body = MultipartBody()
            body.file("方案.docx", bytes)
            let answer = service.answer(body, command)
            #expect(answer.status == 422, "\(kind)")
            let errors = try #require((answer.jsonObject?["error"] as? [String: Any])?["inputErrors"] as? [[String: Any]])
            #expect(errors.count == 1)
            #expect(errors.first?["file"] as? String == "方案.docx")
            #expect(errors.first?["line"] is Int && errors.first?["column"] is Int)
            let message = try #require(errors.first?["message"] as? String)
            #expect(message.lowercased().contains(kind.expectedWording), "\(kind): \(message)")
            #expect(!answer.text.contains(parent.path))
        }
        #expect(stagedFolders().isEmpty)
        #expect(check("plan.yaml", Array("tasks: [{id: T1}]\n".utf8)).status == 200)
    }

    enum HostileDocx: CaseIterable, Sendable {
        case notAZip, truncated, doctype

        func bytes() throws -> [UInt8] {
            switch self {
            case .notAZip: return Array("this is not a Word document".utf8)
            case .truncated:
                let whole = try FileReader.read(repositoryRoot + "/Examples/plan-documents/plan.docx")
                return Array(whole.prefix(whole.count / 2))
            case .doctype:
                return try HostileUploadTests.package([
                    ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#),
                    ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#),
                    ("word/document.xml", #"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"#),
                ])
            }
        }

        /// A word the located message must carry, so the user knows what is wrong.
        var expectedWording: String {
            switch self {
            case .notAZip, .truncated: return "zip"
            case .doctype: return "doctype"
            }
        }
    }

    @Test func staysClean() {
        #expect(check("plan.yaml", Array("tasks: [{id: T1}]\n".utf8)).status == 200)
        #expect(check("bad.yaml", Array("tasks: [\n".utf8)).status == 422)
        #expect(check("a.docx", Array("PK".utf8)).status == 422)
        var audit = MultipartBody()
        audit.file("plan.yaml", "tasks: [{id: T1, lead: 市发展改革委}]\n")
        #expect(service.answer(audit, { $0.audit }).status == 200)
        #expect(stagedFolders().isEmpty)
    }

    /// A minimal workbook with one sheet reading its two cells from `sharedStrings`.
    static func workbook(sharedStrings: String) throws -> [UInt8] {
        let ns = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
        let parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook \#(ns)><sheets><sheet name="任务台账" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", #"<?xml version="1.0" encoding="UTF-8"?><worksheet \#(ns)><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>"#),
            ("xl/sharedStrings.xml", sharedStrings),
        ]
        return try package(parts)
    }

    /// A ZIP package of the given parts, in order.
    static func package(_ parts: [(String, String)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(try #require(archive.data))
    }
}
