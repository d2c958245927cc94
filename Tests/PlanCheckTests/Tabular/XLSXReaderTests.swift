import Foundation
import Testing
@testable import PlanCheck

@Suite struct XLSXReaderTests {
    func load(_ name: String, tables: [TableSource] = [], limits: XLSXLimits = .default) throws(LoadError) -> Document {
        let path = TabularFixtures.path(name)
        let bytes: [UInt8]
        do { bytes = try FileReader.read(path) }
        return try TabularLoader.load(bytes: bytes, file: path, sources: tables, xlsxLimits: limits)
    }

    @Test func readsEveryCellType() throws {
        let document = try load("features.xlsx")
        #expect(document.sheet == "数据")
        let rows = try #require(document.root?["rows"])
        let expected: PlainValue = .list([
            .map(["编号": .integer(1), "名称": .string("市发展改革委"), "日期": .string("1904-01-01"), "值": .bool(true)]),
            .map(["编号": .double(2.5), "名称": .string("内联文本"), "日期": .string("2005-04-20T12:00:00"), "值": .string("公式")]),
            .map(["编号": .integer(4), "名称": .string("#N/A"), "日期": .string("18:00:00"), "值": .string(" 备注 ")]),
            .map(["编号": .integer(5), "名称": .bool(false), "日期": .string("2005-04-20"), "值": .integer(-12)]),
            .map(["编号": .integer(6), "日期": .string("2005-04-21")]),
        ])
        #expect(PlainValue(rows) == expected)
        // Cells without `r` continue from column A; row 4 is absent, so row 5 follows row 3.
        #expect(rows[1]?["值"]?.cellReference == "数据!D3")
        #expect(rows[2]?.line == 5)
    }

    @Test func readsANamedSheet() throws {
        var source = TableSource(file: TabularFixtures.path("features.xlsx"))
        source.sheet = "第二页"
        source.collection = "pages"
        let document = try load("features.xlsx", tables: [source])
        #expect(PlainValue(try #require(document.root)) == .map(["pages": .list([.map(["name": .string("第二页")])])]))
        #expect(document.root?["pages"]?[0]?["name"]?.cellReference == "第二页!A2")
    }

    @Test func readsSeveralSheetsIntoOneDocument() throws {
        var first = TableSource(file: TabularFixtures.path("features.xlsx"))
        first.collection = "data"
        var second = TableSource(file: TabularFixtures.path("features.xlsx"))
        second.sheet = "第二页"
        second.collection = "pages"
        let document = try load("features.xlsx", tables: [first, second])
        #expect(document.root?["data"]?[0]?["名称"]?.sheet == "数据")
        #expect(document.root?["pages"]?[0]?["name"]?.sheet == "第二页")
    }

    @Test func unknownSheetListsTheSheets() {
        var source = TableSource(file: TabularFixtures.path("features.xlsx"))
        source.sheet = "Sheet9"
        let error = loadError { () throws(LoadError) in try load("features.xlsx", tables: [source]) }
        #expect(error?.message == "the workbook has no sheet `Sheet9`; its sheets are `数据`, `第二页`")
    }

    // MARK: hostile and broken files

    @Test func hugeDeclaredSizeIsRefusedBeforeInflating() {
        let error = loadError { () throws(LoadError) in try load("declared-huge.xlsx") }
        #expect(error?.message.contains("declares 3221225472 bytes uncompressed") == true, "\(String(describing: error))")
    }

    @Test func inflationPastTheDeclaredSizeIsStopped() {
        let error = loadError { () throws(LoadError) in try load("understated.xlsx") }
        #expect(error?.message.contains("inflates past its declared size of 1000 bytes") == true, "\(String(describing: error))")
    }

    @Test func honestButLargePartsAreCappedByTheLimits() {
        var limits = XLSXLimits()
        limits.maxPartBytes = 500
        let error = loadError { () throws(LoadError) in try load("features.xlsx", limits: limits) }
        #expect(error?.message.contains("over the 500-byte limit per part") == true, "\(String(describing: error))")
        limits = XLSXLimits()
        limits.maxEntries = 3
        let many = loadError { () throws(LoadError) in try load("features.xlsx", limits: limits) }
        #expect(many?.message.contains("more than 3 entries") == true)
    }

    @Test(arguments: [0.2, 0.5, 0.9, 0.99])
    func truncatedFilesGetAClearError(_ fraction: Double) throws {
        let bytes = try FileReader.read(TabularFixtures.ledgerXLSX)
        let cut = Array(bytes.prefix(Int(Double(bytes.count) * fraction)))
        let error = loadError { () throws(LoadError) in try TabularLoader.load(bytes: cut, file: "cut.xlsx") }
        let message = try #require(error?.message)
        #expect(message.contains("truncated") || message.contains("damaged"), "\(message)")
    }

    @Test func malformedFilesGetClearErrors() {
        let xml = loadError { () throws(LoadError) in try load("malformed-xml.xlsx") }
        #expect(xml?.message.contains("xl/workbook.xml is not well-formed XML") == true, "\(String(describing: xml))")
        let notWorkbook = loadError { () throws(LoadError) in try load("not-a-workbook.xlsx") }
        #expect(notWorkbook?.message.contains("the archive has no xl/workbook.xml") == true, "\(String(describing: notWorkbook))")
        let shared = loadError { () throws(LoadError) in try load("bad-shared-string.xlsx") }
        #expect(shared?.message.contains("Sheet1!A2 refers to shared string 7") == true, "\(String(describing: shared))")
        let text = loadError { () throws(LoadError) in try TabularLoader.load(bytes: Array("a,b\n".utf8), file: "x.xlsx") }
        #expect(text?.message.contains("does not start with a ZIP signature") == true)
        let xls = loadError { () throws(LoadError) in try TabularLoader.load(bytes: [0xD0, 0xCF, 0x11, 0xE0, 0, 0], file: "x.xlsx") }
        #expect(xls?.message.contains("Excel 97–2003 (.xls)") == true)
    }

    @Test func giantMergedRangesAreClampedToTheData() throws {
        var row = TableRow()
        row.number = 1
        row.appendText(Array("x".utf8), column: 1, line: 1)
        var rows = [row]
        let workbook = try XLSXWorkbook(bytes: FileReader.read(TabularFixtures.path("features.xlsx")), file: "f.xlsx")
        try XLSXSheetReader(workbook: workbook).spreadMerges([(1, 1, 1_048_576, 16_384)], over: &rows, sheet: "S")
        #expect(rows.count == 1 && rows[0].cells.count == 1)
    }
}

@Suite struct SpreadsheetDateTests {
    @Test func serialsIn1900System() {
        #expect(SpreadsheetDates.iso(serial: 1, kind: .date, date1904: false) == "1900-01-01")
        #expect(SpreadsheetDates.iso(serial: 59, kind: .date, date1904: false) == "1900-02-28")
        #expect(SpreadsheetDates.iso(serial: 60, kind: .date, date1904: false) == "1900-02-29")
        #expect(SpreadsheetDates.iso(serial: 61, kind: .date, date1904: false) == "1900-03-01")
        #expect(SpreadsheetDates.iso(serial: 40724, kind: .date, date1904: false) == "2011-06-30")
        #expect(SpreadsheetDates.iso(serial: 40724.25, kind: .dateTime, date1904: false) == "2011-06-30T06:00:00")
        #expect(SpreadsheetDates.iso(serial: 40724, kind: .dateTime, date1904: false) == "2011-06-30")
        #expect(SpreadsheetDates.iso(serial: -1, kind: .date, date1904: false) == nil)
    }

    @Test func serialsIn1904System() {
        #expect(SpreadsheetDates.iso(serial: 0, kind: .date, date1904: true) == "1904-01-01")
        #expect(SpreadsheetDates.iso(serial: 39262, kind: .date, date1904: true) == "2011-06-30")
    }

    @Test func formatClassification() {
        #expect(SpreadsheetDates.kind(builtIn: 14) == .date)
        #expect(SpreadsheetDates.kind(builtIn: 22) == .dateTime)
        #expect(SpreadsheetDates.kind(builtIn: 20) == .time)
        #expect(SpreadsheetDates.kind(builtIn: 57) == .date)
        #expect(SpreadsheetDates.kind(builtIn: 2) == .number)
        #expect(SpreadsheetDates.kind(code: "yyyy\\-mm\\-dd") == .date)
        #expect(SpreadsheetDates.kind(code: "YYYY/M/D") == .date)
        #expect(SpreadsheetDates.kind(code: "yyyy\"年\"m\"月\"d\"日\"") == .date)
        #expect(SpreadsheetDates.kind(code: "[$-804]yyyy年m月d日;@") == .date)
        #expect(SpreadsheetDates.kind(code: "h:mm:ss") == .time)
        #expect(SpreadsheetDates.kind(code: "[h]:mm") == .time)
        #expect(SpreadsheetDates.kind(code: "yyyy-mm-dd hh:mm") == .dateTime)
        #expect(SpreadsheetDates.kind(code: "General") == .number)
        #expect(SpreadsheetDates.kind(code: "#,##0.00;[Red]-#,##0.00") == .number)
        #expect(SpreadsheetDates.kind(code: "0.00\" days\"") == .number)
    }

    @Test func cellAddresses() {
        #expect(CellAddress.name(row: 12, column: 4) == "D12")
        #expect(CellAddress.columnName(26) == "Z")
        #expect(CellAddress.columnName(27) == "AA")
        #expect(CellAddress.columnName(16_384) == "XFD")
        #expect(CellAddress.parse("$AA$10")! == (10, 27))
        #expect(CellAddress.parse("10A") == nil)
    }
}

@Suite struct XMLEventsTests {
    final class Ignore: XMLHandler {
        func start(_ name: Substring, _ attributes: [String: String]) {}
    }

    /// corelibs Foundation's XMLParser reports success for these; the wrapper must not.
    @Test(arguments: ["<a><b></a>", "<a><b>", "<a>", "", "<a></a><b/>"])
    func malformedOrCutXMLIsAnError(_ xml: String) {
        #expect(throws: LoadError.self) {
            try XMLEvents.parse(Data(xml.utf8), part: "p.xml", file: "f.xlsx", into: Ignore())
        }
    }

    @Test func wellFormedXMLParses() throws {
        try XMLEvents.parse(Data("<?xml version=\"1.0\"?><a x=\"1\"><b/>text</a>".utf8), part: "p.xml", file: "f.xlsx", into: Ignore())
    }
}
