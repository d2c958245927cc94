import Foundation

/// Hostile workbooks and Word packages: shared strings out of range, sheets naming missing or
/// wrong parts, relationship loops, duplicate names, encrypted entries — and, valid, the ZIP
/// variants other writers produce (data descriptors, ZIP64 fields) and numbering.xml lists
/// that refer to themselves or start at the ends of the number range.
extension HostileCorpus {
    /// Each must be a located input error.
    static var invalidArchives: [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = []
        for (label, index) in [("5", "5"), ("huge", "4294967296"), ("negative", "-1")] {
            files.append(("shared-string-\(label).xlsx", Self.sharedStringWorkbook(index: index)))
        }
        files.append(("sheet-missing.xlsx", TestZIP.archive([("xl/workbook.xml", Array(TestWorkbook.workbookXML.utf8)),
                                                              ("xl/_rels/workbook.xml.rels", Array(TestWorkbook.relationsXML.utf8))])))
        // The sheet's relationship points back at the workbook, at the relationships part itself.
        for (label, target) in [("workbook", "workbook.xml"), ("rels", "_rels/workbook.xml.rels")] {
            let relations = TestWorkbook.relationsXML.replacingOccurrences(of: "worksheets/sheet1.xml", with: target)
            files.append(("rels-loop-\(label).xlsx", TestWorkbook.with(rows: "", replacing: ["xl/_rels/workbook.xml.rels": Array(relations.utf8)])))
        }
        files.append(("zip-duplicate.xlsx", TestWorkbook.with(rows: "", adding: [("xl/worksheets/sheet1.xml", Array("<worksheet/>".utf8))])))
        files.append(("zip-duplicate-case.xlsx", TestWorkbook.with(rows: "", adding: [("XL/Worksheets/Sheet1.xml", Array("<worksheet/>".utf8))])))
        files.append(("zip-encrypted.xlsx", TestWorkbook.with(rows: Self.taskRows, options: TestZIP.Options(flags: 1))))
        files.append(("zip-duplicate.docx", (try? DocxFixture.package(body: "", extra: ["word/Document.xml": "<w:document/>"])) ?? []))
        let levels = Self.hostileNumbering[1].numbering
        for (label, value) in [("negative", "-1"), ("huge", "99999"), ("int64-min", "-9223372036854775808")] {
            files.append(("numbering-ilvl-\(label).docx", (try? DocxFixture.package(body: Self.outOfRangeLevel(value), numbering: levels)) ?? []))
        }
        return files
    }

    /// Each must be read (exit code 0 or 1).
    static var validArchives: [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = []
        files.append(("zip-data-descriptor.xlsx", TestWorkbook.with(rows: Self.taskRows, options: TestZIP.Options(dataDescriptor: true))))
        files.append(("zip64.xlsx", TestWorkbook.with(rows: Self.taskRows, options: TestZIP.Options(zip64: true))))
        files.append(("zip64-descriptor.xlsx", TestWorkbook.with(rows: Self.taskRows, options: TestZIP.Options(dataDescriptor: true, zip64: true))))
        for (name, numbering, styles) in Self.hostileNumbering {
            files.append((name, (try? DocxFixture.package(body: Self.numberedBody, numbering: numbering, styles: styles)) ?? []))
        }
        return files
    }

    static let taskRows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>lead</t></is></c></row>"
        + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>T1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>市发展改革委</t></is></c></row>"

    /// A workbook with one shared string whose second row's first cell refers to string `index`.
    static func sharedStringWorkbook(index: String) -> [UInt8] {
        let rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>\(index)</v></c></row>"
        let strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>id</t></si></sst>"
        return TestWorkbook.with(rows: rows, adding: [("xl/sharedStrings.xml", Array(strings.utf8))])
    }

    /// Fifty numbered paragraphs over all nine levels of list 1, in paragraph style `L`.
    static var numberedBody: String {
        (0..<50).map { DocxFixture.paragraph("任务\($0)：市发展改革委牵头，2024年底前完成", numId: 1, ilvl: $0 % 9, style: "L") }.joined()
    }

    /// A paragraph at a list level Word does not have (levels are 0–8): refused, at its paragraph.
    static func outOfRangeLevel(_ value: String) -> String {
        numberedBody + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(value)\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"
    }

    /// numbering.xml (and styles.xml) that a reader could loop on or overflow with.
    static var hostileNumbering: [(name: String, numbering: String, styles: String?)] {
        func levels(_ content: (Int) -> String) -> String {
            "<w:abstractNum w:abstractNumId=\"1\">" + (0..<9).map { "<w:lvl w:ilvl=\"\($0)\">\(content($0))</w:lvl>" }.joined() + "</w:abstractNum>"
        }
        let instance = "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
        // Style L is based on itself and puts its paragraphs in list 1, whose definition links
        // back to style L (numStyleLink): every lookup could go round forever.
        let selfLinked = levels { _ in "<w:lvlText w:val=\"%1.%2.%3.%4.%5.%6.%7.%8.%9.\"/><w:pStyle w:val=\"L\"/>" }
            .replacingOccurrences(of: "<w:abstractNum w:abstractNumId=\"1\">", with: "<w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink w:val=\"L\"/>")
        let loopStyles = "<w:style w:type=\"paragraph\" w:styleId=\"L\"><w:name w:val=\"L\"/><w:basedOn w:val=\"L\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
        return [
            ("numbering-self-linked.docx", selfLinked + instance, loopStyles),
            ("numbering-start-min.docx", levels { "<w:start w:val=\"-9223372036854775808\"/><w:numFmt w:val=\"ideographTraditional\"/><w:lvlText w:val=\"%\($0 + 1)\"/>" } + instance, nil),
            ("numbering-start-max.docx", levels { "<w:start w:val=\"9223372036854775807\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%\($0 + 1)\"/>" } + instance, nil),
            ("numbering-letters.docx", levels { "<w:start w:val=\"2000000000\"/><w:numFmt w:val=\"upperLetter\"/><w:lvlText w:val=\"%\($0 + 1)\"/>" } + instance, nil),
            ("numbering-many-holes.docx", levels { _ in "<w:lvlText w:val=\"" + String(repeating: "%9", count: 5_000) + "\"/>" } + instance, nil),
        ]
    }
}
