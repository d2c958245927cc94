/// A plan document (.docx, .txt, .md) as a reader of it sees it: its paragraphs in reading order,
/// numbering rendered. This is the contract between the document readers (which fill it), the
/// structure recognition (which turns it into records) and the review copy / annotated view
/// (which hang findings back on it).
///
/// Locations: a finding on a plan document carries `line` = `PlanParagraph.line` and
/// `column` = `PlanParagraph.column` (1 for .docx) + the Unicode scalars of `PlanParagraph.text`
/// before the spot (1 for the whole paragraph), the way YAML findings count columns.
public struct PlanDocument: Sendable, Equatable {
    public var file: String
    public var paragraphs: [PlanParagraph]
    /// Table cells holding no text (the reader keeps no paragraph for them), each with the
    /// ordinal of its first `<w:p>`: a finding about a field such a cell leaves empty lands on
    /// it. Word documents only.
    public var blankCells: [PlanBlankCell]

    public init(file: String, paragraphs: [PlanParagraph], blankCells: [PlanBlankCell] = []) {
        self.file = file
        self.paragraphs = paragraphs
        self.blankCells = blankCells
    }
}

/// A table cell without text: its place (1-based table ordinal, row, grid column) and its first
/// paragraph's ordinal (`PlanParagraph.line`).
public struct PlanBlankCell: Sendable, Equatable {
    public var table: Int
    public var row: Int
    public var column: Int
    public var line: Int

    public init(table: Int, row: Int, column: Int, line: Int) {
        self.table = table
        self.row = row
        self.column = column
        self.line = line
    }
}

public struct PlanParagraph: Sendable, Equatable {
    /// For .docx: the 1-based ordinal of this paragraph's `<w:p>` element among all `<w:p>`
    /// start tags of `word/document.xml`, in document order — body, tables, content controls and
    /// text boxes alike, whether or not the reader keeps the paragraph. A writer that walks the
    /// same part finds the same element by counting. For .txt/.md: the 1-based line number on
    /// which the paragraph starts.
    public var line: Int
    /// The text as a reader sees it, the rendered numbering label included ("（一）加强组织领导").
    public var text: String
    /// How many Unicode scalars at the start of `text` come from automatic numbering (0 when the
    /// label is typed or absent).
    public var numberingLength: Int
    /// Heading or outline level, 1 = top, nil for body text.
    public var outlineLevel: Int?
    /// Set when the paragraph sits in a table cell.
    public var cell: PlanTableCell?
    /// The source column (1-based, in Unicode scalars) where `text` starts: 1 for .docx; for
    /// .txt/.md more when the reader dropped markup before the text (`## `, a table's `| `), so
    /// a finding's column is `column` + the scalars of `text` before the spot.
    public var column: Int

    public init(line: Int, text: String, numberingLength: Int = 0, outlineLevel: Int? = nil, cell: PlanTableCell? = nil,
                column: Int = 1) {
        self.line = line
        self.text = text
        self.numberingLength = numberingLength
        self.outlineLevel = outlineLevel
        self.cell = cell
        self.column = column
    }
}

/// A table cell, all 1-based: the table's ordinal in the document, the row and the column
/// (grid column, after merged cells are expanded).
public struct PlanTableCell: Sendable, Equatable, Hashable {
    public var table: Int
    public var row: Int
    public var column: Int
    /// How many grid columns the cell spans (`gridSpan`, 1 for a plain cell).
    public var span: Int
    /// The cell continues a vertically merged cell (`vMerge` without `restart`): its value is
    /// the one of the cell above, as a reader of the table sees it.
    public var continuesAbove: Bool

    public init(table: Int, row: Int, column: Int, span: Int = 1, continuesAbove: Bool = false) {
        self.table = table
        self.row = row
        self.column = column
        self.span = span
        self.continuesAbove = continuesAbove
    }
}
