import Foundation

/// Reads a plain-text or Markdown plan: one paragraph per non-blank line (hard-wrapped lines are
/// joined later, by the structure recognition, which knows where an item starts), Markdown
/// headings with their level, and pipe tables (`| 序号 | 任务 | 牵头单位 |`) as table cells.
///
/// Text is decoded as CSV files are (UTF-8 with or without BOM, UTF-16 with a BOM or detected,
/// GB18030 otherwise) and refused when it is not text at all.
enum PlanTextReader {
    static func read(bytes: [UInt8], file: String, markdown: Bool, limits: PlanDocumentLimits) throws(LoadError) -> PlanDocument {
        let utf8: [UInt8]
        do {
            (utf8, _) = try TextDecoder.decode(bytes, as: .auto, file: file)
        } catch {
            // The decoder speaks of tables; a plan document has no `tables:` entry to set.
            var plain = error
            plain.message = plain.message.replacingOccurrences(of: "; save it as UTF-8, or set `encoding:` in its `tables:` entry", with: " (binary data?); save the plan as UTF-8 text")
            throw plain
        }
        var paragraphs: [PlanParagraph] = []
        var table = 0, row = 0, inTable = false, inFence = false, inTabTable = false
        var lineNumber = 0
        // Lines are cut from the UTF-8 bytes (a line feed is never inside a character), and an
        // ordinary line becomes its paragraph's String in one copy: scalar arrays are built
        // only for table rows and Markdown, which need columns.
        var lineStart = 0
        while lineStart <= utf8.count {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.count
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var end = lineEnd
            if end > lineStart, utf8[end - 1] == 0x0D { end -= 1 }
            let bytesOfLine = utf8[lineStart..<end]
            if bytesOfLine.contains(where: isBinaryByte) {
                let scalars = Array(String(decoding: bytesOfLine, as: UTF8.self).unicodeScalars)
                let bad = scalars.firstIndex(where: isBinary) ?? 0
                throw LoadError(file: file, line: lineNumber, column: bad + 1,
                                message: "the file is not text: it holds control character U+\(String(scalars[bad].value, radix: 16, uppercase: true)) (binary data?); a plan document is read from .docx, .txt or .md")
            }
            let string = String(decoding: bytesOfLine, as: UTF8.self)
            guard let first = string.unicodeScalars.first(where: { !$0.properties.isWhitespace }) else { inTable = false; continue }
            // A task table copied from Word into text: cells separated by tabs, under a header
            // row naming at least two known columns (序号, 重点任务, 牵头单位…).
            if !inFence, first != "|", bytesOfLine.contains(0x09) {
                let line = Array(string.unicodeScalars)
                let cells = tabCells(of: line)
                if inTabTable || isTableHeader(cells.map { String(String.UnicodeScalarView(line[$0.range])) }) {
                    if !inTabTable { table += 1; row = 0; inTabTable = true }
                    row += 1
                    for cell in cells where !cell.range.isEmpty {
                        paragraphs.append(PlanParagraph(line: lineNumber, text: String(String.UnicodeScalarView(line[cell.range])),
                                                        cell: PlanTableCell(table: table, row: row, column: cell.column), column: cell.range.lowerBound + 1))
                    }
                    continue
                }
            }
            inTabTable = false
            if !markdown, !inFence, first != "|" {
                inTable = false
                paragraphs.append(PlanParagraph(line: lineNumber, text: string, column: 1))
                if paragraphs.count > limits.maxParagraphs {
                    throw LoadError(file: file, line: lineNumber, column: 1, message: "the document has more than \(limits.maxParagraphs) paragraphs (the limit)")
                }
                continue
            }
            let line = Array(string.unicodeScalars)
            let start = line.firstIndex { !$0.properties.isWhitespace } ?? line.count
            if start == line.count { inTable = false; continue }
            if markdown, line[start...].starts(with: ["`", "`", "`"]) || line[start...].starts(with: ["~", "~", "~"]) {
                inFence.toggle()
                continue
            }
            if inFence { continue }
            if line[start] == "|" {
                if isDelimiterRow(line[start...]) { continue }
                if !inTable { table += 1; row = 0; inTable = true }
                row += 1
                for cell in cells(of: line, from: start) {
                    paragraphs.append(PlanParagraph(line: lineNumber, text: String(String.UnicodeScalarView(line[cell.range])),
                                                    cell: PlanTableCell(table: table, row: row, column: cell.column), column: cell.range.lowerBound + 1))
                }
            } else {
                inTable = false
                var level: Int?
                var from = 0
                if markdown, let heading = headingLevel(line, from: start) {
                    level = heading.level
                    from = heading.textStart
                }
                let body = line[from...]
                guard body.contains(where: { !$0.properties.isWhitespace && $0 != "#" }) else { continue }
                paragraphs.append(PlanParagraph(line: lineNumber, text: String(String.UnicodeScalarView(body)), outlineLevel: level, column: from + 1))
            }
            if paragraphs.count > limits.maxParagraphs {
                throw LoadError(file: file, line: lineNumber, column: 1, message: "the document has more than \(limits.maxParagraphs) paragraphs (the limit)")
            }
        }
        return PlanDocument(file: file, paragraphs: paragraphs)
    }

    /// Whether a `.txt` is a tab-separated table (Excel's "Unicode text" export): one of its
    /// first lines splits on tabs into at least two known ledger headers (序号, 任务, 牵头单位…).
    static func looksLikeTable(_ bytes: [UInt8]) -> Bool {
        // Only the first 64 KB are decoded, cut after a line feed so that no character is split
        // (after the 0x00 that follows it in UTF-16 LE): deciding costs no more for a 50 MB file
        // than for a small one. A first line longer than that is no ledger header.
        var head = bytes[...]
        if bytes.count > 64 * 1024 {
            guard let newline = bytes[..<(64 * 1024)].lastIndex(of: 0x0A) else { return false }
            head = bytes[...(bytes.starts(with: [0xFF, 0xFE]) ? newline + 1 : newline)]
        }
        guard let (utf8, _) = try? TextDecoder.decode(Array(head), as: .auto, file: "") else { return false }
        let text = String(decoding: utf8, as: UTF8.self)
        for line in text.split(separator: "\n").prefix(TableMapper.headerSearchRows) where line.contains("\t") {
            let known = line.split(separator: "\t").filter { HeaderAliases.fields[TableMapper.normalizeHeader(String($0))] != nil }
            if known.count >= 2 { return true }
        }
        return false
    }

    /// The trimmed cells of a tab-separated row, with their columns (an empty cell counts).
    static func tabCells(of line: [Unicode.Scalar]) -> [(range: Range<Int>, column: Int)] {
        var result: [(Range<Int>, Int)] = []
        var start = 0, column = 1
        for i in 0...line.count where i == line.count || line[i] == "\t" {
            var a = start, b = i
            while a < b, line[a].properties.isWhitespace { a += 1 }
            while b > a, line[b - 1].properties.isWhitespace { b -= 1 }
            result.append((a..<b, column))
            column += 1
            start = i + 1
        }
        return result
    }

    /// Whether cells name at least two known table columns.
    static func isTableHeader(_ cells: [String]) -> Bool {
        cells.filter { cell in
            let key = TableMapper.normalizeHeader(cell)
            return HeaderAliases.fields[key] != nil
        }.count >= 2
    }

    /// `isBinary` on a UTF-8 byte: the C0 controls and DEL are single bytes in UTF-8.
    static func isBinaryByte(_ b: UInt8) -> Bool {
        (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D) || b == 0x7F
    }

    /// C0 controls other than tab, line feed, form feed and carriage return, and DEL: no text
    /// editor writes them, binary files are full of them.
    static func isBinary(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0C && v != 0x0D) || v == 0x7F
    }

    /// `# Title` … `###### Title`: the level and where the title's text starts.
    static func headingLevel(_ line: [Unicode.Scalar], from start: Int) -> (level: Int, textStart: Int)? {
        var i = start
        while i < line.count, line[i] == "#" { i += 1 }
        let level = i - start
        guard (1...6).contains(level), i == line.count || line[i] == " " || line[i] == "\t" else { return nil }
        while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 }
        return (level, i)
    }

    /// `|---|:--:|` separates a Markdown table's header from its rows.
    static func isDelimiterRow(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
        line.allSatisfy { "|-: \t".unicodeScalars.contains($0) } && line.contains("-")
    }

    /// The trimmed cells of a pipe-table row (`\|` is a literal bar), with their grid columns.
    static func cells(of line: [Unicode.Scalar], from start: Int) -> [(range: Range<Int>, column: Int)] {
        var result: [(Range<Int>, Int)] = []
        var cellStart = start + 1, i = start + 1, column = 1
        func flush(_ end: Int) {
            var a = cellStart, b = end
            while a < b, line[a].properties.isWhitespace { a += 1 }
            while b > a, line[b - 1].properties.isWhitespace { b -= 1 }
            result.append((a..<b, column))
            column += 1
        }
        while i < line.count {
            if line[i] == "\\", i + 1 < line.count { i += 2; continue }
            if line[i] == "|" { flush(i); cellStart = i + 1 }
            i += 1
        }
        // A row need not close with `|`: text after the last bar is a cell too.
        if cellStart < line.count, line[cellStart...].contains(where: { !$0.properties.isWhitespace }) { flush(line.count) }
        return result.filter { !$0.0.isEmpty }
    }
}
