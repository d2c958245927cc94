import Foundation
import Testing
@testable import PlanCheck

/// Each limit in `LoadLimits` holds at the limit and refuses one past it (docs/reliability.md).
@Suite struct LoadLimitsTests {
    func load(_ text: String, as file: String, _ limits: LoadLimits) -> LoadError? {
        loadError { () throws(LoadError) in try DatasetLoader.load(bytes: Array(text.utf8), file: file, limits: limits) }
    }

    func limits(_ change: (inout LoadLimits) -> Void) -> LoadLimits {
        var limits = LoadLimits()
        change(&limits)
        return limits
    }

    @Test(arguments: ["yaml", "json"])
    func depth(_ ext: String) throws {
        let limits = limits { $0.maxDepth = 20 }
        let nested = { (n: Int) in String(repeating: "[", count: n) + String(repeating: "]", count: n) }
        #expect(load(nested(20), as: "d.\(ext)", limits) == nil)
        let error = try #require(load(nested(21), as: "d.\(ext)", limits))
        #expect(error.message == "nesting is deeper than 20 levels" && error.line == 1 && error.column == 21, "\(error)")
    }

    @Test func aliasExpansion() throws {
        // `b` stands for 4 nodes (the list and its items); each of its 2 aliases adds 4 to what
        // a traversal visits beyond the nodes the file writes out: 8 in all.
        let text = "a: &b [1, 2, 3]\nc: [*b, *b]\n"
        #expect(load(text, as: "d.yaml", limits { $0.maxExpandedNodes = 8 }) == nil)
        let error = try #require(load(text, as: "d.yaml", limits { $0.maxExpandedNodes = 7 }))
        #expect(error.message.contains("aliases expand to more than 7 nodes") && error.line == 2, "\(error)")
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var text = "l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n"
        for i in 1...9 { text += "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let error = try #require(load(text, as: "d.yaml", .default))
        #expect(error.message.contains("an alias bomb?"))
    }

    @Test(arguments: ["yaml", "json", "csv", "xlsx"])
    func fileSize(_ ext: String) throws {
        let text = ext == "json" ? "{\"tasks\": []}" : ext == "csv" ? "id,lead\nT1,a\n" : "tasks: []\n"
        let bytes: [UInt8] = ext == "xlsx" ? ZIPReaderTests.good : Array(text.utf8)
        let atLimit = limits { $0.maxFileBytes = bytes.count }
        #expect(loadError { () throws(LoadError) in try DatasetLoader.load(bytes: bytes, file: "d.\(ext)", limits: atLimit) } == nil)
        let past = limits { $0.maxFileBytes = bytes.count - 1 }
        let error = try #require(loadError { () throws(LoadError) in try DatasetLoader.load(bytes: bytes, file: "d.\(ext)", limits: past) })
        #expect(error.message.contains("larger than the \(bytes.count - 1)-byte limit"), "\(error)")
    }

    @Test func textTableSize() throws {
        let text = "id,lead\nT1,a\n"
        #expect(load(text, as: "t.csv", limits { $0.maxTextTableBytes = text.utf8.count }) == nil)
        let error = try #require(load(text, as: "t.csv", limits { $0.maxTextTableBytes = text.utf8.count - 1 }))
        #expect(error.message.contains("limit for CSV/TSV files"))
    }

    @Test func workbookLimitsComeFromLoadLimits() throws {
        let error = try #require(loadError { () throws(LoadError) in
            try DatasetLoader.load(bytes: ZIPReaderTests.good, file: "d.xlsx", limits: limits { $0.workbook.maxEntries = 2 })
        })
        #expect(error.message.contains("more than 2 entries"))
    }

    @Test func mergedCellsAtAndPastTheLimit() throws {
        let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>g</t></is></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>2</v></c></row><row r=\"4\"><c r=\"A4\"><v>3</v></c></row></sheetData><mergeCells><mergeCell ref=\"A2:B4\"/></mergeCells></worksheet>"
        let bytes = TestWorkbook.with(sheetXML: Array(sheet.utf8))
        var limits = XLSXLimits()
        limits.maxMergedCells = 5 // a 2×3 range fills 5 cells besides its anchor
        _ = try TestWorkbook.load(bytes, limits: limits)
        limits.maxMergedCells = 4
        let error = try #require(loadError { () throws(LoadError) in try TestWorkbook.load(bytes, limits: limits) })
        #expect(error.message.contains("cover more than 4 cells"))
    }
}
