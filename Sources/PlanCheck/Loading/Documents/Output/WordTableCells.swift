/// What the Word reader and recognition know of a `.docx`'s tables, kept so findings can name
/// cells (`plan.docx:表2!C5`): the cell each paragraph sits in, the paragraph of each cell (a
/// blank one included), the header each read table was read by, and the table row each task
/// record came from.
struct WordTableSources: Sendable {
    struct CellKey: Hashable, Sendable {
        var table: Int
        var row: Int
        var column: Int
    }

    struct Header: Sendable {
        /// Column → header as written.
        var written: [Int: String]
        /// Field (as records name it) → column.
        var columns: [String: Int]
    }

    /// Paragraph ordinal (`PlanParagraph.line`) → the cell it sits in.
    private(set) var cellOfParagraph: [Int: CellKey] = [:]
    /// Cell → the ordinal of its first paragraph, blank cells included.
    private(set) var paragraphOfCell: [CellKey: Int] = [:]
    /// Table ordinal → its header.
    private(set) var headers: [Int: Header] = [:]
    /// Index in the `tasks` collection → the row it was read from.
    private(set) var taskRows: [Int: CellKey] = [:]

    init() {}

    init(_ document: PlanDocument) {
        for paragraph in document.paragraphs {
            guard let cell = paragraph.cell else { continue }
            let key = CellKey(table: cell.table, row: cell.row, column: cell.column)
            cellOfParagraph[paragraph.line] = key
            if paragraphOfCell[key] == nil { paragraphOfCell[key] = paragraph.line }
        }
        for blank in document.blankCells where paragraphOfCell[CellKey(table: blank.table, row: blank.row, column: blank.column)] == nil {
            paragraphOfCell[CellKey(table: blank.table, row: blank.row, column: blank.column)] = blank.line
        }
    }

    var isEmpty: Bool { cellOfParagraph.isEmpty }

    mutating func addHeader(_ header: PlanTableReader.Header) {
        guard !isEmpty else { return }
        var columns: [String: Int] = [:]
        for (column, field) in header.fields { columns[field] = column }
        // Table rows fill `number` from the 序号 column and `text` from the task column too.
        if let id = columns["id"] { columns["number"] = id }
        if let title = columns["title"] { columns["text"] = title }
        headers[header.table] = Header(written: header.written, columns: columns)
    }

    mutating func addTask(_ index: Int, row: PlanTableReader.Row) {
        guard !isEmpty else { return }
        taskRows[index] = CellKey(table: row.table, row: row.number, column: 0)
    }

    /// The finding cell of the paragraph `line`, with its column's header unless `whole` (a
    /// finding about the whole row).
    func cell(ofParagraph line: Int, whole: Bool = false) -> FindingCell? {
        guard let key = cellOfParagraph[line] else { return nil }
        return FindingCell(table: key.table, row: key.row, column: key.column, header: whole ? nil : headers[key.table]?.written[key.column])
    }
}

/// The cells of a Word document's tables, for its loaded dataset: nodes are located by their
/// paragraph, and a field a task row leaves empty at the empty cell of its column.
struct WordTableCells: CellLocator {
    let sources: WordTableSources
    /// Record node → its table row (`column` unused).
    let recordRows: [Int32: WordTableSources.CellKey]

    func cell(of node: Node) -> FindingCell? {
        guard var cell = sources.cell(ofParagraph: node.line, whole: node.kind == .map) else { return nil }
        // A row is located at its first filled cell, which may be merged down from the row
        // above: the record still names its own row.
        if let row = recordRows[node.index] { cell.row = row.row }
        return cell
    }

    func place(ofField field: String, in record: Node) -> FieldCell? {
        guard let row = recordRows[record.index], let header = sources.headers[row.table],
              let column = header.columns[field] ?? header.columns[String(field.prefix { $0 != "." })] else { return nil }
        let key = WordTableSources.CellKey(table: row.table, row: row.row, column: column)
        let cell = FindingCell(table: row.table, row: row.row, column: column, header: header.written[column])
        // The cell's own paragraph when the reader saw one (Word keeps one in every cell).
        guard let paragraph = sources.paragraphOfCell[key] else { return FieldCell(line: record.line, column: record.column, cell: cell) }
        return FieldCell(line: paragraph, column: 1, cell: cell)
    }
}
