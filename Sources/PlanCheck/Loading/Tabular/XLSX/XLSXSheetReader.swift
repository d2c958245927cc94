import Foundation

/// Reads one worksheet into rows of typed cells, then spreads merged ranges' values.
struct XLSXSheetReader {
    let workbook: XLSXWorkbook

    func rows(of sheet: XLSXWorkbook.Sheet) throws(LoadError) -> [TableRow] {
        guard let data = try workbook.archive.read(sheet.part) else {
            throw LoadError(file: workbook.file, line: 1, column: 1, message: "sheet `\(sheet.name)` names part \(sheet.part), which the archive does not contain; the workbook is damaged")
        }
        let handler = SheetHandler(workbook: workbook, sheet: sheet.name, part: sheet.part)
        try XMLEvents.parse(data, part: sheet.part, file: workbook.file, limits: workbook.archive.limits, into: handler)
        var rows = handler.rows
        try spreadMerges(handler.merges, over: &rows, sheet: sheet.name)
        return rows
    }

    /// A merged range shows its top-left cell's value across the whole range (one lead unit
    /// written once for several task rows); every row in the range gets that value, located at
    /// the top-left cell, which is where a user edits it.
    func spreadMerges(_ merges: [(top: Int, left: Int, bottom: Int, right: Int)], over rows: inout [TableRow], sheet: String) throws(LoadError) {
        guard !merges.isEmpty else { return }
        // Clamp ranges to the used area, so `A1:XFD1048576` fills nothing that has no data.
        let lastRow = rows.reduce(0) { max($0, $1.number) }
        let lastColumn = rows.reduce(0) { max($0, Int($1.cells.last?.column ?? 0)) }
        var index: [Int: Int] = [:]
        for (i, row) in rows.enumerated() { index[row.number] = i }
        var filled = 0
        for merge in merges {
            guard let anchorRow = index[merge.top].map({ rows[$0] }),
                  let anchor = anchorRow.cells.first(where: { Int($0.column) == merge.left }),
                  merge.top <= lastRow, merge.left <= lastColumn else { continue }
            let anchorText: [UInt8] = anchor.kind == .text ? Array(anchorRow.bytes[Int(anchor.start)..<Int(anchor.start + anchor.length)]) : []
            for r in merge.top...min(merge.bottom, lastRow) {
                for c in merge.left...min(merge.right, lastColumn) where !(r == merge.top && c == merge.left) {
                    filled += 1
                    if filled > workbook.archive.limits.maxMergedCells {
                        throw LoadError(file: workbook.file, line: merge.top, column: merge.left, message: "merged ranges in sheet `\(sheet)` cover more than \(workbook.archive.limits.maxMergedCells) cells; refusing to expand them")
                    }
                    if index[r] == nil {
                        index[r] = rows.count
                        var row = TableRow()
                        row.number = r
                        rows.append(row)
                    }
                    let i = index[r]!
                    var cell = anchor
                    cell.column = Int32(c)
                    if anchor.kind == .text {
                        cell.start = Int32(rows[i].bytes.count)
                        rows[i].bytes.append(contentsOf: anchorText)
                    }
                    rows[i].cells.removeAll { Int($0.column) == c }
                    rows[i].cells.append(cell)
                }
            }
        }
        for i in rows.indices { rows[i].cells.sort { $0.column < $1.column } }
        rows.sort { $0.number < $1.number }
    }
}

private final class SheetHandler: XMLHandler {
    let workbook: XLSXWorkbook
    let sheet: String
    let part: String
    var sawRoot = false
    var rows: [TableRow] = []
    var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []

    var row = TableRow()
    var inRow = false
    var rowNumber = 0
    var column = 0
    var type = "n"
    var style = 0
    var text = ""
    var collecting = false
    var inInline = false
    var inPhonetic = false
    var hasValue = false

    init(workbook: XLSXWorkbook, sheet: String, part: String) {
        self.workbook = workbook
        self.sheet = sheet
        self.part = part
    }

    func start(_ name: Substring, _ a: [String: String]) throws(LoadError) {
        if !sawRoot {
            sawRoot = true
            // A relationship pointing back at the workbook, at a .rels part or at any other
            // part is a damaged (or crafted) workbook, not an empty sheet. Chart and dialog
            // sheets are sheets without cells.
            guard ["worksheet", "chartsheet", "dialogsheet", "macrosheet"].contains(name) else {
                throw LoadError(file: workbook.file, line: 1, column: 1, message: "sheet `\(sheet)` names part \(part), which is not a worksheet (its root element is `\(Self.clip(String(name)))`); the workbook is damaged")
            }
        }
        switch name {
        case "row":
            if let written = a["r"] {
                guard let number = CellAddress.parseRow(written) else {
                    throw LoadError(file: workbook.file, line: max(rowNumber, 1), column: 1, message: "sheet `\(sheet)` has a row numbered `\(Self.clip(written))`; rows are numbered 1 to \(CellAddress.maxRow)")
                }
                rowNumber = number
            } else {
                guard rowNumber < CellAddress.maxRow else {
                    throw LoadError(file: workbook.file, line: rowNumber, column: 1, message: "sheet `\(sheet)` has more than \(CellAddress.maxRow) rows, the format's limit")
                }
                rowNumber += 1
            }
            row.reset(number: rowNumber)
            inRow = true
            column = 0
        case "c":
            if let reference = a["r"] {
                guard let parsed = CellAddress.parse(reference) ?? CellAddress.parseColumn(reference).map({ (rowNumber, $0) }) else {
                    throw LoadError(file: workbook.file, line: max(rowNumber, 1), column: min(column + 1, CellAddress.maxColumn),
                                    message: "sheet `\(sheet)` has a cell with the malformed or out-of-range reference `\(Self.clip(reference))` (cells run from A1 to XFD\(CellAddress.maxRow))")
                }
                column = parsed.column
            } else {
                guard column < CellAddress.maxColumn else {
                    throw LoadError(file: workbook.file, line: max(rowNumber, 1), column: column, message: "sheet `\(sheet)` has a row with cells past column XFD (\(CellAddress.maxColumn)), the format's limit")
                }
                column += 1
            }
            type = a["t"] ?? "n"
            // An unreadable or negative style index means the default style, as in Excel.
            style = a["s"].flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil } ?? 0
            text = ""
            hasValue = false
        case "v":
            collecting = true
            text = ""
            hasValue = true
        case "is":
            inInline = true
            text = ""
            hasValue = true
        case "t" where inInline && !inPhonetic:
            collecting = true
        case "rPh":
            inPhonetic = true
        case "mergeCell":
            if let ref = a["ref"] {
                let parts = ref.split(separator: ":")
                if let first = parts.first.flatMap({ CellAddress.parse($0) }) {
                    let last = parts.count > 1 ? CellAddress.parse(parts[1]) ?? first : first
                    merges.append((min(first.row, last.row), min(first.column, last.column),
                                   max(first.row, last.row), max(first.column, last.column)))
                }
            }
        default: break
        }
    }

    func end(_ name: Substring) throws(LoadError) {
        switch name {
        case "v", "t": collecting = false
        case "rPh": inPhonetic = false
        case "is": inInline = false
        case "c": try finishCell()
        case "row":
            if !row.cells.isEmpty {
                row.cells.sort { $0.column < $1.column }
                rows.append(row)
            }
            inRow = false
        default: break
        }
    }

    func characters(_ string: String) { if collecting { text += string } }

    func finishCell() throws(LoadError) {
        guard hasValue else { return }
        switch type {
        case "s":
            guard let i = Int(text), i >= 0, i < workbook.sharedStrings.count else {
                throw LoadError(file: workbook.file, line: rowNumber, column: column, message: "cell \(sheet)!\(CellAddress.name(row: rowNumber, column: column)) refers to shared string \(text), which the workbook does not have; the file is damaged")
            }
            row.appendText(workbook.sharedStrings[i].utf8, column: column, line: rowNumber)
        case "b":
            appendNumber(text == "1" || text == "true" ? 1 : 0, kind: .bool)
        case "d":
            // ISO 8601 date cells (strict OOXML); a checker wants the date part when there is no time.
            let iso = text.hasSuffix("T00:00:00") || text.hasSuffix("T00:00:00Z") ? String(text.prefix(10)) : text
            row.appendText(iso.utf8, column: column, line: rowNumber)
        case "n":
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return }
            guard let value = Double(trimmed) else {
                throw LoadError(file: workbook.file, line: rowNumber, column: column, message: "cell \(sheet)!\(CellAddress.name(row: rowNumber, column: column)) holds `\(trimmed)`, which is not a number")
            }
            let kind = style < workbook.styleKinds.count ? workbook.styleKinds[style] : .number
            if kind != .number, let iso = SpreadsheetDates.iso(serial: value, kind: kind, date1904: workbook.date1904) {
                row.appendText(iso.utf8, column: column, line: rowNumber)
            } else {
                appendNumber(value, kind: .number)
            }
        default: // str (formula result), inlineStr, e (error text such as #N/A)
            row.appendText(text.utf8, column: column, line: rowNumber)
        }
    }

    /// At most 40 characters of a reference quoted in a message (a hostile one can be megabytes).
    static func clip(_ text: String) -> String { text.count > 40 ? text.prefix(40) + "…" : text }

    func appendNumber(_ value: Double, kind: TableCell.Kind) {
        row.cells.append(TableCell(column: Int32(column), line: Int32(rowNumber), sourceColumn: Int32(column),
                                   kind: kind, start: 0, length: 0, number: value))
    }
}
