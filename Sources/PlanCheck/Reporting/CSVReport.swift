/// Comma-separated values per RFC 4180: a header row, CRLF line ends, and fields quoted when
/// they hold a comma, a double quote, CR or LF (quotes doubled). Input errors are rows with the
/// rule `plancheck.input-error`, so a spreadsheet shows them too.
public struct CSVReport: ReportFormat {
    public static let identifier = "csv"
    public static let summary = "CSV (RFC 4180), one row per finding, for spreadsheets."
    /// Columns are only ever added at the end. `place` is the finding's place as the text report
    /// names it (`tasks.csv!D4`, `plan.docx:表2!C5`); `columnHeader` the header of its cell's column.
    public static let columns = ["file", "line", "column", "severity", "rule", "checker", "record", "path", "message", "sheet", "place", "columnHeader"]

    public init() {}

    public func render(_ input: ReportInput) -> String {
        var rows: [[String]] = [Self.columns]
        for error in input.result.errors {
            rows.append([error.file, String(error.line), String(error.column), "error", "plancheck.input-error", "", "", "", error.message, "", error.place, ""])
        }
        for f in input.result.findings {
            rows.append([f.file, String(f.line), String(f.column), f.severity.rawValue, f.rule, f.checker, f.record, f.path, f.message, f.sheet ?? "",
                         FindingPlace.text(f), f.cell?.header ?? ""])
        }
        return rows.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
