/// Where a finding is, as its reader names the place — the one place formatter every report
/// format uses:
///
/// | input | place |
/// |---|---|
/// | worksheet cell | `tasks.xlsx:Sheet1!D12` |
/// | CSV/TSV cell | `tasks.csv!D4` (the file is the sheet, as Excel opens it) |
/// | Word table cell | `plan.docx:表2!C5` (the document's second table, merged cells resolved) |
/// | other Word paragraph | `plan.docx:¶112` (Word users go to a paragraph, not to a column of it) |
/// | YAML, JSON, `.txt`, `.md` | `file:line:column` |
///
/// Presentation only: `Finding.line`/`column` stay what tools need (the worksheet cell, the CSV
/// line and field number, the `<w:p>` ordinal), and formats that must print numbers keep them
/// and add `note(_:)`.
enum FindingPlace {
    /// The whole place, with `file` (default: the finding's file as given) in front.
    static func text(_ finding: Finding, file: String? = nil) -> String {
        let file = file ?? finding.file
        if let cell = cell(finding) { return file + (isSheetless(finding) ? "!" : ":") + cell }
        return text(file: file, line: finding.line, column: finding.column, sheet: finding.sheet)
    }

    /// A place outside a table: `plan.docx:¶112` in a Word document, else `file:line:column`
    /// (also for `import`'s notes, so they name the place as `check` does).
    static func text(file: String, line: Int, column: Int, sheet: String? = nil) -> String {
        if sheet == nil, file.lowercased().hasSuffix(".docx") { return "\(file):¶\(line)" }
        return "\(file):\(line):\(column)"
    }

    /// The place inside the file as a spreadsheet or Word user names it (`Sheet1!D12`, `D4`,
    /// `表2!C5`, `¶112`); nil where `line:column` is the place.
    static func local(_ finding: Finding) -> String? {
        cell(finding) ?? paragraph(finding).map { "¶\($0)" }
    }

    /// The cell reference: `Sheet1!D12`, `表2!C5`, or `D4` for a CSV file; nil outside tables.
    static func cell(_ finding: Finding) -> String? {
        if let cell = finding.cell {
            if let table = cell.table { return "表\(table)!" + cell.address }
            if let sheet = finding.sheet { return sheet + "!" + cell.address }
            return cell.address
        }
        if let sheet = finding.sheet { return sheet + "!" + CellAddress.name(row: finding.line, column: finding.column) }
        return nil
    }

    /// For formats whose own fields are line and column: the readable place and the column's
    /// header as written (`表1!C3 (牵头单位)`, `tasks.csv!D4 (牵头单位)`, `¶112`); nil where
    /// `line:column` already says it.
    static func note(_ finding: Finding) -> String? {
        guard var local = local(finding) else { return nil }
        if isSheetless(finding) { local = fileName(finding.file) + "!" + local }
        if let header = finding.cell?.header { local += " (\(header))" }
        return local
    }

    /// The paragraph of a finding in a Word document (its `line`), nil for other files.
    static func paragraph(_ finding: Finding) -> Int? {
        guard finding.sheet == nil, finding.file.lowercased().hasSuffix(".docx") else { return nil }
        return finding.line
    }

    /// A CSV/TSV cell: the file itself is the sheet (`tasks.csv!D4`).
    static func isSheetless(_ finding: Finding) -> Bool {
        guard let cell = finding.cell else { return false }
        return cell.table == nil && finding.sheet == nil
    }

    /// Whether a link to the file can point at a line (`#L12`): not for the binary formats.
    static func hasLines(_ finding: Finding) -> Bool {
        let name = finding.file.lowercased()
        return !(name.hasSuffix(".docx") || name.hasSuffix(".xlsx") || name.hasSuffix(".xlsm"))
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
