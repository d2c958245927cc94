import Foundation
import Testing
@testable import PlanCheck

/// Issue 15 item 9: a finding about an empty cell points at that cell (`tasks.csv!D4`), not at
/// the row's first cell, in every format; JSON and SARIF carry the column's header as written.
@Suite struct EmptyCellLocationTests {
    /// Runs `rules` (a rule list in YAML) over `files` with `config` lines added to the
    /// configuration; returns the result and the rules.
    static func check(_ files: [String: [UInt8]], rules: String, config: String = "") throws -> ReportInput {
        let dir = try TemporaryDirectory()
        for (name, bytes) in files { _ = FileManager.default.createFile(atPath: dir.path + "/" + name, contents: Data(bytes)) }
        dir.write("rules.yml", "ruleset: r\nrules:\n" + rules)
        let path = dir.write(".plancheck.yml", "rules: [rules.yml]\ndatasets: [\(files.keys.sorted().joined(separator: ", "))]\n" + config)
        let project = try Project(configuration: Configuration.load(path: path), jobs: 1)
        let result = project.engine.check(files: project.datasetFiles(paths: []))
        #expect(result.errors.isEmpty, "\(result.errors)")
        // Paths relative to the folder, as a user in it would see them.
        var relative = result
        relative.findings = result.findings.map { finding in
            var f = finding
            if f.file.hasPrefix(dir.path + "/") { f.file.removeFirst(dir.path.count + 1) }
            return f
        }
        return ReportInput(result: relative, rules: project.engine.rules, asOf: project.engine.asOf)
    }

    static let leadRequired = "  - {id: lead-required, checker: required, target: \"$.tasks[*]\", fields: lead}\n"
    static let ledger = "编号,任务名称,完成时限,牵头单位\nT1,修路,2025-06-30,市交通局\nT2,建桥,2025-07-30,市建设局\nT3,植树,2025-08-30,\n"

    @Test func emptyCSVCellInTextJSONAndSARIF() throws {
        let input = try Self.check(["tasks.csv": Array(Self.ledger.utf8)], rules: Self.leadRequired)
        let finding = try #require(input.result.findings.first)
        #expect(input.result.findings.count == 1)
        #expect((finding.line, finding.column) == (4, 4))
        #expect(finding.cell == FindingCell(row: 4, column: 4, header: "牵头单位"))
        #expect(TextReport().render(input).hasPrefix("tasks.csv!D4: error: T3: missing required field `牵头单位` [lead-required]"))

        let json = try #require(JSONSerialization.jsonObject(with: Data(JSONReport().render(input).utf8)) as? [String: Any])
        let item = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(item["place"] as? String == "tasks.csv!D4")
        #expect(item["cell"] as? String == "D4")
        #expect(item["columnHeader"] as? String == "牵头单位")

        let sarif = SARIFReport(repositoryRoot: nil).render(input)
        #expect(sarif.contains("\"columnHeader\": \"牵头单位\""))
        #expect(sarif.contains("\"text\": \"tasks.csv!D4 (牵头单位)\""))
        #expect(sarif.contains("\"startLine\": 4"))
    }

    /// Excel gives a record one row however many lines its quoted fields span: the record on
    /// line 5 is row 4.
    @Test func csvRowsCountRecordsNotLines() throws {
        let text = "编号,任务名称,完成时限,牵头单位\nT1,修路,2025-06-30,市交通局\nT2,\"建桥\n二期\",2025-07-30,市建设局\nT3,植树,2025-08-30,\n"
        let input = try Self.check(["tasks.csv": Array(text.utf8)], rules: Self.leadRequired)
        let finding = try #require(input.result.findings.first)
        #expect(finding.line == 5)
        #expect(FindingPlace.text(finding) == "tasks.csv!D4")
    }

    @Test func spreadsheetRowsOfMultiLineRecords() {
        var rows = SpreadsheetRows()
        rows.add(firstLine: 1, lastLine: 1, row: 1)
        rows.add(firstLine: 3, lastLine: 5, row: 3)
        rows.add(firstLine: 8, lastLine: 9, row: 6)
        #expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(rows.row(ofLine:)) == [1, 2, 3, 3, 3, 4, 5, 6, 6, 7])
    }

    @Test func emptyWorksheetCell() throws {
        func cell(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        let rows = "<row r=\"1\">\(cell("A1", "编号"))\(cell("B1", "任务名称"))\(cell("C1", "完成时限"))\(cell("D1", "牵头单位"))</row>"
            + "<row r=\"2\">\(cell("A2", "T1"))\(cell("B2", "修路"))\(cell("C2", "2025-06-30"))\(cell("D2", "市交通局"))</row>"
            + "<row r=\"4\">\(cell("A4", "T3"))\(cell("B4", "植树"))\(cell("C4", "2025-08-30"))</row>"
        let input = try Self.check(["t.xlsx": TestWorkbook.with(rows: rows)], rules: Self.leadRequired)
        let finding = try #require(input.result.findings.first)
        #expect(TextReport().render(input).hasPrefix("t.xlsx:S!D4: error: T3: missing required field `牵头单位`"))
        #expect(finding.cell?.header == "牵头单位")
    }

    /// A header renamed by `tables: columns:` or `mapping:` is named as the file writes it.
    @Test(arguments: [
        "tables:\n  - {file: tasks.csv, columns: {主责处室: lead}}\n",
        "mapping:\n  tasks:\n    fields: {主责处室: lead}\n",
    ])
    func mappedHeaderIsNamedAsWritten(_ config: String) throws {
        let text = "编号,任务名称,主责处室\nT1,修路,市交通局\nT2,植树,\n"
        let input = try Self.check(["tasks.csv": Array(text.utf8)], rules: Self.leadRequired, config: config)
        let finding = try #require(input.result.findings.first)
        #expect(FindingPlace.text(finding) == "tasks.csv!C3")
        #expect(finding.cell?.header == "主责处室")
        #expect(finding.message.contains("`主责处室`"))
        #expect(JSONReport().render(input).contains("\"columnHeader\": \"主责处室\""))
    }

    /// Every checker that reports an absent field locates it at the field's cell.
    @Test func checkersReportingAbsentFieldsNameTheirCells() throws {
        let text = "编号,任务名称,牵头单位,完成时限,状态,完成日期,责任人\nT1,修路,,,已完成,,\n"
        let rules = """
              - {id: lead, checker: accountability, target: "$.tasks[*]", requireOwner: true}
              - {id: deadline, checker: deadline, target: "$.tasks[*]", requireDue: true}

            """
        let input = try Self.check(["tasks.csv": Array(text.utf8)], rules: rules)
        let places = Dictionary(input.result.findings.map { ($0.rule, FindingPlace.text($0)) }, uniquingKeysWith: { a, _ in a })
        #expect(places["lead.missing-lead"] == "tasks.csv!C2")
        #expect(places["lead.missing-owner"] == "tasks.csv!G2")
        #expect(places["deadline.missing"] == "tasks.csv!D2")
        #expect(places["deadline.done-without-date"] == "tasks.csv!F2")
    }

    /// The same for indicator, total and ratio findings on a ledger the `tables:` entry maps.
    @Test func indicatorTotalAndRatioFindingsNameTheirCells() throws {
        let text = "指标,类型,目标值,实际值,合计,许可证\nI1,约束性,,,,\n"
        let config = "tables:\n  - {file: t.csv, collection: items, columns: {指标: name, 类型: kind, 目标值: target, 实际值: actual, 合计: declared, 许可证: permit}}\n"
        let rules = """
              - {id: ind, checker: indicator, target: "$.items[*]"}
              - {id: tot, checker: total, target: "$.items[*]", path: "$.items[*]"}
              - {id: rate, checker: ratio, target: "$.items[*]", fields: [permit]}

            """
        let input = try Self.check(["t.csv": Array(text.utf8)], rules: rules, config: config)
        let places = Dictionary(input.result.findings.map { ($0.rule, FindingPlace.text($0)) }, uniquingKeysWith: { a, _ in a })
        #expect(places["ind.target-missing"] == "t.csv!C2", "\(places)")
        #expect(places["tot.declared-missing"] == "t.csv!E2", "\(places)")
        #expect(places["rate.short"] == "t.csv!F2", "\(places)")
    }

    /// A finding about a value that is there keeps the value's cell, with its header; a field
    /// the table has no column for stays at the row's first cell.
    @Test func presentValuesAndFieldsWithoutAColumn() throws {
        let text = "编号,任务名称,牵头单位\nT1,修路,市交通局\n"
        let rules = """
              - {id: owner-required, checker: required, target: "$.tasks[*]", fields: owner}
              - {id: lead-type, checker: type, target: "$.tasks[*]", field: lead, type: string}

            """
        let input = try Self.check(["tasks.csv": Array(text.utf8)], rules: rules)
        let byRule = Dictionary(input.result.findings.map { ($0.rule, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byRule["owner-required"].map { FindingPlace.text($0) } == "tasks.csv!A2")
        #expect(byRule["owner-required"]?.cell?.header == nil)
        #expect(byRule["lead-type"].map { FindingPlace.text($0) } == "tasks.csv!C2")
        #expect(byRule["lead-type"]?.cell?.header == "牵头单位")
    }
}
