/// The cells of the tables of a CSV/TSV file or a workbook: the node range of each table's
/// records, each column's header as written and the column of each field — so a finding about
/// a field a row leaves empty can name the empty cell (`D4`), not the row's first one.
///
/// A table costs one entry, whatever its size: a record's row is its node's line (mapped to
/// Excel's row number for CSV, below) and a field's column comes from the header.
struct TabularCells: CellLocator {
    struct Table: Sendable {
        /// The table's first and last node (its records and everything in them).
        var start: Int32
        var end: Int32
        /// Column → header as written (trimmed), for every non-empty header cell.
        var headers: [Int: String]
        /// Field (as the records name it, after mapping) → its column.
        var columns: [String: Int]
    }

    /// In node order.
    var tables: [Table]
    /// CSV files: Excel's row numbers, which differ from lines after a record spanning lines;
    /// nil for workbooks, whose nodes carry their row as `line`.
    var rows: SpreadsheetRows?

    func cell(of node: Node) -> FindingCell? {
        guard let table = table(holding: node.index) else { return nil }
        let column = node.column
        return FindingCell(row: row(ofLine: node.line), column: column, header: node.kind == .map ? nil : table.headers[column])
    }

    func place(ofField field: String, in record: Node) -> FieldCell? {
        guard let table = table(holding: record.index) else { return nil }
        // A dotted path (`owner.name`) names a column by its first segment: rows are flat.
        let name = table.columns[field] != nil ? field : String(field.prefix { $0 != "." })
        guard let column = table.columns[name] else { return nil }
        let line = record.line
        return FieldCell(line: line, column: column, cell: FindingCell(row: row(ofLine: line), column: column, header: table.headers[column]))
    }

    func row(ofLine line: Int) -> Int { rows?.row(ofLine: line) ?? line }

    private func table(holding index: Int32) -> Table? {
        guard let found = tables.lazy.map(\.start).lastIndex(atOrBefore: index), tables[found].end >= index else { return nil }
        return tables[found]
    }
}

/// The row numbers a spreadsheet shows for the records of a CSV file. Excel gives each record
/// one row, blank lines included, so a record whose quoted field spans three lines moves every
/// later record up two rows from its line number. Only such records are stored.
struct SpreadsheetRows: Sendable {
    struct Span: Sendable {
        var firstLine: Int
        var lastLine: Int
        var row: Int
    }

    /// Records spanning more than one line, in order (their first lines apart, for the search).
    private(set) var spans: [Span] = []
    private var firstLines: [Int] = []

    /// Notes the record on lines `firstLine…lastLine`, which is row `row`.
    mutating func add(firstLine: Int, lastLine: Int, row: Int) {
        guard lastLine > firstLine else { return }
        spans.append(Span(firstLine: firstLine, lastLine: lastLine, row: row))
        firstLines.append(firstLine)
    }

    var isEmpty: Bool { spans.isEmpty }

    /// The row of the record on (or spanning) line `line`.
    func row(ofLine line: Int) -> Int {
        guard let found = firstLines.lastIndex(atOrBefore: line) else { return line }
        let span = spans[found]
        // Every record between two spans is one line, one row.
        return line <= span.lastLine ? span.row : span.row + (line - span.lastLine)
    }
}
