import Foundation
import Testing
@testable import PlanCheck

/// Every number an XLSX file gives (row, column, style, sizes, offsets) is bounded before use:
/// issue 16's crashes were overflows and conversions that trapped.
@Suite struct XLSXBoundsTests {
    func error(_ bytes: [UInt8]) -> LoadError? {
        loadError { () throws(LoadError) in try TestWorkbook.load(bytes) }
    }

    @Test(arguments: [
        "<row r=\"1\"><c r=\"99999999999999999999\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
        "<row r=\"1\"><c r=\"A99999999999999999999999\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
        "<row r=\"1\"><c r=\"ZZZZZZZZZZZZZZZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
        "<row r=\"1\"><c r=\"ZZZZZZZZZZZZZZ\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
        "<row r=\"1\"><c r=\"ZZZZZZZ\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
        "<row r=\"1\"><c r=\"AAAAAAA\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
        "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>",
        "<row r=\"1\"><c r=\"A1048577\"><v>1</v></c></row>",
    ])
    func cellReferencesPastTheFormatAreLocatedErrors(_ rows: String) throws {
        let failure = try #require(error(TestWorkbook.with(rows: rows)))
        #expect(failure.message.contains("sheet `S` has a cell with the malformed or out-of-range reference"), "\(failure)")
        #expect(failure.file == "t.xlsx" && failure.line >= 1)
    }

    @Test(arguments: ["3000000000", "99999999999999999999999", "1048577", "0", "-1", "x"])
    func rowNumbersPastTheFormatAreLocatedErrors(_ number: String) throws {
        let failure = try #require(error(TestWorkbook.with(rows: "<row r=\"\(number)\"><c><v>1</v></c></row>")))
        #expect(failure.message.contains("sheet `S` has a row numbered"), "\(failure)")
        #expect(failure.message.contains("rows are numbered 1 to 1048576"))
    }

    @Test func theLastRowAndColumnAreRead() throws {
        let rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>名称</t></is></c><c r=\"XFD1\" t=\"inlineStr\"><is><t>末列</t></is></c></row>"
            + "<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"XFD1048576\"><v>7</v></c></row>"
        let document = try TestWorkbook.load(TestWorkbook.with(rows: rows))
        let record = try #require(document.root?["rows"]?[0])
        #expect(record["末列"]?.integer == 7)
        #expect(record["末列"]?.cellReference == "S!XFD1048576")
    }

    @Test func cellsWithoutReferencesStopAtTheLastColumn() throws {
        let cells = (1...CellAddress.maxColumn).map { "<c t=\"inlineStr\"><is><t>h\($0)</t></is></c>" }.joined()
        #expect(error(TestWorkbook.with(rows: "<row r=\"1\">\(cells)</row>")) == nil)
        let failure = try #require(error(TestWorkbook.with(rows: "<row r=\"1\">\(cells)<c><v>1</v></c></row>")))
        #expect(failure.message.contains("cells past column XFD (16384)"), "\(failure)")
    }

    @Test func rowsWithoutNumbersStopAtTheLastRow() throws {
        // One numbered row at the limit, then one more without `r`.
        let failure = try #require(error(TestWorkbook.with(rows: "<row r=\"1048576\"><c><v>1</v></c></row><row><c><v>1</v></c></row>")))
        #expect(failure.message.contains("more than 1048576 rows"), "\(failure)")
    }

    @Test func aNegativeOrHugeStyleIndexIsTheDefaultStyle() throws {
        let document = try TestWorkbook.load(TestWorkbook.with(rows: "<row r=\"1\"><c t=\"inlineStr\"><is><t>h</t></is></c></row><row r=\"2\"><c s=\"-1\"><v>3</v></c></row><row r=\"3\"><c s=\"99999999999999999999\"><v>4</v></c></row>"))
        #expect(document.root?["rows"]?[0]?["h"]?.integer == 3)
        #expect(document.root?["rows"]?[1]?["h"]?.integer == 4)
    }

    @Test func mergedRangesOverRowsWrittenOutOfOrderAreSafe() throws {
        // Row 5 before row 2: the last row read is not the largest.
        let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h</t></is></c></row><row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>x</t></is></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref=\"A5:A9\"/></mergeCells></worksheet>"
        let document = try TestWorkbook.load(TestWorkbook.with(sheetXML: Array(sheet.utf8)))
        #expect(document.root?["rows"]?.count == 2)
    }

    /// The column that used to size a per-row allocation (321 million entries, 5 GB) is now
    /// refused before anything is allocated for it.
    @Test func aFarColumnAllocatesNothing() throws {
        let failure = try #require(error(TestWorkbook.with(rows: "<row r=\"1\"><c r=\"AAAAAA1\"><v>1</v></c></row>")))
        #expect(failure.message.contains("`AAAAAA1`"))
    }
}

@Suite struct ZIPReaderTests {
    static let good = TestWorkbook.with(rows: "<row r=\"1\"><c t=\"inlineStr\"><is><t>h</t></is></c></row><row r=\"2\"><c><v>1</v></c></row>")

    @Test func aGeneratedWorkbookReads() throws {
        let document = try TestWorkbook.load(Self.good)
        #expect(document.root?["rows"]?[0]?["h"]?.integer == 1)
    }

    /// ZIPFoundation trapped on these (issue 16): every prefix of a workbook is an input error.
    @Test func everyTruncationIsAnInputError() {
        for length in 0..<Self.good.count {
            let failure = loadError { () throws(LoadError) in try TestWorkbook.load(Array(Self.good.prefix(length))) }
            #expect(failure != nil, "a workbook cut at \(length) bytes was accepted")
        }
    }

    @Test func everySingleByteCorruptionOfTheDirectoryIsHandled() {
        // Overwrite each byte of the central directory and end record with 0xFF: either an
        // input error or (for bytes that do not matter) a document, never a trap.
        let start = Self.good.count - 22 - 3 * 46 - 60
        for i in max(0, start)..<Self.good.count {
            var bytes = Self.good
            bytes[i] = 0xFF
            _ = try? TestWorkbook.load(bytes)
        }
    }

    @Test func theTwentyTwoByteArchiveFromTheIssue() throws {
        let end = TestZIP.le32(0x0605_4B50) + [0, 0, 0, 0, 1, 0, 1, 0] + TestZIP.le32(46) + TestZIP.le32(0xFFFF_FF00) + [0, 0]
        let failure = try #require(loadError { () throws(LoadError) in try TestWorkbook.load(Array("PK".utf8) + end) })
        #expect(failure.message.contains("not a readable XLSX (ZIP) archive"), "\(failure)")
    }

    @Test func entryCountLimitAtAndPastTheLimit() throws {
        var limits = XLSXLimits()
        limits.maxEntries = 3
        _ = try TestWorkbook.load(Self.good, limits: limits)
        limits.maxEntries = 2
        let failure = try #require(loadError { () throws(LoadError) in try TestWorkbook.load(Self.good, limits: limits) })
        #expect(failure.message.contains("more than 2 entries"))
    }

    @Test func partSizeLimitAtAndPastTheLimit() throws {
        let sheet = Array("<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>h</t></is></c></row></sheetData></worksheet>".utf8)
        let bytes = TestWorkbook.with(sheetXML: sheet)
        var limits = XLSXLimits()
        limits.maxPartBytes = max(sheet.count, TestWorkbook.workbookXML.utf8.count, TestWorkbook.relationsXML.utf8.count)
        _ = try TestWorkbook.load(bytes, limits: limits)
        limits.maxPartBytes -= 1
        let failure = try #require(loadError { () throws(LoadError) in try TestWorkbook.load(bytes, limits: limits) })
        #expect(failure.message.contains("limit per part"))
    }

    @Test func totalSizeLimitAtAndPastTheLimit() throws {
        let sheet = Array("<worksheet><sheetData/></worksheet>".utf8)
        let bytes = TestWorkbook.with(sheetXML: sheet)
        var limits = XLSXLimits()
        limits.maxTotalBytes = sheet.count + TestWorkbook.workbookXML.utf8.count + TestWorkbook.relationsXML.utf8.count
        _ = try TestWorkbook.load(bytes, limits: limits)
        limits.maxTotalBytes -= 1
        let failure = try #require(loadError { () throws(LoadError) in try TestWorkbook.load(bytes, limits: limits) })
        #expect(failure.message.contains("bytes uncompressed in all"))
    }

    /// A deflated part claiming more than deflate's 1032:1 can produce is refused before its
    /// output buffer is allocated (it would have been hundreds of megabytes).
    @Test func anImpossibleCompressionRatioIsRefusedBeforeAllocating() throws {
        var bytes = try FileReader.read(TabularFixtures.path("understated.xlsx"))
        // The central directory entry that declares 1000 bytes now declares 400 000 000.
        let entry = try #require((0..<(bytes.count - 46)).first { i in
            bytes[i..<(i + 4)].elementsEqual(TestZIP.le32(0x0201_4B50)) && bytes[(i + 24)..<(i + 28)].elementsEqual(TestZIP.le32(1000))
        })
        bytes.replaceSubrange((entry + 24)..<(entry + 28), with: TestZIP.le32(400_000_000))
        let failure = try #require(loadError { () throws(LoadError) in try TestWorkbook.load(bytes) })
        #expect(failure.message.contains("more than deflate can produce"), "\(failure)")
    }

    @Test func aWrongChecksumIsDamage() throws {
        var bytes = Self.good
        // The stored sheet's last byte (`>`) becomes a space: same size, different CRC-32.
        let sheetEnd = try #require(bytes.indices.last { i in i >= 1 && bytes[i] == UInt8(ascii: ">") && bytes[i - 1] == UInt8(ascii: "t") })
        bytes[sheetEnd] = 0x20
        let failure = try #require(loadError { () throws(LoadError) in try TestWorkbook.load(bytes) })
        #expect(failure.message.contains("CRC-32"), "\(failure)")
    }
}
