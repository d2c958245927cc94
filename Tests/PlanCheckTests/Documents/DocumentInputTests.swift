import Foundation
import Testing
@testable import PlanCheck

/// Bad documents fail with a located error (exit 2 in the CLI), never a crash or hang; text
/// plans are read in the encodings offices save them in.
@Suite struct DocumentInputTests {
    func error(_ bytes: [UInt8], file: String = "plan.docx") -> LoadError? {
        do { _ = try PlanDocumentLoader.load(bytes: bytes, file: file); return nil } catch { return error }
    }

    @Test func aDocxThatIsNoZipIsRefused() {
        let e = error(Array("一、总体要求".utf8))
        #expect(e?.message.contains("ZIP signature") == true)
        #expect(e?.file == "plan.docx" && e?.line == 1)
    }

    @Test func aDocOrAWorkbookNamedDocxIsNamed() throws {
        #expect(error([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])?.message.contains(".doc") == true)
        let workbook = try DocxFixture.zip(["xl/workbook.xml": "<workbook/>"])
        #expect(error(workbook)?.message.contains("no word/document.xml — it is an Excel workbook") == true)
    }

    @Test func truncatedPackagesFail() throws {
        let bytes = try DocxFixture.package(body: DocxFixture.paragraph("一、总体要求"))
        for cut in [bytes.count / 3, bytes.count / 2, bytes.count - 10] {
            #expect(error(Array(bytes[..<cut])) != nil)
        }
    }

    @Test func entityDeclarationsAreRefused() throws {
        for xml in [HostileDocuments.laughs, HostileDocuments.xxe] {
            let e = error(try DocxFixture.zip(["word/document.xml": xml]))
            #expect(e?.message.contains("DOCTYPE") == true)
        }
    }

    @Test func deeplyNestedXMLIsRefused() throws {
        let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 5_000) + DocxFixture.paragraph("x") + String(repeating: "</w:sdtContent></w:sdt>", count: 5_000)
        #expect(error(try DocxFixture.package(body: deep)) != nil)
    }

    /// Word lists have nine levels: a definition or a paragraph 10 000 levels deep is crafted,
    /// and refused where it is (the paragraph, or the numbering part).
    @Test func listLevelsPastWordsNineAreRefused() throws {
        let deepDefinition = """
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="10000"><w:numFmt w:val="decimal"/><w:lvlText w:val="%10000."/></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        """
        let e = error(try DocxFixture.package(body: DocxFixture.paragraph("甲", numId: 1), numbering: deepDefinition))
        #expect(e?.message.contains("word/numbering.xml defines list level 10000") == true)
        let numbering = "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        let body = DocxFixture.paragraph("甲", numId: 1) + DocxFixture.paragraph("乙", numId: 1, ilvl: 10_000)
        let deepParagraph = error(try DocxFixture.package(body: body, numbering: numbering))
        #expect(deepParagraph?.line == 2)
        #expect(deepParagraph?.message.contains("list level is 10000") == true)
    }

    @Test func selfReferencingAndLongStyleChainsDoNotTrap() throws {
        let numbering = "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%9.%1.\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        var styles = "<w:style w:styleId=\"A\"><w:basedOn w:val=\"B\"/></w:style><w:style w:styleId=\"B\"><w:basedOn w:val=\"A\"/></w:style>"
        // A chain of 10 000 styles, each based on the next.
        for k in 0..<10_000 { styles += "<w:style w:styleId=\"S\(k)\"><w:basedOn w:val=\"S\(k + 1)\"/></w:style>" }
        let body = DocxFixture.paragraph("甲", style: "A") + DocxFixture.paragraph("乙", numId: 1, style: "S0")
        let doc = try DocxFixture.read(DocxFixture.package(body: body, numbering: numbering, styles: styles))
        #expect(doc.paragraphs.map(\.text) == ["甲", "1.1.乙"])
    }

    @Test func binaryGarbageInATextPlanIsRefusedWithItsLine() {
        var bytes = Array("一、总体要求\n二、任务\n".utf8)
        bytes += [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x89, 0x50, 0x4E, 0x47]
        let e = error(bytes, file: "plan.txt")
        #expect(e != nil)
        #expect(e?.file == "plan.txt")
    }

    @Test func controlCharactersInValidUTF8AreRefusedAtTheirColumn() {
        let e = error(Array("一、总体要求\n二、任\u{01}务\n".utf8), file: "plan.txt")
        #expect(e?.line == 2 && e?.column == 4)
        #expect(e?.message.contains("not text") == true)
    }

    @Test(arguments: ["gb18030", "utf-16le-bom", "utf-8-bom"])
    func textPlansInOfficeEncodings(_ encoding: String) throws {
        let text = "一、重点任务\n1.建立台账（牵头单位：市发展改革委）\n"
        let bytes: [UInt8]
        switch encoding {
        case "gb18030":
            // The text above in GB18030 (Python: text.encode("gb18030")).
            bytes = [0xD2, 0xBB, 0xA1, 0xA2, 0xD6, 0xD8, 0xB5, 0xE3, 0xC8, 0xCE, 0xCE, 0xF1, 0x0A, 0x31, 0x2E, 0xBD, 0xA8, 0xC1, 0xA2, 0xCC, 0xA8, 0xD5, 0xCB, 0xA3, 0xA8, 0xC7, 0xA3, 0xCD, 0xB7, 0xB5, 0xA5, 0xCE, 0xBB, 0xA3, 0xBA, 0xCA, 0xD0, 0xB7, 0xA2, 0xD5, 0xB9, 0xB8, 0xC4, 0xB8, 0xEF, 0xCE, 0xAF, 0xA3, 0xA9, 0x0A]
        case "utf-16le-bom": bytes = [0xFF, 0xFE] + [UInt8](text.data(using: .utf16LittleEndian)!)
        default: bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        }
        let doc = try PlanDocumentReader.read(bytes: bytes, file: "plan.txt")
        #expect(doc.paragraphs.map(\.text) == ["一、重点任务", "1.建立台账（牵头单位：市发展改革委）"])
        #expect(doc.paragraphs.map(\.line) == [1, 2])
    }

    @Test func markdownHeadingsFencesAndColumns() throws {
        let doc = try PlanDocumentReader.read(bytes: Array("## 一、总体要求\n\n```\n1.代码\n```\n  正文\n".utf8), file: "plan.md")
        #expect(doc.paragraphs.map(\.text) == ["一、总体要求", "  正文"])
        #expect(doc.paragraphs.map(\.outlineLevel) == [2, nil])
        #expect(doc.paragraphs[0].column == 4)
    }

    @Test func anUnnamedTxtIsAPlanAndANamedOneATable() throws {
        let text = Array("序号\t任务\t牵头单位\n1\t建立台账\t市发展改革委\n".utf8)
        let plan = try DatasetLoader.load(bytes: Array("一、任务（牵头单位：市发展改革委）\n".utf8), file: "notes/plan.txt")
        #expect(plan.root?["tasks"]?.items.first?["lead"]?.items.first?.string == "市发展改革委")
        let table = try DatasetLoader.load(bytes: text, file: "ledger.txt", tables: [TableSource(file: "ledger.txt")])
        #expect(table.root?["tasks"]?.items.first?["title"]?.string == "建立台账")
        // Unnamed, a tab-separated ledger (Excel's "Unicode text") is still a table.
        let unnamed = try DatasetLoader.load(bytes: text, file: "ledger.txt")
        #expect(unnamed.root?["tasks"]?.items.first?["title"]?.string == "建立台账")
        // A named plan is read as a table only through `tables:`; lines without tabs are a plan.
        #expect(PlanTextReader.looksLikeTable(Array("一、任务\n序号 任务 牵头单位\n".utf8)) == false)
    }

    @Test func foldersPickUpWordPlansButNotTextOrMarkdown() {
        #expect(DatasetLoader.extensions.contains("docx"))
        #expect(!DatasetLoader.extensions.contains("txt") && !DatasetLoader.extensions.contains("md"))
    }
}
