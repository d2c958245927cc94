/// Where the nodes of a document read from tables sit as cells. The tabular loader
/// (`TabularCells`) and the Word reader (`WordTableCells`) set one on the documents they build.
protocol CellLocator: Sendable {
    /// The cell node `node` was read from, nil for nodes outside every table.
    func cell(of node: Node) -> FindingCell?
    /// Where field `field` of the record `record` is written, or would be when the record leaves
    /// it out (an empty cell): the cell where the record's row meets the field's column. Nil
    /// when the record is no table row or its table has no column for the field.
    func place(ofField field: String, in record: Node) -> FieldCell?
}

/// A field's cell and the line and column a finding there carries (the cell's row and column in
/// a worksheet, the line of the row and the field number in a CSV file, the cell's paragraph in
/// a Word document).
struct FieldCell: Sendable {
    var line: Int
    var column: Int
    var cell: FindingCell
}

extension Node {
    /// The table cell this node was read from (CSV/TSV files, worksheets, Word tables), else nil.
    /// A record (a row's map) names its first cell, without a header.
    public var cell: FindingCell? { document.cells?.cell(of: self) }

    /// Where field `field` of this record is, or would be: its cell, for records read from
    /// tables whose header has a column for the field.
    func place(ofField field: String) -> FieldCell? { document.cells?.place(ofField: field, in: self) }
}
