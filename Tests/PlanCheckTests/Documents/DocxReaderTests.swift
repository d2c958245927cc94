import Foundation
import Testing
@testable import PlanCheck

@Suite struct DocxReaderTests {
    let chineseList = """
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    """

    @Test func rendersAutomaticNumberingAsAReaderSeesIt() throws {
        let body = [("总体要求", 0), ("指导思想", 1), ("基本原则", 1), ("重点任务", 0), ("加强组织领导", 1), ("建立机制", 2), ("明确分工", 2), ("细化", 3), ("强化督查", 1), ("健全制度", 2)]
            .map { DocxFixture.paragraph($0.0, numId: 1, ilvl: $0.1) }.joined()
        let doc = try DocxFixture.read(DocxFixture.package(body: body, numbering: chineseList))
        #expect(doc.paragraphs.map(\.text) == ["一、总体要求", "（一）指导思想", "（二）基本原则", "二、重点任务", "（一）加强组织领导", "1.建立机制", "2.明确分工", "①细化", "（二）强化督查", "1.健全制度"])
        #expect(doc.paragraphs.map(\.numberingLength) == [2, 3, 3, 2, 3, 2, 2, 1, 3, 2])
        #expect(doc.paragraphs.map(\.line) == Array(1...10))
    }

    @Test func startOverrideRestartsAnInstanceAndLvlRestartZeroCountsOn() throws {
        let numbering = """
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="行动计划%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%2)"/><w:lvlRestart w:val="0"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        """
        let body = [DocxFixture.paragraph("甲", numId: 1, ilvl: 0), DocxFixture.paragraph("a", numId: 1, ilvl: 1), DocxFixture.paragraph("b", numId: 1, ilvl: 1),
                    DocxFixture.paragraph("乙", numId: 1, ilvl: 0), DocxFixture.paragraph("c", numId: 1, ilvl: 1),
                    DocxFixture.paragraph("x", numId: 2), DocxFixture.paragraph("y", numId: 2), DocxFixture.paragraph("z", numId: 3)].joined()
        let doc = try DocxFixture.read(DocxFixture.package(body: body, numbering: numbering))
        #expect(doc.paragraphs.map(\.text) == ["行动计划1.甲", "(1)a", "(2)b", "行动计划2.乙", "(3)c", "甲、x", "乙、y", "甲、z"])
    }

    @Test func numberingComesFromParagraphStylesAndHeadingsGiveLevels() throws {
        let styles = """
        <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
        """
        let body = DocxFixture.paragraph("总体要求", style: "1") + DocxFixture.paragraph("工作目标", style: "2") + DocxFixture.paragraph("正文", style: "Body")
            + DocxFixture.paragraph("不编号", numId: 0, style: "1")
        let doc = try DocxFixture.read(DocxFixture.package(body: body, numbering: chineseList, styles: styles))
        #expect(doc.paragraphs.map(\.text) == ["一、总体要求", "（一）工作目标", "正文", "不编号"])
        #expect(doc.paragraphs.map(\.outlineLevel) == [1, 2, 3, 1])
    }

    @Test func trackedChangesFieldsTabsAndHiddenTextReadAsShown() throws {
        let body = """
        <w:p><w:r><w:t>完成</w:t></w:r><w:ins w:id="1"><w:r><w:t>时限</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>期限</w:delText></w:r></w:del>\
        <w:r><w:t>：</w:t></w:r><w:r><w:tab/><w:t>见</w:t></w:r>\
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
        <w:r><w:t>附表1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
        <w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>\
        <w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:br/><w:t>下行</w:t></w:r></w:p>
        """
        let doc = try DocxFixture.read(DocxFixture.package(body: body))
        #expect(doc.paragraphs.map(\.text) == ["完成时限：\t见附表13\n下行"])
    }

    @Test func everyParagraphStartTagIsCountedEvenWhenNotKept() throws {
        let body = """
        <w:p/><w:p><w:r><w:t>第一段</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">\
        <mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>\
        <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>\
        <w:sdt><w:sdtContent><w:p><w:r><w:t>控件内</w:t></w:r></w:p></w:sdtContent></w:sdt>
        """
        let doc = try DocxFixture.read(DocxFixture.package(body: body))
        #expect(doc.paragraphs.map(\.text) == ["第一段", "控件内"])
        #expect(doc.paragraphs.map(\.line) == [2, 5])
    }

    @Test func tableCellsAreOnTheGridWithMergedCells() throws {
        func cell(_ text: String, _ props: String = "") -> String { "<w:tc><w:tcPr>\(props)</w:tcPr>\(DocxFixture.paragraph(text))</w:tc>" }
        let body = "<w:tbl>"
            + "<w:tr>\(cell("序号"))\(cell("任务"))\(cell("牵头单位"))\(cell("完成时限"))</w:tr>"
            + "<w:tr>\(cell("1"))\(cell("建立台账", "<w:gridSpan w:val=\"2\"/>"))\(cell("2022年底前", "<w:vMerge w:val=\"restart\"/>"))</w:tr>"
            + "<w:tr>\(cell("2"))\(cell("督查"))\(cell("市督查室"))<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"
            + "</w:tbl>"
        let doc = try DocxFixture.read(DocxFixture.package(body: body))
        let cells = doc.paragraphs.map { p in p.cell.map { "\($0.row),\($0.column)x\($0.span)\($0.continuesAbove ? "^" : ""):\(p.text)" } ?? p.text }
        #expect(cells == ["1,1x1:序号", "1,2x1:任务", "1,3x1:牵头单位", "1,4x1:完成时限", "2,1x1:1", "2,2x2:建立台账", "2,4x1:2022年底前",
                          "3,1x1:2", "3,2x1:督查", "3,3x1:市督查室", "3,4x1^:"])
    }

    @Test(arguments: [
        ("chineseCounting", 11, "十一"), ("chineseCounting", 20, "二十"), ("chineseCounting", 105, "一百零五"), ("chineseCountingThousand", 2035, "二千零三十五"),
        ("ideographTraditional", 3, "丙"), ("decimalEnclosedCircle", 12, "⑫"), ("decimalEnclosedCircle", 25, "㉕"), ("decimalEnclosedParen", 2, "⑵"),
        ("upperLetter", 28, "BB"), ("lowerRoman", 14, "xiv"), ("decimalZero", 7, "07"), ("chineseLegalSimplified", 3, "叁"), ("none", 4, ""),
    ])
    func numberFormats(_ format: String, _ value: Int, _ expected: String) {
        #expect(WordNumberFormat.render(value, format: format) == expected)
    }
}
