import Testing
@testable import PlanCheck

/// numbering.xml values a hostile .docx can set: list counters start at the ends of the 64-bit
/// range (which overflowed — a trap — before `WordAttributes.int` clamped them to the 32 bits
/// Word uses), letter labels millions of letters long, level texts of thousands of `%1`.
@Suite struct HostileNumberingTests {
    func labels(level: String, paragraphs: Int = 3) throws -> [PlanParagraph] {
        let numbering = "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\">\(level)</w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
        let body = (0..<paragraphs).map { DocxFixture.paragraph("任务\($0)", numId: 1) }.joined()
        return try DocxFixture.read(DocxFixture.package(body: body, numbering: numbering)).paragraphs
    }

    @Test func aStartAtTheTopOfTheRangeCountsOnWithoutOverflow() throws {
        let paragraphs = try labels(level: "<w:start w:val=\"9223372036854775807\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>")
        #expect(paragraphs.map(\.text) == ["2147483647.任务0", "2147483648.任务1", "2147483649.任务2"])
    }

    @Test func aStartAtTheBottomOfTheRangeIsClampedToo() throws {
        let decimal = try labels(level: "<w:start w:val=\"-9223372036854775808\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>")
        #expect(decimal.map(\.text) == ["-2147483648.任务0", "-2147483647.任务1", "-2147483646.任务2"])
        // The cyclic formats compute `value - 1` too.
        let stems = try labels(level: "<w:start w:val=\"-9223372036854775808\"/><w:numFmt w:val=\"ideographTraditional\"/><w:lvlText w:val=\"%1、\"/>")
        #expect(stems.count == 3)
    }

    @Test func letterLabelsPastThirtyLettersFallBackToDigits() throws {
        let paragraphs = try labels(level: "<w:start w:val=\"2000000000\"/><w:numFmt w:val=\"upperLetter\"/><w:lvlText w:val=\"%1.\"/>")
        #expect(paragraphs.map(\.text) == ["2000000000.任务0", "2000000001.任务1", "2000000002.任务2"])
        let last = try labels(level: "<w:start w:val=\"780\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1.\"/>", paragraphs: 2)
        #expect(last.map(\.text) == [String(repeating: "z", count: 30) + ".任务0", "781.任务1"])
    }

    @Test func aLevelTextIsRenderedUpToItsLimit() throws {
        let paragraphs = try labels(level: "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"" + String(repeating: "%1", count: 5_000) + "\"/>", paragraphs: 1)
        let first = try #require(paragraphs.first)
        #expect(first.numberingLength == WordNumbering.maxLevelText / 2 + 1)
        #expect(first.text == String(repeating: "1", count: WordNumbering.maxLevelText / 2) + " 任务0")
    }
}
