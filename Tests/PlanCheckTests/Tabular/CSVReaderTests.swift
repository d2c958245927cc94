import Foundation
import Testing
@testable import PlanCheck

@Suite struct CSVReaderTests {
    func load(_ text: String, file: String = "t.csv", _ source: ((inout TableSource) -> Void)? = nil) throws(LoadError) -> Document {
        var sources: [TableSource] = []
        if let source {
            var entry = TableSource(file: file)
            source(&entry)
            sources = [entry]
        }
        return try TabularLoader.load(bytes: Array(text.utf8), file: file, sources: sources)
    }

    func rows(_ document: Document, _ key: String = "rows") -> PlainValue {
        document.root?[key].map(PlainValue.init) ?? .null
    }

    @Test func quotedFieldsLineEndsAndEmptyLines() throws {
        let document = try load("a,b\r\n\"x, \"\"y\"\"\",\"two\r\nlines\"\r\n\r\n3,\rlast,\"\"")
        #expect(rows(document) == .list([
            .map(["a": .string("x, \"y\""), "b": .string("two\r\nlines")]),
            .map(["a": .string("3"), "b": .string("")]),
            .map(["a": .string("last"), "b": .string("")]),
        ]))
        // The row after the two-line field starts on line 5 (line 4 is empty).
        #expect(document.root?["rows"]?[1]?.line == 5)
        #expect(document.root?["rows"]?[0]?["b"]?.column == 2)
    }

    @Test func delimiterIsDetected() throws {
        #expect(CSVReader.detectDelimiter(Array("a;b;c\n1;2;3".utf8), fileExtension: "csv") == 0x3B)
        #expect(CSVReader.detectDelimiter(Array("a\tb,c\n".utf8), fileExtension: "csv") == 0x2C)
        #expect(CSVReader.detectDelimiter(Array("\"a,b\"\tc\td\n".utf8), fileExtension: "csv") == 0x09)
        #expect(CSVReader.detectDelimiter(Array("a,b".utf8), fileExtension: "tsv") == 0x09)
        #expect(CSVReader.detectDelimiter(Array("one".utf8), fileExtension: "csv") == 0x2C)
        let document = try load("a|b\n1|2\n", { $0.delimiter = UInt8(ascii: "|"); $0.collection = "rows" })
        #expect(rows(document) == .list([.map(["a": .string("1"), "b": .string("2")])]))
    }

    @Test func unclosedQuoteIsAnErrorAtTheQuote() {
        let error = loadError { () throws(LoadError) in try load("a,b\n1,\"open\n2,3\n") }
        #expect(error?.line == 2)
        #expect(error?.column == 2)
        #expect(error?.message.contains("never closed") == true)
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        let error = loadError { () throws(LoadError) in try load("a,b\n\"x\"y,2\n") }
        #expect(error?.message.contains("unexpected `y` after the closing quote of field 1") == true, "\(String(describing: error))")
        let chinese = loadError { () throws(LoadError) in try load("a,b\n\"x\"任务,2\n") }
        #expect(chinese?.message.contains("unexpected `任`") == true, "\(String(describing: chinese))")
    }

    @Test func moreFieldsThanTheHeaderIsAnError() {
        let error = loadError { () throws(LoadError) in try load("a,b\n1,2,3\n") }
        #expect(error?.message.contains("has 3 fields, with a value in field 3, but the header (line 1) has 2;") == true, "\(String(describing: error))")
        #expect(error?.line == 2 && error?.column == 3)
    }

    @Test func ledgerHeadersMapSplitAndTranslate() throws {
        let csv = """
            XX区重点工作任务台账,,,,,
            序号,工作任务,牵头单位,配合单位,完成 时限,完成情况,备注
            1, 建设项目 ,"市发展改革委、港澳办","市科工贸信委，金融办；外办\n科协",2011年6月30日以前,已完成,
            2,推进,市发展改革委,,,进行中,其他
            """
        let document = try load(csv)
        #expect(rows(document, "tasks") == .list([
            .map(["id": .string("1"), "title": .string("建设项目"), "lead": .list([.string("市发展改革委"), .string("港澳办")]),
                  "participants": .list(["市科工贸信委", "金融办", "外办", "科协"].map(PlainValue.string)),
                  "due": .string("2011年6月30日以前"), "status": .string("done")]),
            .map(["id": .string("2"), "title": .string("推进"), "lead": .list([.string("市发展改革委")]),
                  "status": .string("in-progress"), "note": .string("其他")]),
        ]))
        #expect(document.root?["tasks"]?[0]?.line == 3)
    }

    @Test func configuredColumnsValuesAndSplits() throws {
        let csv = "标题\n任务编号;主责处室;协同;进度\nT1;办公室/财务处;A;完\n"
        let document = try load(csv) { source in
            source.headerRow = 2
            source.collection = "items"
            source.columns = ["主责处室": "lead", "协同": "helpers"]
            source.split = ["lead"]
            source.separators = ["/"]
            source.values = ["status": ["完": "done"]]
        }
        #expect(rows(document, "items") == .list([
            .map(["id": .string("T1"), "lead": .list([.string("办公室"), .string("财务处")]), "helpers": .string("A"), "status": .string("done")]),
        ]))
    }

    @Test func duplicateFieldsAreAnError() {
        let error = loadError { () throws(LoadError) in try load("牵头单位,牵头部门,任务\na,b,c\n") }
        #expect(error?.message.contains("column `牵头部门` maps to field `lead`, as column line 1, field 1 does") == true, "\(String(describing: error))")
    }

    /// 责任单位 is read as plan documents read it: beside 牵头单位 the other units (participants),
    /// beside both 牵头单位 and 配合单位 their own list, alone `responsible` — never the lead.
    @Test func responsibleUnitsTakeTheirRoleFromTheOtherColumns() throws {
        let besideLead = try load("牵头单位,责任单位,任务\n市城管局,市住建局、市水务局,建设\n")
        #expect(rows(besideLead, "tasks") == .list([.map(["lead": .list([.string("市城管局")]),
                                                 "participants": .list([.string("市住建局"), .string("市水务局")]), "title": .string("建设")])]))
        let alone = try load("序号,任务,责任单位\n1,修路,市交通局、市财政局\n")
        #expect(rows(alone, "tasks") == .list([.map(["id": .string("1"), "title": .string("修路"),
                                            "responsible": .list([.string("市交通局"), .string("市财政局")])])]))
        let three = try load("牵头单位,责任单位,配合单位,任务\nA,B,C,D\n")
        #expect(rows(three, "tasks") == .list([.map(["lead": .list([.string("A")]), "responsible": .list([.string("B")]),
                                            "participants": .list([.string("C")]), "title": .string("D")])]))
        // A user's mapping wins over the built-in reading.
        let mapped = try load("责任单位,任务\nA,B\n") { $0.columns = ["责任单位": "lead"] }
        #expect(rows(mapped, "tasks") == .list([.map(["lead": .list([.string("A")]), "title": .string("B")])]))
    }

    @Test func aliasesCanBeTurnedOff() throws {
        let document = try load("牵头单位,任务\na,b\n") { $0.aliases = false; $0.collection = "rows" }
        #expect(rows(document) == .list([.map(["牵头单位": .string("a"), "任务": .string("b")])]))
    }

    @Test func headerOnlyAndEmptyFiles() throws {
        #expect(rows(try load("a,b\n")) == .list([]))
        // An empty file has no header: an input error, not an empty table (issue 16).
        let empty = loadError { () throws(LoadError) in try load("") }
        #expect(empty?.message.contains("no header row") == true)
    }

    @Test func aSheetOnACSVIsAConfigurationError() {
        let error = loadError { () throws(LoadError) in try load("a\n1\n") { $0.sheet = "Sheet1" } }
        #expect(error?.message.contains("CSV/TSV files have no sheets") == true)
    }
}

@Suite struct TableConfigurationTests {
    @Test func tablesSectionIsParsed() throws {
        let dir = try TemporaryDirectory()
        let path = dir.write(".plancheck.yml", """
            tables:
              - file: ledger.xlsx
                sheet: 任务台账
                collection: tasks
                headerRow: 2
                columns: {主责处室: lead}
                split: [lead]
                separators: "、/"
                values: {status: {完成: done}}
              - {file: data/old.csv, encoding: gbk, delimiter: tab, aliases: false}
            """)
        let config = try Configuration.load(path: path)
        #expect(config.tables.count == 2)
        let first = config.tables[0]
        #expect(first.file == dir.path + "/ledger.xlsx")
        #expect(first.sheet == "任务台账" && first.collection == "tasks" && first.headerRow == 2)
        #expect(first.columns == ["主责处室": "lead"] && first.split == ["lead"] && first.separators == ["、", "/"])
        #expect(first.values == ["status": ["完成": "done"]])
        let second = config.tables[1]
        #expect(second.encoding == .gb18030 && second.delimiter == 0x09 && second.aliases == false)
    }

    @Test func badEntriesAreLocatedErrors() throws {
        let dir = try TemporaryDirectory()
        let unknown = dir.write("a.yml", "tables:\n  - {file: x.csv, header: 2}\n")
        #expect(throws: LoadError.self) { try Configuration.load(path: unknown) }
        let encoding = dir.write("b.yml", "tables:\n  - {file: x.csv, encoding: latin1}\n")
        do { _ = try Configuration.load(path: encoding); Issue.record("expected an error") } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("`encoding` is one of"))
        }
    }

    @Test func configuredTablesReachTheEngine() throws {
        let dir = try TemporaryDirectory()
        dir.write("ledger.csv", "标题\nkey,who\nk1,\n")
        dir.write("rules.yml", "ruleset: r\nrules:\n  - {id: who, checker: required, target: \"$.items[*]\", fields: owner}\n")
        let path = dir.write(".plancheck.yml", """
            rules: [rules.yml]
            datasets: [ledger.csv]
            tables:
              - {file: ledger.csv, collection: items, headerRow: 2, columns: {key: id, who: owner}}
            """)
        let project = try Project(configuration: Configuration.load(path: path), jobs: 1)
        let result = project.engine.check(files: project.datasetFiles(paths: []))
        #expect(result.errors.isEmpty)
        #expect(result.findings.map { "\($0.record)@\($0.line):\($0.column)" } == ["k1@3:2"])  // the empty `who` cell, B3
    }
}

@Suite struct TableCollectionTests {
    /// A unit registry kept as a spreadsheet export serves `collections:` like a YAML registry.
    @Test func collectionsCanComeFromATable() throws {
        let dir = try TemporaryDirectory()
        dir.write("units.csv", "单位名称,简称\n市发展改革委,发改委\n")
        dir.write("plan.yaml", "tasks:\n  - {id: T1, lead: [发改委]}\n  - {id: T2, lead: [市外办]}\n")
        dir.write("rules.yml", """
            ruleset: r
            rules:
              - {id: lead-registered, checker: reference, target: "$.tasks[*]", field: lead, collection: units, match: [name, short]}
            """)
        let path = dir.write(".plancheck.yml", """
            rules: [rules.yml]
            datasets: [plan.yaml]
            collections:
              units: {file: units.csv, path: "$.units[*]"}
            tables:
              - {file: units.csv, collection: units, columns: {单位名称: name, 简称: short}}
            """)
        let project = try Project(configuration: Configuration.load(path: path), jobs: 1)
        let result = project.engine.check(files: project.datasetFiles(paths: []))
        #expect(result.errors.isEmpty)
        #expect(result.findings.map(\.record) == ["T2"])
    }

    @Test func excelLockFilesGetAnExplanation() {
        let error = loadError { () throws(LoadError) in try TabularLoader.load(bytes: [0x01, 0x02], file: "dir/~$ledger.xlsx") }
        #expect(error?.message.contains("lock file") == true)
    }
}
