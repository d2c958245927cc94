/// A cell of a table a finding is about: its row and column as the table's reader numbers them
/// (a spreadsheet's row, a CSV file's record counted as Excel counts rows, a Word table's row
/// after merged cells are resolved) and the header of its column as the file writes it.
///
/// Kept beside `Finding.line`/`column`, which stay what tools need: the worksheet cell, the CSV
/// line and field, the Word paragraph.
public struct FindingCell: Sendable, Hashable, Codable {
    /// The Word table's ordinal in the document (1-based), nil for CSV files and worksheets
    /// (a worksheet's name is `Finding.sheet`).
    public var table: Int?
    public var row: Int
    public var column: Int
    /// The header of the cell's column as written (`牵头单位`, even when `mapping:` or `tables:`
    /// renamed it to `lead`); nil for a finding about the whole row, or a column without one.
    public var header: String?

    public init(table: Int? = nil, row: Int, column: Int, header: String? = nil) {
        self.table = table
        self.row = row
        self.column = column
        self.header = header
    }

    /// `D4`.
    public var address: String { CellAddress.name(row: row, column: column) }
}
