/// Reads a table of a plan (a 任务分解表 in Word, a pipe table in text) as task rows: the header
/// row names the fields through the tabular header aliases (序号/任务/牵头单位/责任单位/配合单位/
/// 完成时限…); a row with one value across the table (`一、基础设施`) names the area of the rows
/// below it; vertically merged cells hold the value of the cell above, as a reader sees them.
struct PlanTableReader {
    struct Row {
        var number: Int
        /// The table's ordinal in the document (its cells' `PlanTableCell.table`).
        var table = 0
        var position: SourcePosition
        var id: Located<String>?
        var title: Located<String>?
        var text: Located<String>?
        var area: Located<String>?
        var lead: [Located<String>] = []
        var participants: [Located<String>] = []
        var responsible: [Located<String>] = []
        var owner: Located<String>?
        var due: Located<String>?
        var status: Located<String>?
        var note: Located<String>?
    }

    /// Unit columns that name no leading role: participants beside a lead column, else responsible.
    static let responsibleHeaders = HeaderAliases.responsibleHeaders

    /// The header row a table was read by: column → field, column → header as written.
    struct Header: Sendable, Equatable {
        var table: Int
        var fields: [Int: String]
        var written: [Int: String]
    }

    /// The rows of the table made of `indices` (paragraphs of `document`) and its header, or
    /// nil when no header row is recognised.
    static func read(_ indices: [Int], in document: PlanDocument) -> (header: Header, rows: [Row])? {
        var grid: [Int: [Int: LocatedText]] = [:]
        var order: [Int] = []
        for index in indices {
            let paragraph = document.paragraphs[index]
            guard let cell = paragraph.cell else { continue }
            if grid[cell.row] == nil { grid[cell.row] = [:]; order.append(cell.row) }
            if cell.continuesAbove, paragraph.text.isEmpty, let above = grid[cell.row - 1]?[cell.column] {
                grid[cell.row]![cell.column] = above
                continue
            }
            if grid[cell.row]![cell.column] != nil {
                grid[cell.row]![cell.column]!.appendSeparator("\n")
                grid[cell.row]![cell.column]!.append(paragraph)
            } else {
                grid[cell.row]![cell.column] = LocatedText(paragraph)
            }
        }
        // The header: among the first rows, the one naming the most known fields (two at least).
        var header: (row: Int, fields: [Int: String])?
        for row in order.prefix(3) {
            let fields = mapHeader(grid[row] ?? [:])
            if fields.count >= 2, fields.count > header?.fields.count ?? 0 { header = (row, fields) }
        }
        guard var header else { return nil }
        let table = indices.lazy.compactMap { document.paragraphs[$0].cell?.table }.first ?? 0
        // A header over two rows (`责任分工` spanning `牵头单位 | 配合单位`): the row below the
        // header names fields in its own cells and repeats (or leaves empty) the others.
        var headerEnd = header.row
        if let next = order.first(where: { $0 > header.row }), let cells = grid[next] {
            let below = mapHeader(cells)
            let upper = grid[header.row] ?? [:]
            let onlyNames = cells.allSatisfy { column, text in
                below[column] != nil || text.isEmpty || upper[column].map { $0.string(0..<$0.count) == text.string(0..<text.count) } == true
            }
            if onlyNames, !below.isEmpty, below.contains(where: { header.fields[$0.key] != $0.value }) {
                header.fields.merge(below) { $1 }
                header.fields = fixResponsible(header.fields, cells: upper.merging(cells) { $1 })
                headerEnd = next
            }
        }
        var rows: [Row] = []
        var area: Located<String>?
        let statusValues = HeaderAliases.values["status"] ?? [:]
        for rowNumber in order where rowNumber > headerEnd {
            let cells = grid[rowNumber] ?? [:]
            let filled = cells.filter { !$0.value.trimmed(0..<$0.value.count).isEmpty }
            guard let first = filled.min(by: { $0.key < $1.key }) else { continue }
            let distinct = Set(filled.values.map { $0.string($0.trimmed(0..<$0.count)) })
            if distinct.count == 1, header.fields.count > 2, filled.count < header.fields.count || filled.count == 1 {
                area = first.value.value(0..<first.value.count)
                continue
            }
            var row = Row(number: rowNumber, table: table, position: first.value.position(0))
            row.area = area
            for (column, field) in header.fields {
                guard let text = cells[column], let value = text.value(0..<text.count) else { continue }
                switch field {
                case "id": row.id = value
                case "title":
                    row.text = value
                    row.title = firstSentence(text)
                case "lead": row.lead += UnitLists.split(text, 0..<text.count)
                case "participants": row.participants += UnitLists.split(text, 0..<text.count)
                case "responsible":
                    var names = UnitLists.split(text, 0..<text.count)
                    row.lead += UnitLists.markedLeads(&names)
                    row.responsible += names
                case "owner": row.owner = value
                case "due": row.due = value
                case "status": row.status = Located(statusValues[value.value] ?? value.value, value.position)
                case "note": row.note = value
                case "area": row.area = value
                default: break
                }
            }
            guard row.title != nil || row.id != nil || !row.lead.isEmpty || !row.responsible.isEmpty else { continue }
            // `| 一 | 产业发展 |  |  |`: a heading row numbered in Chinese, naming no unit and no
            // deadline in a table that has such columns, is the area of the rows below.
            let saysWho = !row.lead.isEmpty || !row.participants.isEmpty || !row.responsible.isEmpty || row.due != nil || row.owner != nil
            let hasWhoColumns = header.fields.values.contains { ["lead", "participants", "responsible", "due"].contains($0) }
            if !saysWho, hasWhoColumns, let heading = row.text ?? row.id, row.id.map({ isChineseNumbered($0.value) }) ?? true {
                area = heading
                continue
            }
            rows.append(row)
        }
        let written = (grid[header.row] ?? [:]).mapValues { $0.string($0.trimmed(0..<$0.count)) }
        return (Header(table: table, fields: header.fields, written: written), rows)
    }

    static func mapHeader(_ cells: [Int: LocatedText]) -> [Int: String] {
        var fields: [Int: String] = [:]
        var titleColumns: [Int] = []
        for (column, text) in cells.sorted(by: { $0.key < $1.key }) {
            let key = TableMapper.normalizeHeader(text.string(0..<text.count))
            if responsibleHeaders.contains(key) { fields[column] = "responsible"; continue }
            guard let field = HeaderAliases.fields[key] else { continue }
            if field == "title" { titleColumns.append(column); continue }
            if !fields.values.contains(field) { fields[column] = field }
        }
        // `重点任务 | 具体措施`: the measure is the row's task, the task above it its area.
        if let last = titleColumns.last { fields[last] = "title" }
        if titleColumns.count > 1, !fields.values.contains("area") { fields[titleColumns[0]] = "area" }
        return fixResponsible(fields, cells: cells)
    }

    /// A `责任单位` column names participants beside a lead column (without a participants
    /// column), and the responsible otherwise.
    static func fixResponsible(_ fields: [Int: String], cells: [Int: LocatedText]) -> [Int: String] {
        var fields = fields
        let isResponsible = { (column: Int) in
            cells[column].map { responsibleHeaders.contains(TableMapper.normalizeHeader($0.string(0..<$0.count))) } ?? false
        }
        // The same reading as a ledger's (`HeaderAliases.responsibleRole`).
        let role = HeaderAliases.responsibleRole(besides: fields.filter { !isResponsible($0.key) }.values)
        for (column, field) in fields where (field == "responsible" || field == "participants") && isResponsible(column) {
            fields[column] = role
        }
        return fields
    }

    /// `一`, `一、`, `（一）`: a 序号 in Chinese numerals numbers a group of rows.
    static func isChineseNumbered(_ value: String) -> Bool {
        let core = value.unicodeScalars.filter { !"、.．（）() ".unicodeScalars.contains($0) }
        return !core.isEmpty && core.allSatisfy(ChineseNumerals.isNumeral)
    }

    /// The first sentence of a cell: up to 。！？ or a line break.
    static func firstSentence(_ text: LocatedText) -> Located<String>? {
        var end = 0
        while end < text.count, !"。！？!?\n".unicodeScalars.contains(text.norm[end]) { end += 1 }
        return text.value(0..<end)
    }
}
