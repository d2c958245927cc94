/// `file:line:col: severity: message [rule-id]`, grouped by file, then a summary.
public struct TextReport: ReportFormat {
    public static let identifier = "text"
    public static let summary = "Human-readable lines grouped by file (default)."

    public init() {}

    public func render(_ input: ReportInput) -> String {
        let result = input.result
        var out = ""
        var currentFile: String?
        for error in result.errors.sorted(by: { $0.file < $1.file }) {
            out += paint("\(error.place): ", .bold, input.color)
            out += paint("input error: ", .red, input.color) + error.message + "\n"
        }
        if !result.errors.isEmpty && !result.findings.isEmpty { out += "\n" }
        for finding in result.findings {
            if let current = currentFile, current != finding.file { out += "\n" }
            currentFile = finding.file
            // Cells and paragraphs read as users name them: `tasks.xlsx:Sheet1!D12`, `tasks.csv!D4`,
            // `plan.docx:表2!C5`, `plan.docx:¶112`.
            let place = FindingPlace.text(finding)
            out += paint(place + ": ", .bold, input.color)
            out += paint(finding.severity.rawValue + ":", color(for: finding.severity), input.color)
            out += " \(finding.message) "
            out += paint("[\(finding.rule)]", .dim, input.color) + "\n"
        }
        if !result.findings.isEmpty || !result.errors.isEmpty { out += "\n" }
        out += result.summaryLine + "\n"
        return out
    }

    enum Style: String {
        case bold = "1", red = "31", yellow = "33", blue = "34", dim = "2"
    }

    func color(for severity: Severity) -> Style {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .info: .blue
        }
    }

    func paint(_ text: String, _ style: Style, _ enabled: Bool) -> String {
        enabled ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
