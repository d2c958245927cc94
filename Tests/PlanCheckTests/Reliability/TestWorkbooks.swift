import Foundation
@testable import PlanCheck

/// Builds ZIP archives and minimal XLSX workbooks in memory, so hostile variants (a huge cell
/// reference, a bad XML part, a cut archive) are generated in the test instead of kept as
/// binary fixtures.
enum TestZIP {
    /// A ZIP of stored (uncompressed) entries, in order.
    static func archive(_ entries: [(path: String, bytes: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for (path, bytes) in entries {
            let offset = out.count
            let name = Array(path.utf8)
            let crc = Inflater.crc32(bytes)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0)
            out += le32(crc) + le32(UInt32(bytes.count)) + le32(UInt32(bytes.count)) + le16(UInt16(name.count)) + le16(0)
            out += name + bytes
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0)
            central += le32(crc) + le32(UInt32(bytes.count)) + le32(UInt32(bytes.count))
            central += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset))
            central += name
        }
        let directoryOffset = out.count
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(UInt32(directoryOffset)) + le16(0)
        return out
    }

    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
}

enum TestWorkbook {
    static let workbookXML = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
    """
    static let relationsXML = """
    <?xml version="1.0" encoding="UTF-8"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
    """

    /// A one-sheet workbook whose sheet is `<worksheet><sheetData>rows</sheetData></worksheet>`.
    static func with(rows: String) -> [UInt8] {
        with(sheetXML: Array("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData></worksheet>".utf8))
    }

    /// A one-sheet workbook with the given sheet part (and, optionally, other parts replaced).
    static func with(sheetXML: [UInt8], replacing parts: [String: [UInt8]] = [:]) -> [UInt8] {
        var entries: [(String, [UInt8])] = [
            ("xl/workbook.xml", Array(workbookXML.utf8)),
            ("xl/_rels/workbook.xml.rels", Array(relationsXML.utf8)),
            ("xl/worksheets/sheet1.xml", sheetXML),
        ]
        for (i, entry) in entries.enumerated() { if let replacement = parts[entry.0] { entries[i].1 = replacement } }
        return TestZIP.archive(entries)
    }

    static func load(_ bytes: [UInt8], limits: XLSXLimits = .default) throws(LoadError) -> Document {
        try TabularLoader.load(bytes: bytes, file: "t.xlsx", xlsxLimits: limits)
    }
}
