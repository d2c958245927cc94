/// One row of a spreadsheet or CSV file as the readers hand it to the mapper.
///
/// Cell text lives in the row's own byte buffer (UTF-8) and cells are ranges into it, so a
/// million-row CSV costs a few appends per cell and no `String` per cell.
struct TableRow {
    /// The row number shown to users: the spreadsheet row, or for CSV the line the row starts on.
    var number: Int = 0
    /// CSV: the line the row ends on (past `number` when a quoted field spans lines).
    var lastLine: Int = 0
    var bytes: [UInt8] = []
    var cells: [TableCell] = []

    mutating func reset(number: Int) {
        self.number = number
        lastLine = number
        bytes.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
    }

    mutating func appendText(_ text: some Sequence<UInt8>, column: Int, line: Int) {
        let start = bytes.count
        bytes.append(contentsOf: text)
        cells.append(TableCell(column: Int32(column), line: Int32(line), sourceColumn: Int32(column),
                               kind: .text, start: Int32(start), length: Int32(bytes.count - start), number: 0))
    }

    func text(_ cell: TableCell) -> String {
        switch cell.kind {
        case .text: String(decoding: bytes[Int(cell.start)..<Int(cell.start + cell.length)], as: UTF8.self)
        case .number: Node.format(cell.number)
        case .bool: cell.number != 0 ? "TRUE" : "FALSE"
        }
    }

    /// True when no cell holds anything (blank rows between blocks are skipped).
    var isBlank: Bool { cells.allSatisfy { $0.kind == .text && $0.length == 0 } }
}

struct TableCell {
    enum Kind: UInt8 { case text, number, bool }
    /// The column the cell stands in (1-based); decides its header.
    var column: Int32
    /// Where the value is written: differs from (row, column) for the copies of a merged range's
    /// value, which point at the range's top-left cell, where a user would edit it.
    var line: Int32
    var sourceColumn: Int32
    var kind: Kind
    var start: Int32
    var length: Int32
    /// The number (or 0/1 for booleans).
    var number: Double
}
