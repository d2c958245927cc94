import Foundation
import Testing
@testable import PlanCheck

/// The same ledger as an XLSX written by LibreOffice (merged lead cells, date cells, a title row),
/// a GB18030 CSV and a UTF-16 "Unicode text" file loads to the same records as the YAML
/// dataset, and the same rules give the same findings — located at the cells.
@Suite struct LedgerEquivalenceTests {
    static let formats = ["ledger-gb18030.csv", "ledger-utf16.txt", "xlsx"]

    static func path(_ format: String) -> String {
        format == "xlsx" ? TabularFixtures.ledgerXLSX : TabularFixtures.path(format)
    }

    static func yamlTasks() throws -> PlainValue {
        let yaml = try DatasetLoader.load(path: TabularFixtures.path("ledger.yaml"))
        return PlainValue(try #require(yaml.root?["tasks"]))
    }

    @Test(arguments: formats)
    func loadsToTheSameRecordsAsYAML(_ format: String) throws {
        // No configuration: the title row is skipped and the Chinese headers are recognised.
        let document = try DatasetLoader.load(path: Self.path(format))
        let tasks = try #require(document.root?["tasks"], "\(format) has no `tasks`: \(document.root.map(PlainValue.init).map(\.description) ?? "")")
        #expect(PlainValue(tasks) == (try Self.yamlTasks()))
        #expect(tasks.count == 14)
    }

    /// A spreadsheet's nodes are not numbered in document order (a row's split lead list and
    /// the top-level lists come after their items), so paths come from the parent table: a
    /// thousands-row table still gives every node its path and container.
    @Test func pathsInALargeTable() throws {
        let rows = (1...3_000).map { "T\($0),任务\($0),市外办、市教育局" }.joined(separator: "\n")
        let document = try DatasetLoader.load(bytes: Array(("编号,任务,牵头单位\n" + rows + "\n").utf8), file: "tasks.csv")
        let tasks = try #require(document.root?["tasks"])
        #expect(tasks.count == 3_000)
        for row in [0, 1_499, 2_999] {
            let lead = try #require(tasks[row]?["lead"]?[1])
            #expect(lead.string == "市教育局")
            #expect(lead.normalizedPath == "$['tasks'][\(row)]['lead'][1]")
            #expect(lead.parent?.parent?.index == tasks[row]?.index)
            #expect(lead.parent?.parent?.parent?.index == tasks.index)
        }
    }

    @Test func xlsxCellsCarryTheirLocations() throws {
        let document = try DatasetLoader.load(path: Self.path("xlsx"))
        #expect(document.sheet == "任务台账")
        let tasks = try #require(document.root?["tasks"])
        let m01 = try #require(tasks[0])
        #expect(m01.line == 3 && m01.column == 1)
        #expect(m01["title"]?.cellReference == "任务台账!B3")
        // M04's lead comes from the merged range C3:C7: it is located at C3, where it is written.
        let m04lead = try #require(tasks[3]?["lead"]?[0])
        #expect(m04lead.string == "市发展改革委")
        #expect(m04lead.cellReference == "任务台账!C3")
        // Date cells (serials 40724, 40908 with format yyyy-mm-dd) read as ISO dates.
        let g1 = try #require(tasks[12])
        #expect(g1["due"]?.string == "2011-06-30")
        #expect(g1["due"]?.cellReference == "任务台账!F15")
        #expect(tasks[13]?["due"]?.string == "2011-12-31")
        #expect(g1["status"]?.string == "not-started")
    }

    @Test func csvCellsAreLocatedByLineAndField() throws {
        let document = try DatasetLoader.load(path: Self.path("ledger-gb18030.csv"))
        #expect(document.sheet == nil)
        let g1 = try #require(document.root?["tasks"]?[12])
        #expect(g1["due"]?.line == 15)
        #expect(g1["due"]?.column == 6)
        #expect(g1["due"]?.sheet == nil)
    }

    static let rules = """
        ruleset: ledger
        rules:
          - id: owner
            checker: required
            target: $.tasks[*]
            fields: owner
            severity: warning
          - id: lead-registered
            checker: reference
            target: $.tasks[*]
            field: lead
            collection: units
            match: name
        """

    /// A registry without 港澳办, so M10–M12 (lead `市发展改革委、港澳办`, merged C12:C14) fail.
    static let units = """
        units:
          - {name: 市发展改革委}
          - {name: 市科工贸信委}
          - {name: 市文体旅游局}
          - {name: 规划国土委}
          - {name: 推进委员会办公室}
        """

    func findings(_ path: String) throws -> (CheckResult, Project) {
        let dir = try TemporaryDirectory()
        let rules = dir.write("rules.yml", Self.rules)
        let units = dir.write("units.yaml", Self.units)
        var config = Configuration()
        config.ruleFiles = [rules]
        config.collections = [.init(name: "units", file: units, path: try JSONPath("$.units[*]"))]
        let project = try Project(configuration: config, asOf: PlanDate(iso: "2011-12-31"), jobs: 1)
        return (project.engine.check(files: [path]), project)
    }

    @Test(arguments: formats)
    func sameRulesGiveTheSameFindings(_ format: String) throws {
        let (yaml, _) = try findings(TabularFixtures.path("ledger.yaml"))
        let (table, _) = try findings(Self.path(format))
        #expect(table.errors.isEmpty, "\(table.errors)")
        func summary(_ r: CheckResult) -> [String] { r.findings.map { "\($0.rule) \($0.record) \($0.message)" }.sorted() }
        // The same findings, the ledger's naming its fields by their headers (docs/dataset-schema.md).
        let asTheLedgerWrites = summary(yaml).map {
            $0.replacingOccurrences(of: "`lead`", with: "`牵头单位`").replacingOccurrences(of: "`owner`", with: "`责任人`")
        }
        #expect(summary(table) == asTheLedgerWrites)
        #expect(yaml.findings.count == 14 + 3)
    }

    @Test func textReportNamesTheCell() throws {
        let (result, project) = try findings(Self.path("xlsx"))
        let text = TextReport().render(ReportInput(result: result, rules: project.engine.rules, asOf: project.engine.asOf))
            .replacingOccurrences(of: repositoryRoot + "/", with: "")
        #expect(text.contains("Examples/ledger-xlsx/ledger.xlsx:任务台账!E3: warning: M01: missing required field `责任人` [owner]"), "\(text)")
        let unregistered = result.findings.filter { $0.rule == "lead-registered" }
        #expect(unregistered.map(\.record) == ["M10", "M11", "M12"])
        // All three point at the merged cell holding the lead units.
        #expect(Set(unregistered.map { "\($0.sheet ?? "")!\(CellAddress.name(row: $0.line, column: $0.column))" }) == ["任务台账!C12"])
        #expect(text.contains("ledger.xlsx:任务台账!C12: error:"))
    }
}
