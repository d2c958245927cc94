import Foundation
import Testing
@testable import PlanCheck

/// Issue 12 item 3: a field read from a Word table cell is named `plan.docx:表1!C3` (the table's
/// ordinal, then the cell with merged cells resolved) in every report format; a field a row
/// leaves empty is named by its empty cell; paragraphs stay `¶N`.
@Suite struct WordTableCellTests {
    static func cell(_ text: String, _ props: String = "") -> String {
        "<w:tc><w:tcPr>\(props)</w:tcPr>" + (text.isEmpty ? "<w:p/>" : DocxFixture.paragraph(text)) + "</w:tc>"
    }

    /// ¶1 a title; table 1 (¶2–¶13): header, a full row, a row whose 牵头单位 (C3, ¶12) is
    /// empty; ¶14 an item with units, ¶15 one with a deadline and no units.
    static func plan() throws -> [UInt8] { try DocxFixture.package(body: body) }

    static let body = DocxFixture.paragraph("重点任务分解表") + "<w:tbl>"
        + "<w:tr>\(cell("序号"))\(cell("工作任务"))\(cell("牵头单位"))\(cell("完成时限"))</w:tr>"
        + "<w:tr>\(cell("1"))\(cell("压减审批时限"))\(cell("市政务服务局"))\(cell("2022年底前"))</w:tr>"
        + "<w:tr>\(cell("2"))\(cell("推行告知承诺"))\(cell(""))\(cell("2022年6月底前"))</w:tr>"
        + "</w:tbl>"
        + DocxFixture.paragraph("一、推进数字政府建设（牵头单位：市政数局）")
        + DocxFixture.paragraph("二、完善基础设施，2022年底前完成。")

    static func check() throws -> ReportInput {
        try EmptyCellLocationTests.check(["plan.docx": plan()], rules: EmptyCellLocationTests.leadRequired)
    }

    @Test func blankCellsKeepTheirParagraph() throws {
        let document = try DocxFixture.read(Self.plan())
        #expect(document.blankCells == [PlanBlankCell(table: 1, row: 3, column: 3, line: 12)])
    }

    @Test func emptyTableCellIsNamedByTableAndCell() throws {
        let findings = try Self.check().result.findings.filter { $0.rule == "lead-required" }
        #expect(findings.map { FindingPlace.text($0) } == ["plan.docx:表1!C3", "plan.docx:¶15"])
        let cell = try #require(findings.first)
        #expect(cell.line == 12)  // the empty cell's own paragraph, where a review comment goes
        #expect(cell.cell == FindingCell(table: 1, row: 3, column: 3, header: "牵头单位"))
        #expect(findings.last?.cell == nil)
    }

    @Test(arguments: FindingPlaceReportTests.formats)
    func everyFormatNamesTheCellAndTheParagraph(_ format: String) throws {
        let text = FindingPlaceReportTests.render(format, try Self.check())
        #expect(text.contains("表1!C3"), "\(format)")
        #expect(text.contains("¶15"), "\(format)")
    }

    /// A value in a cell is located at the cell, a vertically merged one at the cell above
    /// that holds it (as the reader resolves it).
    @Test func valuesInCellsNameTheirCell() throws {
        let body = "<w:tbl>"
            + "<w:tr>\(Self.cell("序号"))\(Self.cell("工作任务"))\(Self.cell("牵头单位"))</w:tr>"
            + "<w:tr>\(Self.cell("1"))\(Self.cell("压减审批时限"))\(Self.cell("某某局", "<w:vMerge w:val=\"restart\"/>"))</w:tr>"
            + "<w:tr>\(Self.cell("2"))\(Self.cell("推行告知承诺"))<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"
            + "</w:tbl>"
        let rules = "  - {id: lead-known, checker: type, target: \"$.tasks[*]\", field: lead, type: string}\n"
        let input = try EmptyCellLocationTests.check(["plan.docx": DocxFixture.package(body: body)], rules: rules)
        #expect(input.result.findings.map { FindingPlace.text($0) } == ["plan.docx:表1!C2", "plan.docx:表1!C2"])
        #expect(input.result.findings.allSatisfy { $0.cell?.header == "牵头单位" })
    }

    /// A row whose first filled cell is merged down from the row above is still named by its
    /// own row.
    @Test func aRowsFindingNamesItsOwnRow() throws {
        let body = "<w:tbl>"
            + "<w:tr>\(Self.cell("领域"))\(Self.cell("工作任务"))\(Self.cell("牵头单位"))</w:tr>"
            + "<w:tr>\(Self.cell("营商环境", "<w:vMerge w:val=\"restart\"/>"))\(Self.cell("压减审批时限"))\(Self.cell("某某局"))</w:tr>"
            + "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>\(Self.cell("推行告知承诺"))\(Self.cell("某某局"))</w:tr>"
            + "</w:tbl>"
        let rules = "  - {id: no-ids, checker: required, target: \"$.tasks[*]\", fields: owner}\n"
        let input = try EmptyCellLocationTests.check(["plan.docx": DocxFixture.package(body: body)], rules: rules)
        #expect(input.result.findings.map { FindingPlace.text($0) } == ["plan.docx:表1!A2", "plan.docx:表1!A3"])
    }

    /// `plancheck import` names a table row's record by its paragraph and its cell.
    @Test func importCommentsNameTheRowsCell() throws {
        let yaml = PlanImport.yaml(document: try PlanImport.recognize(bytes: Self.plan(), file: "plan.docx"))
        #expect(yaml.contains("  # ¶6 (表1!A2)\n"))
        #expect(yaml.contains("  # ¶10 (表1!A3)\n"))
        #expect(yaml.contains("  # ¶14\n"))
    }

    /// Text plans keep line and column, tables included.
    @Test func textPlansKeepLineAndColumn() throws {
        let text = "| 序号 | 工作任务 | 牵头单位 |\n|---|---|---|\n| 1 | 压减审批时限 |  |\n"
        let input = try EmptyCellLocationTests.check(["plan.md": Array(text.utf8)], rules: EmptyCellLocationTests.leadRequired)
        let finding = try #require(input.result.findings.first)
        #expect(FindingPlace.text(finding) == "plan.md:\(finding.line):\(finding.column)")
        #expect(finding.cell == nil)
    }
}

/// The annotated view hangs a finding about an empty cell on that cell and names it `表1!C3`.
@Suite struct WordTableCellViewTests {
    @Test func annotatedViewShowsTheEmptyCellsFinding() throws {
        let document = try DocxFixture.read(WordTableCellTests.plan())
        let input = try WordTableCellTests.check()
        let finding = try #require(input.result.findings.first { $0.cell?.table == 1 })
        let page = AnnotatedView.html(document: document, findings: [finding], lang: .en)
        #expect(page.contains("<a href=\"#p-12\">表1!C3</a>"))
        #expect(page.contains("<div id=\"p-12\"></div>"))
        #expect(!page.contains("id=\"whole\""))
    }
}

/// The review copy anchors the comment about an empty cell in that cell (its `<w:p/>`).
@Suite struct WordTableCellReviewTests {
    @Test func reviewCopyCommentsTheEmptyCell() throws {
        let input = try WordTableCellTests.check()
        let finding = try #require(input.result.findings.first { $0.cell?.table == 1 })
        // The same body in a complete Word package (the review copy needs its relationships).
        let original = try ReviewFixture.package(document: ReviewFixture.document(WordTableCellTests.body))
        let copy = try ReviewCopy.make(original: original, file: "plan.docx", findings: [finding], language: .en)
        let back = try ReadBack(copy)
        #expect(back.starts.keys.sorted() == [12])
        #expect(back.references.keys.sorted() == [12])
    }
}
