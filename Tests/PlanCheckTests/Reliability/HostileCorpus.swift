import Foundation
@testable import PlanCheck

/// Hostile and broken files, generated: truncated and garbage ZIPs, bad XML parts, cell
/// references past the format, scalar roots, deep nesting, alias bombs, invalid UTF-8, NUL
/// bytes, malformed CSV (here), and the text and archive groups of HostileTextCorpus.swift and
/// HostileArchiveCorpus.swift. Every one of `files` must be an input error (exit 2, located),
/// every one of `validFiles` read; none may crash. docs/reliability.md lists the categories.
enum HostileCorpus {
    static var files: [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = []
        let text = { (name: String, body: String) in files.append((name, Array(body.utf8))) }
        let good = ZIPReaderTests.good

        // ZIP containers.
        files.append(("cut-22.xlsx", Array(good.suffix(22))))
        files.append(("cut-half.xlsx", Array(good.prefix(good.count / 2))))
        files.append(("cut-tail.xlsx", Array(good.dropLast(1))))
        files.append(("garbage.xlsx", Array("PK".utf8) + (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }))
        files.append(("eocd-only.xlsx", Array("PK".utf8) + TestZIP.le32(0x0605_4B50) + [0, 0, 0, 0, 1, 0, 1, 0] + TestZIP.le32(46) + TestZIP.le32(0xFFFF_FF00) + [0, 0]))
        files.append(("empty-archive.xlsx", Array("PK".utf8) + TestZIP.le32(0x0605_4B50).dropFirst(2) + Array(repeating: 0, count: 18)))
        files.append(("not-zip.xlsx", Array("hello".utf8)))
        files.append(("xls.xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        files.append(("declared-huge.xlsx", (try? FileReader.read(TabularFixtures.path("declared-huge.xlsx"))) ?? []))
        files.append(("understated.xlsx", (try? FileReader.read(TabularFixtures.path("understated.xlsx"))) ?? []))

        // XML parts that crashed Foundation's XMLParser, in each part the reader visits.
        let badUTF8Name: [UInt8] = [0x3C, 0xF9, 0xF9, 0x50, 0x3F]
        for (label, part) in [("sheet", "xl/worksheets/sheet1.xml"), ("workbook", "xl/workbook.xml"), ("rels", "xl/_rels/workbook.xml.rels")] {
            let replaced = TestWorkbook.with(sheetXML: Array("<worksheet><sheetData/></worksheet>".utf8), replacing: [part: badUTF8Name])
            files.append(("bad-utf8-name-\(label).xlsx", part.hasSuffix("sheet1.xml") ? TestWorkbook.with(sheetXML: badUTF8Name) : replaced))
            files.append(("pi-only-\(label).xlsx", TestWorkbook.with(sheetXML: Array("<worksheet><sheetData/></worksheet>".utf8), replacing: [part: Array("<?e?>".utf8)])))
        }
        files.append(("doctype-bomb.xlsx", TestWorkbook.with(sheetXML: Array("<!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet>&b;</worksheet>".utf8))))
        files.append(("external-entity.xlsx", TestWorkbook.with(sheetXML: Array("<!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><worksheet>&x;</worksheet>".utf8))))
        files.append(("deep-xml.xlsx", TestWorkbook.with(sheetXML: Array((String(repeating: "<a>", count: 50_000) + String(repeating: "</a>", count: 50_000)).utf8))))

        // Cell and row numbers past the format.
        for (i, reference) in ["99999999999999999999", "A99999999999999999999999", "ZZZZZZZZZZZZZZZZZZZZ1", "ZZZZZZZZZZZZZZ", "ZZZZZZZ", "AAAAAAA", "AAAAAA"].enumerated() {
            files.append(("ref-\(i).xlsx", TestWorkbook.with(rows: "<row r=\"1\"><c r=\"\(reference)\"><v>1</v></c></row>")))
        }
        files.append(("row-3e9.xlsx", TestWorkbook.with(rows: "<row r=\"3000000000\"><c><v>1</v></c></row>")))
        files.append(("shared-string-huge.xlsx", TestWorkbook.with(rows: "<row r=\"1\"><c t=\"s\"><v>99999999999999999999</v></c></row>")))

        // Documents that are no dataset, or too deep, or bombs.
        text("scalar.yaml", "hello\n")
        text("scalar.json", "\"text\"")
        text("number.json", "42")
        text("deep.yaml", String(repeating: "[", count: 100_000))
        text("deep.json", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        text("deep-map.yaml", (0..<2_000).map { String(repeating: " ", count: $0) + "a:\n" }.joined())
        text("laughs.yaml", laughs(then: ""))
        text("duplicate.yaml", "tasks: []\ntasks: []\n")
        text("duplicate.json", "{\"a\": 1, \"a\": 2}")

        // Bytes that are no text.
        files.append(("utf8.yaml", Array("tasks: [\"".utf8) + [0xC3, 0x28] + Array("\"]\n".utf8)))
        files.append(("utf8.json", Array("{\"a\": \"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8)))
        files.append(("nul.yaml", Array("tasks: [a".utf8) + [0] + Array("b]\n".utf8)))
        files.append(("nul.json", Array("{\"a\": 1".utf8) + [0] + Array("}".utf8)))
        files.append(("nul.csv", Array("id,lead\nT1,a".utf8) + [0] + Array("b\n".utf8)))

        // Tables.
        text("empty.csv", "")
        text("blank.csv", "\n\n\n")
        text("delimiters.csv", "id,lead,deadline\nT1,a,2024-01-01\nT2;b;2024-02-01\n")
        text("open-quote.csv", "id,lead\nT1,\"never closed\n")
        text("empty.yaml", "")
        return files + invalidText + invalidArchives
    }

    /// Odd files that are valid: each must be read (exit code 0 or 1), never refused or crashed on.
    static var validFiles: [(name: String, bytes: [UInt8])] { validText + validArchives }

    /// A billion-laughs prefix: nine levels of ten aliases each, then `tail`.
    static func laughs(then tail: String) -> String {
        var text = "l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n"
        for i in 1...9 { text += "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        return text + tail
    }
}
