import Foundation

/// Walks `word/document.xml` and collects its paragraphs as a reader sees them: runs joined,
/// tracked insertions kept and deletions dropped, field results kept and field codes dropped,
/// hidden text dropped, list labels rendered, table cells placed on the grid.
///
/// Every `<w:p>` start tag is counted (the paragraph's `line`), wherever it sits, so the review
/// copy finds the same element by counting; paragraphs in text boxes and in the fallback half
/// of `mc:AlternateContent` are counted but not kept (banners and duplicates, not plan text).
final class WordBodyReader: XMLHandler {
    let file: String
    let limits: PlanDocumentLimits
    let styles: WordStyles?
    let numbering: WordNumbering?
    private(set) var paragraphs: [PlanParagraph] = []
    /// Cells whose paragraphs were all blank, so none was kept (findings about empty cells).
    private(set) var blankCells: [PlanBlankCell] = []

    private struct Paragraph {
        var line: Int
        var kept: Bool
        var text = ""
        var style: String?
        var numId: Int?
        var ilvl: Int?
        var outlineLevel: Int?
        var cell: PlanTableCell?
    }

    private struct Table {
        var ordinal: Int
        var row = 0
        var nextColumn = 1
        var cellColumn = 1
        var cellSpan = 1
        var cellContinues = false
        /// The current cell's first paragraph, and whether any of its paragraphs was kept.
        var cellFirstParagraph: Int?
        var cellKept = false
    }

    private var paragraphCount = 0
    private var tableCount = 0
    private var open: [Paragraph] = []
    private var tables: [Table] = []
    private var depth = 0
    /// Inside `w:del` / `w:moveFrom`: deleted text.
    private var deletedDepth = 0
    /// Inside `w:pPrChange`, `w:rPrChange`, …: formatting before a tracked change.
    private var changeDepth = 0
    /// Inside a text box or the fallback of `mc:AlternateContent`.
    private var skippedDepth = 0
    private var runDepth = 0
    private var inRunProperties = false
    private var inParagraphProperties = false
    private var runHidden = false
    private var inText = false
    /// Complex fields (`fldChar` begin/separate/end): true while in a field's code, whose text
    /// is not shown.
    private var fields: [Bool] = []

    init(file: String, limits: PlanDocumentLimits, styles: WordStyles?, numbering: WordNumbering?) {
        self.file = file
        self.limits = limits
        self.styles = styles
        self.numbering = numbering
    }

    private var showsText: Bool { deletedDepth == 0 && changeDepth == 0 && !runHidden && !fields.contains(true) }

    func start(_ name: Substring, _ attributes: [String: String]) throws(LoadError) {
        depth += 1
        if depth > limits.maxElementDepth {
            throw LoadError(file: file, line: max(paragraphCount, 1), column: 1,
                            message: "word/document.xml nests elements more than \(limits.maxElementDepth) deep (Word nests a few tens); refusing to read it")
        }
        switch name {
        case "p":
            paragraphCount += 1
            let kept = skippedDepth == 0
            if !tables.isEmpty, tables[tables.count - 1].cellFirstParagraph == nil { tables[tables.count - 1].cellFirstParagraph = paragraphCount }
            let cell = tables.last.map { PlanTableCell(table: $0.ordinal, row: $0.row, column: $0.cellColumn, span: $0.cellSpan, continuesAbove: $0.cellContinues) }
            open.append(Paragraph(line: paragraphCount, kept: kept, cell: cell))
        case "pPr": inParagraphProperties = true
        case "pStyle" where inParagraphProperties && changeDepth == 0: setLast { $0.style = WordAttributes.value(attributes, "val") }
        case "numId" where inParagraphProperties && changeDepth == 0: setLast { $0.numId = WordAttributes.int(attributes, "val") }
        case "ilvl" where inParagraphProperties && changeDepth == 0: setLast { $0.ilvl = WordAttributes.int(attributes, "val") }
        case "outlineLvl" where inParagraphProperties && changeDepth == 0: setLast { $0.outlineLevel = WordAttributes.int(attributes, "val") }
        case "r":
            runDepth += 1
            runHidden = false
        case "rPr" where runDepth > 0 && !inParagraphProperties: inRunProperties = true
        case "vanish", "specVanish": if inRunProperties, changeDepth == 0 { runHidden = WordAttributes.isOn(attributes) }
        case "t": inText = true
        case "tab" where runDepth > 0 && !inParagraphProperties: appendText("\t")
        case "br", "cr":
            let type = WordAttributes.value(attributes, "type") ?? "textWrapping"
            if runDepth > 0, type == "textWrapping" { appendText("\n") }
        case "noBreakHyphen": if runDepth > 0 { appendText("-") }
        case "fldChar":
            switch WordAttributes.value(attributes, "fldCharType") {
            case "begin": fields.append(true)
            case "separate": if !fields.isEmpty { fields[fields.count - 1] = false }
            case "end": if !fields.isEmpty { fields.removeLast() }
            default: break
            }
        case "del", "moveFrom": if !inParagraphProperties && !inRunProperties { deletedDepth += 1 }
        case "pPrChange", "rPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange", "numberingChange": changeDepth += 1
        case "txbxContent", "Fallback": skippedDepth += 1
        case "tbl":
            tableCount += 1
            tables.append(Table(ordinal: tableCount))
        case "tr":
            if !tables.isEmpty { tables[tables.count - 1].row += 1; tables[tables.count - 1].nextColumn = 1 }
        case "gridBefore":
            if !tables.isEmpty, changeDepth == 0 { tables[tables.count - 1].nextColumn += max(0, min(WordAttributes.int(attributes, "val") ?? 0, 1000)) }
        case "tc":
            if !tables.isEmpty {
                tables[tables.count - 1].cellColumn = tables[tables.count - 1].nextColumn
                tables[tables.count - 1].cellSpan = 1
                tables[tables.count - 1].cellContinues = false
                tables[tables.count - 1].cellFirstParagraph = nil
                tables[tables.count - 1].cellKept = false
            }
        case "gridSpan":
            if !tables.isEmpty, changeDepth == 0 { tables[tables.count - 1].cellSpan = max(1, min(WordAttributes.int(attributes, "val") ?? 1, 1000)) }
        case "vMerge":
            if !tables.isEmpty, changeDepth == 0 { tables[tables.count - 1].cellContinues = WordAttributes.value(attributes, "val") != "restart" }
        default: break
        }
    }

    func end(_ name: Substring) throws(LoadError) {
        depth -= 1
        switch name {
        case "p":
            guard let paragraph = open.popLast() else { return }
            try finish(paragraph)
        case "pPr": inParagraphProperties = false
        case "rPr": inRunProperties = false
        case "r":
            runDepth = max(0, runDepth - 1)
            runHidden = false
        case "t": inText = false
        case "del", "moveFrom": if !inParagraphProperties && !inRunProperties { deletedDepth = max(0, deletedDepth - 1) }
        case "pPrChange", "rPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange", "numberingChange": changeDepth = max(0, changeDepth - 1)
        case "txbxContent", "Fallback": skippedDepth = max(0, skippedDepth - 1)
        case "tbl": _ = tables.popLast()
        case "tc":
            if let table = tables.last {
                if !table.cellKept, let first = table.cellFirstParagraph {
                    blankCells.append(PlanBlankCell(table: table.ordinal, row: table.row, column: table.cellColumn, line: first))
                }
                tables[tables.count - 1].nextColumn += table.cellSpan
            }
        default: break
        }
    }

    func characters(_ text: String) {
        if inText { appendText(text) }
    }

    private func setLast(_ change: (inout Paragraph) -> Void) {
        guard !open.isEmpty else { return }
        change(&open[open.count - 1])
    }

    private func appendText(_ text: String) {
        guard showsText, !open.isEmpty else { return }
        open[open.count - 1].text += text
    }

    private func finish(_ paragraph: Paragraph) throws(LoadError) {
        if let raw = paragraph.ilvl, !(0..<WordNumbering.levels).contains(raw) {
            throw LoadError(file: file, line: paragraph.line, column: 1,
                            message: "the paragraph's list level is \(raw) (w:ilvl); Word lists have levels 0–\(WordNumbering.levels - 1) — a damaged or crafted document; refusing to read it")
        }
        var numId = paragraph.numId
        var ilvl = paragraph.ilvl
        var outline = paragraph.outlineLevel
        if let style = paragraph.style, let inherited = styles?.properties(of: style) {
            if numId == nil {
                numId = inherited.numId
                if ilvl == nil { ilvl = inherited.ilvl ?? numId.flatMap { numbering?.level(of: style, in: $0, styles: styles) } }
            }
            if outline == nil { outline = inherited.outlineLevel }
        }
        // The counter advances for every numbered paragraph, kept or not, empty or not: Word
        // shows a number on an empty numbered paragraph, and the next one counts on from it.
        var label = ""
        if let numId, let numbering, let rendered = numbering.next(numId: numId, ilvl: ilvl ?? 0, styles: styles) {
            label = rendered.label
        }
        guard paragraph.kept else { return }
        let text = label + paragraph.text
        let blank = !paragraph.text.unicodeScalars.contains { !$0.properties.isWhitespace }
        // Empty paragraphs are spacing, except the first paragraph of a merged cell's
        // continuation, which says the cell above spans this row.
        if blank && !(paragraph.cell?.continuesAbove ?? false) { return }
        let level = outline.flatMap { (0...8).contains($0) ? $0 + 1 : nil }
        if paragraph.cell != nil, !tables.isEmpty { tables[tables.count - 1].cellKept = true }
        paragraphs.append(PlanParagraph(line: paragraph.line, text: blank ? "" : text, numberingLength: blank ? 0 : label.unicodeScalars.count,
                                        outlineLevel: level, cell: paragraph.cell))
        if paragraphs.count > limits.maxParagraphs {
            throw LoadError(file: file, line: paragraph.line, column: 1, message: "the document has more than \(limits.maxParagraphs) paragraphs (the limit)")
        }
    }
}
