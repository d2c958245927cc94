import Foundation
import Testing
@testable import PlanCheck

/// Files that are not usable Word packages get a located error naming what is wrong; nothing
/// is returned to write.
@Suite struct ReviewCopyHostileTests {
    let finding = ReviewFixture.finding(4, "x")

    func failure(_ bytes: [UInt8], limits: WordPackageLimits = .default) -> LoadError? {
        do {
            _ = try ReviewCopy.make(original: bytes, file: "plan.docx", findings: [finding], limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func notAZip() throws {
        let error = try #require(failure(Array("深圳市推进国际化城市建设行动纲要".utf8)))
        #expect(error.description == "plan.docx:1:1: error: not a Word (.docx) file: it does not start with a ZIP signature (PK)")
        let doc = try #require(failure([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        #expect(doc.message.contains("Word 97–2003 (.doc)"))
        let truncated = try #require(failure(Array(try ReviewFixture.package().prefix(200))))
        #expect(truncated.message.contains("not a readable .docx"))
    }

    @Test func noDocumentPart() throws {
        let bytes = try WordPackage(file: "plan.docx", parts: [("[Content_Types].xml", Array(ReviewFixture.contentTypes.utf8)),
                                                               ("_rels/.rels", Array(ReviewFixture.packageRels.utf8))]).archived()
        let error = try #require(failure(bytes))
        #expect(error.message == "the package names word/document.xml as its document, but holds no such part")
        let noRels = try WordPackage(file: "plan.docx", parts: [("word/document.xml", Array(ReviewFixture.document("").utf8))]).archived()
        #expect(failure(noRels)?.message == "no _rels/.rels part: this ZIP is not a Word document package")
    }

    @Test func malformedCommentsPart() throws {
        let comments = "<w:comments \(ReviewFixture.w)><w:comment w:id=\"1\" w:author=\"张三\"><w:p></w:comment></w:comments>"
        let error = try #require(failure(try ReviewFixture.package(comments: comments)))
        #expect(error.message == "word/comments.xml (line 1, column 123) is not usable XML: end tag </w:comment> does not match <w:p>; the document is damaged")
        let cut = try #require(failure(try ReviewFixture.package(comments: "<w:comments \(ReviewFixture.w)><w:comment w:id=\"1\">")))
        #expect(cut.message.contains("ends with <w:comment> still open"))
        let noID = try #require(failure(try ReviewFixture.package(comments: "<w:comments \(ReviewFixture.w)><w:comment w:author=\"x\"/></w:comments>")))
        #expect(noID.message.contains("a comment without a numeric w:id"))
    }

    @Test func externalEntitiesAreRefused() throws {
        let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + ReviewFixture.document(ReviewFixture.paragraph("&x;")).split(separator: "\n", maxSplits: 1)[1]
        let error = try #require(failure(try ReviewFixture.package(document: xxe)))
        #expect(error.message.hasPrefix("word/document.xml (line 2, column 1) is not usable XML: a DTD or entity declaration"))
    }

    @Test func aZipBombIsRefusedBeforeItIsInflated() throws {
        var limits = WordPackageLimits()
        limits.maxPartBytes = 1 << 20
        let zeros = [UInt8](repeating: 0, count: 2 << 20)
        let bomb = try ReviewFixture.package(extra: [("word/media/zeros.bin", zeros)])
        #expect(bomb.count < 100_000)
        let error = try #require(failure(bomb, limits: limits))
        #expect(error.message.contains("word/media/zeros.bin declares 2097152 bytes uncompressed, over the 1048576-byte limit per part"))
        limits = WordPackageLimits()
        limits.maxEntries = 10
        let many = try ReviewFixture.package(extra: (0..<20).map { ("word/media/\($0).bin", [UInt8($0)]) })
        #expect(failure(many, limits: limits)?.message.contains("more than 10 entries") == true)
    }

    @Test func aMillionCommentsAreRefused() throws {
        let comments = "<w:comments \(ReviewFixture.w)>" + String(repeating: "<w:comment w:id=\"1\" w:author=\"x\"/>", count: 1_000_000) + "</w:comments>"
        let error = try #require(failure(try ReviewFixture.package(comments: comments)))
        #expect(error.message.contains("word/comments.xml declares 34000096 bytes uncompressed, over the 16777216-byte limit for a comments part"))
        // A part small enough to read still stops at the comment count.
        var limits = WordPackageLimits()
        limits.maxComments = 1_000
        let thousandAndOne = "<w:comments \(ReviewFixture.w)>" + String(repeating: "<w:comment w:id=\"1\" w:author=\"x\"/>", count: 1_001) + "</w:comments>"
        let counted = try #require(failure(try ReviewFixture.package(comments: thousandAndOne), limits: limits))
        #expect(counted.message.contains("more than 1000 comments; refusing the part"))
    }

    @Test func textOutsideTheRootAndASecondRoot() throws {
        let second = ReviewFixture.document("") + "<w:document \(ReviewFixture.w)/>"
        #expect(failure(try ReviewFixture.package(document: second))?.message.contains("a second root element") == true)
        let noNamespace = "<document><body/></document>"
        #expect(failure(try ReviewFixture.package(document: noNamespace))?.message.contains("does not declare the WordprocessingML namespace") == true)
    }
}
