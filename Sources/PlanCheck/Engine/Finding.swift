/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// One problem found in a dataset.
public struct Finding: Sendable, Hashable, Codable {
    /// The rule id, plus `.code` when the checker distinguishes kinds (`deadline.overdue`).
    public var rule: String
    public var checker: String
    public var severity: Severity
    public var message: String
    public var file: String
    public var line: Int
    public var column: Int
    /// RFC 9535 normalized path of the offending node.
    public var path: String
    /// The record's key (its `id` by default) or its path when it has none.
    public var record: String
    /// For tabular sources, the sheet holding the cell.
    public var sheet: String?
    /// The line where the record itself starts (nil when unknown). Inline suppressions sit on or
    /// above a record, while the finding may point at one of its fields further down.
    public var recordLine: Int?
    /// The table cell the finding is about, for CSV/TSV files, worksheets and Word tables (nil
    /// elsewhere): reports name it as a spreadsheet user does (`tasks.csv!D4`, `表2!C5`).
    public var cell: FindingCell?

    public init(rule: String, checker: String, severity: Severity, message: String, file: String,
                line: Int, column: Int, path: String, record: String, sheet: String? = nil, recordLine: Int? = nil,
                cell: FindingCell? = nil) {
        self.rule = rule
        self.checker = checker
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.record = record
        self.sheet = sheet
        self.recordLine = recordLine
        self.cell = cell
    }

    /// The deterministic report order: file, position, rule, then message.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.message != b.message { return a.message < b.message }
        return a.path < b.path
    }
}
