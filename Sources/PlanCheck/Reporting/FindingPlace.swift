/// Where a finding is, as its reader names the place: a spreadsheet cell `tasks.xlsx:Sheet1!D12`,
/// a Word paragraph `plan.docx:¶112` (Word users go to a paragraph, not to a column of it), else
/// `file:line:column`. Presentation only: `Finding.line` stays the `<w:p>` ordinal for tools.
enum FindingPlace {
    static func text(_ finding: Finding) -> String {
        if let sheet = finding.sheet { return "\(finding.file):\(sheet)!\(CellAddress.name(row: finding.line, column: finding.column))" }
        if let paragraph = paragraph(finding) { return "\(finding.file):¶\(paragraph)" }
        return "\(finding.file):\(finding.line):\(finding.column)"
    }

    /// The paragraph of a finding in a Word document (its `line`), nil for other files.
    static func paragraph(_ finding: Finding) -> Int? {
        guard finding.sheet == nil, finding.file.lowercased().hasSuffix(".docx") else { return nil }
        return finding.line
    }
}
