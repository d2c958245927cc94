/// A pull-request comment: a summary line, a per-file count table and a findings table.
///
/// The first line is the hidden marker `<!-- plancheck-report -->`, so a workflow can find its
/// earlier comment and update it instead of adding one per push. The summary says how many
/// findings suppressions and the baseline hid. With a link base (`--link-base`, or the CI's
/// environment: see `LinkBase`) each location links to the file at that line. Locations are
/// named as the text report names them (`tasks.csv!D4`, `plan.docx:表2!C5`), with the column's
/// header for table cells; a Word or Excel file is linked without a line.
///
/// Table cells escape `|` and turn line breaks into `<br>` so a message cannot break the table.
/// GitHub refuses comments over 65 536 characters, so the findings table stops after
/// `maxFindings` rows and says how many were left out.
public struct MarkdownReport: ReportFormat {
    public static let identifier = "markdown"
    public static let summary = "Markdown for a pull-request comment: summary and findings tables."

    let repositoryRoot: String?
    let maxFindings: Int

    public init() { self.init(repositoryRoot: RepositoryPaths.root()) }

    public init(repositoryRoot: String?, maxFindings: Int = 200) {
        self.repositoryRoot = repositoryRoot
        self.maxFindings = maxFindings
    }

    /// The hidden first line a comment-posting step searches for.
    public static let marker = "<!-- plancheck-report -->"

    public func render(_ input: ReportInput) -> String {
        let result = input.result
        var out = Self.marker + "\n### PlanCheck: \(result.summaryLine)\n\n"
        var hidden: [String] = []
        if input.hidden.suppressed > 0 { hidden.append("\(input.hidden.suppressed) suppressed (inline comments and `ignore:`)") }
        if input.hidden.baselined > 0 { hidden.append("\(input.hidden.baselined) accepted by the baseline") }
        if !hidden.isEmpty { out += "Not shown: " + hidden.joined(separator: ", ") + ".\n\n" }
        if result.findings.isEmpty && result.errors.isEmpty {
            out += "No findings.\n"
            return out
        }
        out += "| file | errors | warnings | info |\n|---|---:|---:|---:|\n"
        var counts: [String: [Severity: Int]] = [:]
        var order: [String] = []
        for finding in result.findings {
            if counts[finding.file] == nil { order.append(finding.file) }
            counts[finding.file, default: [:]][finding.severity, default: 0] += 1
        }
        for file in order {
            let c = counts[file] ?? [:]
            out += "| \(Self.cell(path(file))) | \(c[.error] ?? 0) | \(c[.warning] ?? 0) | \(c[.info] ?? 0) |\n"
        }
        out += "| **total** | \(result.count(.error)) | \(result.count(.warning)) | \(result.count(.info)) |\n"
        if !result.errors.isEmpty {
            out += "\n**Could not be read:**\n\n"
            for error in result.errors {
                out += "- `\(Self.code(error.line >= 1 ? "\(path(error.file)):\(error.line):\(error.column)" : path(error.file)))` \(Self.cell(error.message))\n"
            }
        }
        if !result.findings.isEmpty {
            out += "\n| | location | rule | record | message |\n|---|---|---|---|---|\n"
            for finding in result.findings.prefix(maxFindings) {
                var location = "`\(Self.code(FindingPlace.text(finding, file: path(finding.file))))`"
                let line = FindingPlace.hasLines(finding) ? finding.line : 0
                location = input.linkBase.map { "[\(location)](\(LinkBase.link(base: $0, path: path(finding.file), line: line)))" } ?? location
                if let header = finding.cell?.header { location += " (" + Self.cell(header) + ")" }
                out += "| \(Self.icon(finding.severity)) | \(location) | `\(Self.code(finding.rule))` | \(Self.cell(finding.record)) | \(Self.cell(finding.message)) |\n"
            }
            if result.findings.count > maxFindings {
                out += "\n…and \(result.findings.count - maxFindings) more findings not listed here (GitHub limits a comment's size); "
                    + "the job's `--format text` or SARIF report lists them all.\n"
            }
        }
        return out
    }

    func path(_ file: String) -> String { RepositoryPaths.relative(file, to: repositoryRoot) }

    static func icon(_ severity: Severity) -> String {
        switch severity {
        case .error: "❌ error"
        case .warning: "⚠️ warning"
        case .info: "ℹ️ info"
        }
    }

    /// Text for a table cell: pipes escaped, line breaks as `<br>`, HTML-significant `<`
    /// neutralised so a dataset value cannot inject markup into the comment.
    static func cell(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": out += "\\|"
            case "\n": out += "<br>"
            case "\r": continue
            case "<": out += "&lt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text inside a code span: a pipe still splits a table cell there, and a backtick would
    /// end the span.
    static func code(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("`", with: "'")
    }
}
