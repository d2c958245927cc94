import Foundation
import Testing
@testable import PlanCheck

@Suite struct ReviewCopyTests {
    let findings = [
        ReviewFixture.finding(5, "unknown unit `市科工贸信` (did you mean 市科工贸信委?)"),
        ReviewFixture.finding(9, "unknown unit `市委宣传部`", severity: .warning),
        ReviewFixture.finding(0, "declared total 25 differs from the sum of the parts 24", rule: "total.mismatch"),
    ]

    @Test func everyFindingIsACommentOnItsParagraph() throws {
        let original = try ReviewFixture.package()
        let copy = try ReviewCopy.make(original: original, file: "plan.docx", findings: findings)
        let back = try ReadBack(copy)
        #expect(back.comments.count == 3)
        #expect(back.comments.allSatisfy { $0.author == "PlanCheck" })
        // Report order: the document-wide finding (line 0) first, on the Title-styled paragraph 1.
        let byParagraph = back.starts.mapValues { $0.count }
        #expect(byParagraph == [1: 1, 5: 1, 9: 1])
        #expect(back.ends == back.starts)
        #expect(back.references == back.starts)
        let onMeasure = try #require(back.starts[5]?.first)
        #expect(back.text(ofComment: onMeasure) == "错误：unknown unit `市科工贸信` (did you mean 市科工贸信委?)\n规则：accountability.unknown-unit\n建议改为：市科工贸信委")
        let onCell = try #require(back.starts[9]?.first)
        #expect(back.text(ofComment: onCell)?.hasPrefix("警告：unknown unit `市委宣传部`") == true)
        let onTitle = try #require(back.starts[1]?.first)
        #expect(back.text(ofComment: onTitle)?.contains("total.mismatch") == true)
    }

    @Test func englishComments() throws {
        let copy = try ReviewCopy.make(original: try ReviewFixture.package(), file: "plan.docx", findings: [findings[0]], language: .en)
        let back = try ReadBack(copy)
        #expect(back.comments.first?.text == "Error: unknown unit `市科工贸信` (did you mean 市科工贸信委?)\nRule: accountability.unknown-unit\nSuggestion: 市科工贸信委")
    }

    @Test func theOtherPartsAreCopiedByteForByteAndTheOPCBookkeepingIsAdded() throws {
        let image = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let original = try ReviewFixture.package(extra: [("word/media/image1.png", image), ("docProps/app.xml", Array("<Properties/>".utf8))])
        let before = try ReadBack(original)
        let copy = try ReviewCopy.make(original: original, file: "plan.docx", findings: findings)
        let after = try ReadBack(copy)
        for (path, bytes) in before.parts where !["word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"].contains(path) {
            #expect(after.parts[path] == bytes, "\(path) changed")
        }
        let types = String(decoding: try #require(after.parts["[Content_Types].xml"]), as: UTF8.self)
        #expect(types.contains("<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/></Types>"))
        let rels = String(decoding: try #require(after.parts["word/_rels/document.xml.rels"]), as: UTF8.self)
        #expect(rels.contains("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>"))
        // The document changes only by the inserted marks.
        let document = String(decoding: try #require(after.parts["word/document.xml"]), as: UTF8.self)
        let stripped = document.replacing(/<w:commentRange(Start|End) w:id="\d+"\/>|<w:r><w:commentReference w:id="\d+"\/><\/w:r>/, with: "")
        #expect(stripped == ReviewFixture.document(ReviewFixture.planBody))
        #expect(original == (try ReviewFixture.package(extra: [("word/media/image1.png", image), ("docProps/app.xml", Array("<Properties/>".utf8))])))
    }

    @Test func aRerunReplacesPlanChecksCommentsAndKeepsAPersonsComment() throws {
        // A reviewer's comment on paragraph 4, with a bookmark whose id (7) is taken too.
        let body = ReviewFixture.planBody.replacingOccurrences(
            of: "<w:p><w:r><w:t xml:space=\"preserve\">（1）",
            with: "<w:p><w:bookmarkStart w:id=\"7\" w:name=\"b\"/><w:commentRangeStart w:id=\"3\"/><w:r><w:t xml:space=\"preserve\">（1）")
            .replacingOccurrences(of: "市发展改革委</w:t></w:r></w:p>",
                                  with: "市发展改革委</w:t></w:r><w:commentRangeEnd w:id=\"3\"/><w:r><w:rPr><w:rStyle w:val=\"a5\"/></w:rPr><w:commentReference w:id=\"3\"/></w:r><w:bookmarkEnd w:id=\"7\"/></w:p>")
        let human = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments \(ReviewFixture.w)><w:comment w:id=\"3\" w:author=\"张三\" w:date=\"2026-11-30T10:00:00Z\" w:initials=\"ZS\"><w:p><w:r><w:t>请核实牵头单位</w:t></w:r></w:p></w:comment></w:comments>"
        let original = try ReviewFixture.package(document: ReviewFixture.document(body), comments: human)
        let first = try ReviewCopy.make(original: original, file: "plan.docx", findings: findings)
        let firstBack = try ReadBack(first)
        #expect(firstBack.comments.map(\.author) == ["张三", "PlanCheck", "PlanCheck", "PlanCheck"])
        // New ids start above every id in use (the bookmark's 7 included).
        #expect(Set(firstBack.comments.map(\.id)) == ["3", "8", "9", "10"])
        #expect(firstBack.starts[4] == ["3"])

        // The same findings again: the same bytes, no duplicates.
        #expect(try ReviewCopy.make(original: first, file: "plan.docx", findings: findings) == first)

        // The drafter fixed two of them: only what is left shows, the person's comment stays.
        let second = try ReviewCopy.make(original: first, file: "plan.docx", findings: [findings[1]])
        let back = try ReadBack(second)
        #expect(back.comments.map(\.author) == ["张三", "PlanCheck"])
        #expect(back.comments[0].text == "请核实牵头单位")
        #expect(back.starts == [4: ["3"], 9: ["8"]])
        #expect(back.references == back.starts)
        let humanPart = "<w:comment w:id=\"3\" w:author=\"张三\" w:date=\"2026-11-30T10:00:00Z\" w:initials=\"ZS\"><w:p><w:r><w:t>请核实牵头单位</w:t></w:r></w:p></w:comment>"
        #expect(String(decoding: try #require(back.parts["word/comments.xml"]), as: UTF8.self).contains(humanPart))

        // No findings left: the copy is the original again (the person's comment alone).
        let clean = try ReadBack(try ReviewCopy.make(original: second, file: "plan.docx", findings: []))
        #expect(clean.parts["word/document.xml"] == Array(ReviewFixture.document(body).utf8))
        #expect(clean.comments.map(\.author) == ["张三"])
    }

    /// A copy Word has saved: its comment paragraphs carry `w14:paraId`s, and three side parts
    /// key entries by them. PlanCheck's entries go with its comments; the person's stay.
    @Test func wordsCommentSidePartsLoseOnlyPlanChecksEntries() throws {
        let w14 = "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\""
        let comments = "<w:comments \(ReviewFixture.w) \(w14)>"
            + "<w:comment w:id=\"1\" w:author=\"张三\"><w:p w14:paraId=\"11111111\"><w:r><w:t>请核实</w:t></w:r></w:p></w:comment>"
            + "<w:comment w:id=\"2\" w:author=\"PlanCheck\" w:initials=\"PC\"><w:p w14:paraId=\"22222221\"/><w:p w14:paraId=\"22222222\"/></w:comment></w:comments>"
        let body = ReviewFixture.planBody.replacingOccurrences(of: "（1）加快建设国际化城市。牵头单位：市发展改革委</w:t></w:r></w:p>",
            with: "（1）加快建设国际化城市。牵头单位：市发展改革委</w:t></w:r><w:r><w:commentReference w:id=\"1\"/></w:r><w:r><w:commentReference w:id=\"2\"/></w:r></w:p>")
        let extended = "<w15:commentsEx xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\"><w15:commentEx w15:paraId=\"11111111\" w15:done=\"0\"/><w15:commentEx w15:paraId=\"22222222\" w15:done=\"1\"/></w15:commentsEx>"
        let ids = "<w16cid:commentsIds xmlns:w16cid=\"http://schemas.microsoft.com/office/word/2016/wordml/cid\"><w16cid:commentId w16cid:paraId=\"11111111\" w16cid:durableId=\"0AAAAAAA\"/><w16cid:commentId w16cid:paraId=\"22222222\" w16cid:durableId=\"0BBBBBBB\"/></w16cid:commentsIds>"
        let extensible = "<w16cex:commentsExtensible xmlns:w16cex=\"http://schemas.microsoft.com/office/word/2018/wordml/cex\"><w16cex:commentExtensible w16cex:durableId=\"0AAAAAAA\" w16cex:dateUtc=\"2026-11-30T10:00:00Z\"/><w16cex:commentExtensible w16cex:durableId=\"0BBBBBBB\"><w16cex:extLst/></w16cex:commentExtensible></w16cex:commentsExtensible>"
        let original = try ReviewFixture.package(document: ReviewFixture.document(body), comments: comments,
                                               extra: [("word/commentsExtended.xml", Array(extended.utf8)), ("word/commentsIds.xml", Array(ids.utf8)),
                                                       ("word/commentsExtensible.xml", Array(extensible.utf8))])
        let back = try ReadBack(try ReviewCopy.make(original: original, file: "plan.docx", findings: []))
        #expect(back.comments.map(\.author) == ["张三"])
        #expect(back.references == [4: ["1"]])
        func text(_ path: String) -> String? { back.parts[path].map { String(decoding: $0, as: UTF8.self) } }
        #expect(text("word/commentsExtended.xml") == extended.replacingOccurrences(of: "<w15:commentEx w15:paraId=\"22222222\" w15:done=\"1\"/>", with: ""))
        #expect(text("word/commentsIds.xml") == ids.replacingOccurrences(of: "<w16cid:commentId w16cid:paraId=\"22222222\" w16cid:durableId=\"0BBBBBBB\"/>", with: ""))
        #expect(text("word/commentsExtensible.xml") == extensible.replacingOccurrences(of: "<w16cex:commentExtensible w16cex:durableId=\"0BBBBBBB\"><w16cex:extLst/></w16cex:commentExtensible>", with: ""))
    }

    /// A person answered PlanCheck's comment: the reply stays, as a thread of its own, with no
    /// parent link to the comment that went.
    @Test func aReplyToARemovedCommentLosesItsParentLink() throws {
        let w14 = "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\""
        let comments = "<w:comments \(ReviewFixture.w) \(w14)>"
            + "<w:comment w:id=\"2\" w:author=\"PlanCheck\" w:initials=\"PC\"><w:p w14:paraId=\"22222222\"/></w:comment>"
            + "<w:comment w:id=\"3\" w:author=\"张三\"><w:p w14:paraId=\"33333333\"><w:r><w:t>已改</w:t></w:r></w:p></w:comment></w:comments>"
        let body = ReviewFixture.planBody.replacingOccurrences(of: "（1）加快建设国际化城市。牵头单位：市发展改革委</w:t></w:r></w:p>",
            with: "（1）加快建设国际化城市。牵头单位：市发展改革委</w:t></w:r><w:r><w:commentReference w:id=\"2\"/></w:r><w:r><w:commentReference w:id=\"3\"/></w:r></w:p>")
        let extended = "<w15:commentsEx xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\"><w15:commentEx w15:paraId=\"22222222\" w15:done=\"0\"/>"
            + "<w15:commentEx w15:paraId=\"33333333\" w15:paraIdParent=\"22222222\" w15:done=\"0\"/></w15:commentsEx>"
        let original = try ReviewFixture.package(document: ReviewFixture.document(body), comments: comments,
                                               extra: [("word/commentsExtended.xml", Array(extended.utf8))])
        let back = try ReadBack(try ReviewCopy.make(original: original, file: "plan.docx", findings: []))
        #expect(back.comments.map(\.author) == ["张三"])
        #expect(back.parts["word/commentsExtended.xml"].map { String(decoding: $0, as: UTF8.self) }
                == "<w15:commentsEx xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\"><w15:commentEx w15:paraId=\"33333333\" w15:done=\"0\"/></w15:commentsEx>")
    }

    @Test func wholeDocumentFindingsHangOnTheFirstParagraphWithTextWithoutATitleStyle() throws {
        let body = "<w:p/>" + ReviewFixture.paragraph("关于印发行动计划的通知") + ReviewFixture.paragraph("正文")
        let original = try ReviewFixture.package(document: ReviewFixture.document(body), styles: nil)
        let copy = try ReviewCopy.make(original: original, file: "plan.docx",
                                       findings: [ReviewFixture.finding(0, "a"), ReviewFixture.finding(99, "b"), ReviewFixture.finding(1, "c")])
        let back = try ReadBack(copy)
        // Line 1 is a paragraph (the empty one): that finding stays there; 0 and 99 go to the title.
        #expect(back.starts.mapValues(\.count) == [1: 1, 2: 2])
        #expect(back.parts["word/document.xml"].map { String(decoding: $0, as: UTF8.self).contains("<w:p><w:commentRangeStart") } == true)
    }

    @Test func aTitleStyledParagraphWinsOverTheFirstLine() throws {
        let body = ReviewFixture.paragraph("深府〔2011〕1号") + ReviewFixture.paragraph("行动纲要", style: "a3")
        let copy = try ReviewCopy.make(original: try ReviewFixture.package(document: ReviewFixture.document(body)), file: "plan.docx",
                                       findings: [ReviewFixture.finding(0, "whole")])
        #expect(try ReadBack(copy).starts == [2: ["0"]])
    }

    @Test func paragraphsInTextBoxesAreCountedInStartTagOrder() throws {
        // Paragraph 1 holds a text box with paragraph 2; paragraph 3 follows.
        let body = "<w:p><w:r><w:t>外</w:t></w:r><w:r><w:pict><w:txbxContent>\(ReviewFixture.paragraph("框内"))</w:txbxContent></w:pict></w:r></w:p>" + ReviewFixture.paragraph("后")
        let copy = try ReviewCopy.make(original: try ReviewFixture.package(document: ReviewFixture.document(body)), file: "plan.docx",
                                       findings: [ReviewFixture.finding(2, "inner"), ReviewFixture.finding(3, "after")])
        let back = try ReadBack(copy)
        #expect(back.starts.mapValues(\.count) == [2: 1, 3: 1])
        #expect(back.comments.map(\.text).map { $0.split(separator: "\n")[0] } == ["错误：inner", "错误：after"])
    }

    /// Range starts go after the paragraph's properties, however they are written: the
    /// properties must stay the paragraph's first child.
    @Test func marksFollowTheParagraphProperties() throws {
        let body = "<w:p><w:pPr/><w:r><w:t>甲</w:t></w:r></w:p><w:p><w:pPr><w:jc w:val=\"center\"/><w:rPr><w:b/></w:rPr></w:pPr></w:p><w:p w:rsidR=\"00A1\"/>"
        let copy = try ReviewCopy.make(original: try ReviewFixture.package(document: ReviewFixture.document(body)), file: "plan.docx",
                                       findings: [ReviewFixture.finding(1, "a"), ReviewFixture.finding(2, "b"), ReviewFixture.finding(3, "c")])
        let document = String(decoding: try #require(try ReadBack(copy).parts["word/document.xml"]), as: UTF8.self)
        #expect(document.contains("<w:p><w:pPr/><w:commentRangeStart w:id=\"0\"/><w:r><w:t>甲</w:t></w:r><w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>"))
        #expect(document.contains("</w:rPr></w:pPr><w:commentRangeStart w:id=\"1\"/><w:commentRangeEnd w:id=\"1\"/><w:r><w:commentReference w:id=\"1\"/></w:r></w:p>"))
        #expect(document.contains("<w:p w:rsidR=\"00A1\"><w:commentRangeStart w:id=\"2\"/><w:commentRangeEnd w:id=\"2\"/><w:r><w:commentReference w:id=\"2\"/></w:r></w:p>"))
    }

    @Test func outputIsDeterministic() throws {
        let original = try ReviewFixture.package()
        let a = try ReviewCopy.make(original: original, file: "plan.docx", findings: findings)
        let b = try ReviewCopy.make(original: original, file: "plan.docx", findings: findings.reversed())
        #expect(a == b)
    }

    @Test func suggestionsAreTakenFromTheCheckersWording() {
        #expect(ReviewCommentText.suggestion(in: "unknown unit `市科工贸信` (did you mean 市科工贸信委?)") == "市科工贸信委")
        #expect(ReviewCommentText.suggestion(in: "no task `G9`; did you mean G1 or G2?") == "G1 or G2")
        #expect(ReviewCommentText.suggestion(in: "unknown key — did you mean `severity`?") == "severity")
        #expect(ReviewCommentText.suggestion(in: "task G1 is overdue") == nil)
    }
}
