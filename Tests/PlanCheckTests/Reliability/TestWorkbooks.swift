import Foundation
@testable import PlanCheck

/// Builds ZIP archives and minimal XLSX workbooks in memory, so hostile variants (a huge cell
/// reference, a bad XML part, a cut archive) are generated in the test instead of kept as
/// binary fixtures.
enum TestZIP {
    /// How entries are written: `flags` as given (bit 0 = encrypted); `dataDescriptor` puts
    /// the CRC and sizes after the data (flag bit 3, zeros in the local header), as streaming
    /// writers do; `zip64` writes the sizes as 0xFFFFFFFF with a ZIP64 extra field in the
    /// central directory.
    struct Options { var flags: UInt16 = 0; var dataDescriptor = false; var zip64 = false }

    /// A ZIP of stored (uncompressed) entries, in order.
    static func archive(_ entries: [(path: String, bytes: [UInt8])], options: Options = Options()) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        let flags = options.flags | (options.dataDescriptor ? 8 : 0)
        for (path, bytes) in entries {
            let offset = out.count
            let name = Array(path.utf8)
            let crc = Inflater.crc32(bytes)
            let size = UInt32(bytes.count)
            let local = options.dataDescriptor ? (crc: UInt32(0), size: UInt32(0)) : (crc: crc, size: size)
            out += le32(0x0403_4B50) + le16(20) + le16(flags) + le16(0) + le16(0) + le16(0)
            out += le32(local.crc) + le32(local.size) + le32(local.size) + le16(UInt16(name.count)) + le16(0)
            out += name + bytes
            if options.dataDescriptor { out += le32(0x0807_4B50) + le32(crc) + le32(size) + le32(size) }
            let extra = options.zip64 ? le16(1) + le16(16) + le64(UInt64(bytes.count)) + le64(UInt64(bytes.count)) : []
            let declared = options.zip64 ? UInt32.max : size
            central += le32(0x0201_4B50) + le16(45) + le16(45) + le16(flags) + le16(0) + le16(0) + le16(0)
            central += le32(crc) + le32(declared) + le32(declared)
            central += le16(UInt16(name.count)) + le16(UInt16(extra.count)) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset))
            central += name + extra
        }
        let directoryOffset = out.count
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(UInt32(directoryOffset)) + le16(0)
        return out
    }

    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
    static func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8((v >> (8 * $0)) & 0xFF) } }
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
    static func with(rows: String, replacing parts: [String: [UInt8]] = [:], adding extra: [(String, [UInt8])] = [],
                     options: TestZIP.Options = TestZIP.Options()) -> [UInt8] {
        with(sheetXML: Array("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData></worksheet>".utf8),
             replacing: parts, adding: extra, options: options)
    }

    /// A one-sheet workbook with the given sheet part (and, optionally, other parts replaced,
    /// parts added after them, or the archive written another way).
    static func with(sheetXML: [UInt8], replacing parts: [String: [UInt8]] = [:], adding extra: [(String, [UInt8])] = [],
                     options: TestZIP.Options = TestZIP.Options()) -> [UInt8] {
        var entries: [(String, [UInt8])] = [
            ("xl/workbook.xml", Array(workbookXML.utf8)),
            ("xl/_rels/workbook.xml.rels", Array(relationsXML.utf8)),
            ("xl/worksheets/sheet1.xml", sheetXML),
        ]
        for (i, entry) in entries.enumerated() { if let replacement = parts[entry.0] { entries[i].1 = replacement } }
        return TestZIP.archive(entries + extra, options: options)
    }

    static func load(_ bytes: [UInt8], limits: XLSXLimits = .default) throws(LoadError) -> Document {
        try TabularLoader.load(bytes: bytes, file: "t.xlsx", xlsxLimits: limits)
    }
}
